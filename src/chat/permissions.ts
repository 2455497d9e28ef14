import type { ChatRequest } from "./request.ts";

export const NOT_ALLOWED =
  "Only people who can manage this channel (or paperbot admins) can change its digest. `digest` shows the current setting and `digest now` shows today's papers; to change it, ask a channel manager, or ask whoever runs paperbot to add you to PAPERBOT_ADMINS.";

/** `digest subscribe …` and `digest unsubscribe` change what a whole channel receives; the rest only read. */
export function changesSubscription(text: string): boolean {
  return /^(subscribe|unsubscribe)\b/i.test(text.trim());
}

/**
 * A channel's digest is the channel's business: changing it takes the
 * platform's say-so that the user manages the channel (adapters set
 * `canManageChannel`), or a place on the configured admin list (entries
 * are "platform:user", in the adapter's own name for its platform).
 */
export function mayChangeDigest(request: ChatRequest, admins: ReadonlySet<string>): boolean {
  if (!changesSubscription(request.text)) return true;
  return request.user.canManageChannel === true || admins.has(`${request.platform}:${request.user.id}`);
}
