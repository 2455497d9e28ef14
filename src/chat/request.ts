/** What a person asked the bot, whatever the platform. */
export type ChatCommand = "ask" | "paper" | "digest" | "help";

export type ChatRequest = {
  command: ChatCommand;
  /** The question, the paper name, or the digest arguments ("subscribe LLM inference"). */
  text: string;
  /** Platform-neutral thread key: questions in one thread share context. */
  thread: string;
  /** Where to post digests for this conversation, e.g. "slack:C123" or "discord:456". */
  channel: string;
  /** `canManageChannel`: the platform says this user may change the channel's settings (set by adapters for digest commands). */
  user: { id: string; name?: string; isBot?: boolean; canManageChannel?: boolean };
  platform: "discord" | "slack" | "console";
  /** The platform's own event, for adapters that need more than the above. */
  raw?: unknown;
};

/**
 * Turns a free-text message into a request: "paper PyramidKV" or
 * "/paper PyramidKV" looks a paper up, "digest subscribe …" manages digests,
 * "help" explains; anything else is a question.
 */
export function commandFromText(text: string): { command: ChatCommand; text: string } {
  const trimmed = text.trim();
  const match = /^\/?(ask|paper|digest|help)\b[:\s]*(.*)$/is.exec(trimmed);
  if (!match) return { command: "ask", text: trimmed };
  return { command: match[1]!.toLowerCase() as ChatCommand, text: match[2]!.trim() };
}
