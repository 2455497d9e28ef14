import type { Library } from "../library/library.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { searchedTopic, type Turn } from "./conversations.ts";
import { escapeMarkdown } from "./extractive.ts";
import { narrowedReply } from "./narrowed-reply.ts";
import type { Reply } from "./reply.ts";

type Narrow = { topic: string; papers: StoredPaper[]; without?: true; only?: true };

/**
 * "which of these are for video?": the listed papers that mention it, or,
 * when none does, the thread's topic with it searched in the whole library
 * (`wider`, with `widened` to say first) if that finds papers mentioning it
 * past the few listed: the sixth paper on concept bottlenecks is the video
 * one. "only the ones about graphs" searches wider whenever the list has none.
 */
export async function narrowing(library: Library, narrow: Narrow, previous: Turn, today: Date): Promise<{ reply: Reply } | { wider: string; widened: string }> {
  const weights = await library.termWeights(narrow.topic);
  const reply = narrowedReply(narrow.topic, narrow.papers, weights, { without: narrow.without === true });
  const thread = !narrow.without && reply.citations.length === 0 ? searchedTopic(previous) : undefined;
  if (thread === undefined) return { reply };
  const wider = `${thread} ${narrow.topic}`;
  if (!narrow.only && !(await mentionedBeyond(library, wider, narrow, weights, today))) return { reply: narrowedReply(narrow.topic, narrow.papers, weights, { searchedWider: true }) };
  const none = narrow.papers.length === 1 ? "That paper does not mention" : `None of those ${narrow.papers.length} papers mentions`;
  return { wider, widened: `${none} **${escapeMarkdown(narrow.topic)}**; from the whole library:` };
}

/** Whether a search of `question` finds papers judged on it, besides those listed, that mention the narrowing's topic. */
async function mentionedBeyond(library: Library, question: string, narrow: Narrow, weights: Map<string, number>, today: Date): Promise<boolean> {
  const { relevant, results } = await library.search(question, { today });
  const others = results.filter((hit) => hit.relevant && !narrow.papers.some((paper) => paper.id === hit.paper.id)).map((hit) => hit.paper);
  return relevant && narrowedReply(narrow.topic, others, weights).citations.length > 0;
}
