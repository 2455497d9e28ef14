import { escapeMarkdown } from "./extractive.ts";
import { describeFilters } from "./filter-words.ts";
import { citationOf, type Reply } from "./reply.ts";
import type { SearchResult } from "../search/search-result.ts";
import type { PaperFilters, StoredPaper } from "../store/paper-store.ts";

/** How many papers a "similar" reply lists: a short list people read, each with its own button. */
export const SIMILAR_SHOWN = 5;

/**
 * "Papers similar to X": the ones judged relevant first, ranked by how
 * alike they are, each a numbered citation (so "2" and the buttons work as
 * after any answer). A "papers like X" search is about X, not a topic, so
 * the list is never empty while the library has other papers.
 */
export function similarReply(example: StoredPaper, result: SearchResult, filters: PaperFilters = {}): { reply: Reply; papers: StoredPaper[] } {
  const papers = [...result.results.filter((hit) => hit.relevant), ...result.results.filter((hit) => !hit.relevant)].slice(0, SIMILAR_SHOWN).map((hit) => hit.paper);
  const within = describeFilters(filters);
  if (papers.length === 0) {
    const text = within ? `No paper in the library${within} is like **${escapeMarkdown(example.title)}**.` : `The library has no other papers to compare with **${escapeMarkdown(example.title)}**.`;
    return { reply: { text, citations: [], found: false, closest: [], notes: [] }, papers };
  }
  const lines = papers.map((paper, index) => `${index + 1}. **${escapeMarkdown(paper.title)}** [${index + 1}]${paper.publishedAt ? ` (${paper.publishedAt})` : ""}`);
  return {
    reply: { text: `Papers similar to **${escapeMarkdown(example.title)}**${within}:\n\n${lines.join("\n")}`, citations: papers.map((paper, index) => citationOf(index + 1, paper)), found: true, closest: [], notes: [] },
    papers,
  };
}
