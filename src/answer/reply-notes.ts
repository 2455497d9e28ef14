import type { SearchResult } from "../search/search-result.ts";
import { SETTINGS } from "../search/settings.ts";
import type { PaperFilters, StoredPaper } from "../store/paper-store.ts";
import { describeFilters, keptSaid } from "./filter-words.ts";
import { escapeMarkdown } from "./extractive.ts";
import type { Mentions } from "../library/library.ts";
import type { Reply } from "./reply.ts";

/** The note the user sees whenever the model failed and the answer comes from the abstracts instead. */
export const MODEL_UNAVAILABLE = "The language model was unavailable, so this answer quotes the abstracts directly.";

/** The papers a reply cites, in its order (a model may cite fewer than it was given); `otherwise` when it cites none of them. */
export function citedPapers(reply: Reply, papers: StoredPaper[], otherwise: StoredPaper[]): StoredPaper[] {
  const cited = reply.citations.map((citation) => papers.find((paper) => paper.id === citation.id)).filter((paper): paper is StoredPaper => paper !== undefined);
  return cited.length > 0 ? cited : otherwise;
}

export const MORE_CLOSE = 'More papers rank close to these: say "more" to see them.';

/**
 * An answer cites at most a few papers: when more rank close to them, it
 * says so, rather than read as all the library has ("say more").
 */
export function withMoreNote(reply: Reply, result: SearchResult): Reply {
  const best = result.results[0]?.score ?? 0;
  const close = result.results.some((hit) => !hit.relevant && hit.score >= SETTINGS.answer.closeRatio * best);
  if (!reply.found || reply.partial || result.query.listing || !close) return reply;
  return { ...reply, notes: [...reply.notes, MORE_CLOSE] };
}

/** "how many papers on KV cache are there?": the count is asked, not only the best few. */
/** ("how many are there in total on pruning", "how many do we have about X": the papers are understood.) */
const HOW_MANY = /^\s*(?:(?:how many (?:[\w-]+\s+){0,3}?|(?:what(?:'s| is) )?(?:the )?(?:count|number) of )(?:papers|articles|preprints|works|studies)\b|how many (?:are there|do (?:we|you) have|have (?:we|you) got|exist)(?: in total| in all| altogether)? (?:on|about|for|in)\b)/i;

export function asksHowMany(question: string): boolean {
  return HOW_MANY.test(question);
}

/**
 * The count a "how many papers on X?" asks for, said before the papers that best match (`count`: papers writing X);
 * without a topic ("how many papers are from 2024?"), the papers the filters keep.
 */
export function withCount(reply: Reply, { count, titles }: Mentions, topic: string, filters: PaperFilters = {}): Reply {
  if (count === 0 && !reply.found) return reply;
  const kept = keptSaid(filters);
  if (!topic && kept) return { ...reply, text: `${count === 1 ? "1 paper in the library is" : `${count} papers in the library are`} ${kept}.\n\n${reply.text}` };
  // Within the dates asked, said so: "9 papers write diffusion" read as all there are (30).
  const within = describeFilters(filters);
  // "how many are there?" after "what about graphs?" over papers on hyperbolic embeddings: "0 papers write …" above the
  // three it cites read as a contradiction; none writes it in those words, and the ones below come closest.
  if (count === 0) return { ...reply, text: `No paper in the library${within} writes *${escapeMarkdown(topic)}* in those words; the ones below come closest.\n\n${reply.text}` };
  // "1 paper writes hyperbolic embeddings" above four on it read as a miscount: the others put it in other words.
  const cited = reply.citations.length;
  if (reply.found && !reply.partial && cited > count) {
    const writes = count === 1 ? "1 writes it" : `${count} write it`;
    return { ...reply, text: `At least ${cited} papers in the library${within} are on *${escapeMarkdown(topic)}* (those below); ${writes} in those words.\n\n${reply.text}` };
  }
  const said = count === 1 ? `1 paper in the library${within} writes *${escapeMarkdown(topic)}* in its title or abstract` : `${count} papers in the library${within} write *${escapeMarkdown(topic)}* in their titles or abstracts`;
  // "3 papers write sparse autoencoders" over a list of one reads as a miscount: the few others are named.
  const listed = new Set(reply.citations.map((citation) => citation.title));
  const others = count <= titles.length ? titles.filter((title) => !listed.has(title)) : [];
  // (Saying how many of those below write it, so the sum is the count: some below may put it in other words.)
  const below = count - others.length;
  const among = below === 0 ? "" : below === cited ? `besides the ${cited === 1 ? "paper" : cited} below: ` : `besides ${below} of the ${cited} below: `;
  const named = reply.found && others.length > 0 && others.length <= SETTINGS.answer.countOthers;
  // More than two titles read as a run-on sentence: listed, after the ones below are counted.
  if (named && among && others.length > 2) {
    const citedBelow = below === cited ? `the ${cited === 1 ? "paper" : cited} cited below` : `${below} of the ${cited} cited below`;
    return { ...reply, text: `${said}: ${citedBelow} and these ${others.length}:\n${others.map((title) => `- *${escapeMarkdown(title)}*`).join("\n")}\n\n${reply.text}` };
  }
  const besides = named ? `${among ? "; " : ": "}${among}${joinedTitles(others)}${among ? "" : "; those below put it in other words"}` : "";
  // The count is of the words as asked: papers putting it in other words are among those below, not in it.
  return { ...reply, text: `${said}${besides}.\n\n${reply.text}` };
}

/** "*A*", "*A* and *B*", "*A*, *B* and *C*". */
function joinedTitles(titles: string[]): string {
  const shown = titles.map((title) => `*${escapeMarkdown(title)}*`);
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

export function undatedOnTopicNote(count: number): string {
  return `${count === 1 ? "1 more paper on it has" : `${count} more papers on it have`} no date in the library, so the dates asked can neither keep nor rule ${count === 1 ? "it" : "them"} out: ask without the dates to see ${count === 1 ? "it" : "them"}.`;
}

export function withUnavailableNote(extractive: Reply): Reply {
  return { ...extractive, notes: [...extractive.notes, MODEL_UNAVAILABLE] };
}
