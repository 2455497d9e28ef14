import type { PaperFilters } from "../store/paper-store.ts";
import type { DocTable } from "./doc-table.ts";
import type { Ranked } from "./fusion.ts";
import { topK } from "./top-k.ts";

/**
 * For a question with no topic ("papers from last month", "the most
 * upvoted papers"): the `k` papers passing the filters, newest or most
 * upvoted first, papers without a date after the dated ones. Scores are
 * the order's own values, not relevance.
 */
export function listPapers(docs: DocTable, filters: PaperFilters, order: "newest" | "upvotes", k: number): Ranked[] {
  const allowed = docs.filter(filters);
  const key = order === "newest" ? docs.published : docs.upvotes;
  // topK keeps positive scores only: one more than the key keeps undated and unvoted papers, below the rest.
  const scores = new Float64Array(docs.size);
  for (let doc = 0; doc < docs.size; doc++) if (!allowed || allowed(doc)) scores[doc] = key[doc]! + 1;
  return topK(scores, k);
}
