import type { App } from "@slack/bolt";
import type { Logger } from "pino";
import { decodeAction } from "../../src/chat/actions.ts";
import type { ChatCore } from "../../src/chat/adapter.ts";
import type { ChatRequest } from "../../src/chat/request.ts";
import type { AnsweredThreads } from "../../src/chat/threads.ts";
import { ACTION_PREFIX } from "./buttons.ts";
import { PLATFORM } from "./platform.ts";
import { responseUrlReply, threadReply, type Clients } from "./thread-reply.ts";

type ButtonClick = {
  type: "block_actions";
  team?: { id: string } | null;
  user: { id: string; name?: string };
  channel?: { id: string };
  container?: { is_ephemeral?: boolean; message_ts?: string };
  message?: { ts: string; thread_ts?: string; text?: string };
};

/**
 * Button clicks (Block Kit `block_actions`): acknowledged at once, then
 * answered in the thread of the message that carried the button, where the
 * conversation already is. A button on a message only its asker can see
 * (ephemeral, or a slash command's private answer) is answered the same way,
 * through the interaction's response URL. A thumbs up or down is thanked
 * through the response URL too, to the voter alone.
 */
export function handleButtons(app: App, core: ChatCore, clients: Omit<Clients, "client">, threads: AnsweredThreads, log: Logger): void {
  app.action(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action, client, respond }) => {
    await ack();
    const click = body as unknown as ButtonClick;
    const value = (action as { value?: unknown }).value;
    const decoded = typeof value === "string" ? decodeAction(value) : undefined;
    if (click.type !== "block_actions" || !decoded) return log.warn({ action: (action as { action_id?: string }).action_id }, "ignored a button this version does not know");
    const channel = click.channel?.id;
    const message = click.message;
    const threadTs = message?.thread_ts ?? message?.ts;
    const base = {
      text: "",
      thread: `${PLATFORM}:${click.team?.id ?? "team"}:${channel ?? "channel"}:${threadTs ?? `button:${click.user.id}`}`,
      channel: `${PLATFORM}:${channel ?? "unknown"}`,
      user: { id: click.user.id, ...(click.user.name && { name: click.user.name }) },
      platform: PLATFORM,
      raw: body,
    };
    if (decoded.kind === "feedback") {
      // An ephemeral message (a slash command's private answer) comes without `message`; its container still names it.
      const answerId = message?.ts ?? click.container?.message_ts ?? `unknown:${(action as { action_ts?: string }).action_ts ?? Date.now()}`;
      const request: ChatRequest = { ...base, command: "feedback", feedback: { vote: decoded.vote, questionId: decoded.questionId, answerId, ...(message?.text && { answer: message.text }) } };
      return void (await core.receive(request, responseUrlReply(respond, true)));
    }
    const request: ChatRequest = { ...base, command: decoded.kind, paperId: decoded.paperId };
    if (channel && threadTs && !click.container?.is_ephemeral) {
      await threads.remember(request.thread);
      const key = `button:${(action as { action_ts?: string }).action_ts ?? Date.now()}`;
      await core.receive(request, threadReply({ client, ...clients }, { channel, threadTs, direct: channel.startsWith("D"), key, team: click.team?.id }, request.user.id, log));
      return;
    }
    await core.receive(request, responseUrlReply(respond, true));
  });
}
