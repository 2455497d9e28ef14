import type { Library } from "../library/library.ts";
import { SETTINGS } from "../search/settings.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import type { ListSource, Turn } from "./conversations.ts";
import { pageReply } from "./list-replies.ts";
import type { Reply } from "./reply.ts";

const PAGE = SETTINGS.answer.maxPapers;

/**
 * "more": the next page of the search behind the thread's list, and the turn
 * it leaves (the list grown by the page), or a reply alone when the list has
 * no search behind it.
 */
export async function nextPage(library: Library, previous: Turn, today: Date): Promise<{ reply: Reply; turn?: Omit<Turn, "question" | "answer"> }> {
  const { source } = previous;
  if (!source) return { reply: { text: "That list is all I have for it. Ask a new question for other papers.", citations: [], found: false, closest: [], notes: [] } };
  const example = source.example ? await library.paper(source.example) : undefined;
  const seen = new Set(source.seen);
  const result = await library.search(source.question, { today, k: seen.size + 4 * PAGE, ...(source.filters && { filters: source.filters }), ...(example && { example }) });
  // A ranking trails off into papers that merely share a word: stop there (further down than an answer cites:
  // "more" asks for the next ones, and the page says they are less close). A list by date or upvotes has no such tail.
  const floor = result.query.listing ? 0 : SETTINGS.answer.moreRatio * (result.results[0]?.score ?? 0);
  const page = result.results.filter((hit) => !seen.has(hit.paper.id) && hit.score >= floor).slice(0, PAGE).map((hit) => hit.paper);
  const cue = await library.sentenceCue(example ? example.title : previous.topic);
  // After "which of those are from 2024?" kept fewer, the page follows the list it was narrowed from, numbered on from
  // it ("6 to 10", not "2 to 6" beside a list whose 2 was another paper).
  const narrowed = previous.papers.length < source.seen.length;
  const before = narrowed ? (await Promise.all(source.seen.map((id) => library.paper(id)))).filter((paper): paper is StoredPaper => paper !== undefined) : previous.papers;
  const reply = pageReply(example ? { like: example } : { topic: previous.topic }, page, before.length + 1, cue);
  const nextSource: ListSource = { ...source, seen: [...source.seen, ...page.map((paper) => paper.id)] };
  return { reply, turn: { topic: previous.topic, filters: previous.filters, papers: [...before, ...page], source: nextSource } };
}
