import type { Vote } from "./feedback.ts";

/** What a person asked the bot, whatever the platform. `feedback` comes only from a button. */
export type ChatCommand = "ask" | "paper" | "similar" | "digest" | "stats" | "help" | "feedback";

export type ChatRequest = {
  command: ChatCommand;
  /** The question, the paper name, or the digest arguments ("subscribe LLM inference"). */
  text: string;
  /** Platform-neutral thread key: questions in one thread share context. */
  thread: string;
  /** Where to post digests for this conversation: the platform's name, a colon, its channel id ("chat:C123"). */
  channel: string;
  /** `canManageChannel`: the platform says this user may change the channel's settings (set by adapters for digest commands). */
  user: { id: string; name?: string; isBot?: boolean; canManageChannel?: boolean };
  /** The adapter's name for its platform, opaque to the core (it keys per-user limits and the admin list). */
  platform: string;
  /** The platform's id of the message that asked, when there is one (not for commands or buttons): an answer's feedback names it. */
  id?: string;
  /** Set by a button: the paper it was attached to, so `paper` and `similar` need no lookup by name. */
  paperId?: string;
  /** Set by a thumbs up or down under an answer: `answerId` is the message the buttons were on, `answer` its text when the platform sent it along. */
  feedback?: { vote: Vote; questionId: string; answerId: string; answer?: string };
  /** Set for a command the bot does not know ("/foo"): it is answered with help rather than searched. */
  unknownCommand?: string;
  /** The platform's own event, for adapters that need more than the above. */
  raw?: unknown;
};

/** "similar to X?" and "similar papers on …" are questions the answerer reads; only "similar X" names a paper. */
const SIMILAR_QUESTION = /^similar\s+(?:to|papers?|work|ones?|research|articles?|studies)\b/i;

/**
 * Turns a free-text message into a request: "paper PyramidKV" or
 * "/paper PyramidKV" looks a paper up, "similar PyramidKV" finds papers like
 * it, "digest subscribe …" manages digests, "stats" describes the library, "help" explains, an unknown
 * "/command" gets help; anything else is a question.
 */
export function commandFromText(text: string): { command: ChatCommand; text: string; unknownCommand?: string } {
  const trimmed = text.trim();
  const match = /^\/?(ask|paper|similar|digest|stats|help)\b[:\s]*(.*)$/is.exec(trimmed);
  if (match && !SIMILAR_QUESTION.test(trimmed.replace(/^\//, ""))) return { command: match[1]!.toLowerCase() as ChatCommand, text: match[2]!.trim() };
  // "/foo bar": a command the bot does not have, not a question about "/foo bar". A path ("/usr/…") is not a command.
  const unknown = /^\/([a-z][\w-]*)(?:\s|$)/i.exec(trimmed);
  if (unknown) return { command: "help", text: "", unknownCommand: unknown[1]! };
  return { command: "ask", text: trimmed };
}
