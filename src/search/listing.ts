import type { PaperFilters } from "../store/paper-store.ts";
import type { DocTable } from "./doc-table.ts";
import type { Ranked } from "./fusion.ts";
import type { PaperOrder } from "./question.ts";
import { topK } from "./top-k.ts";

/**
 * For a question with no topic ("papers from last month", "the most
 * upvoted papers"): the `k` papers passing the filters, newest or most
 * upvoted first, papers without a date after the dated ones. Scores are
 * the order's own values, not relevance.
 */
export function listPapers(docs: DocTable, filters: PaperFilters, order: PaperOrder, k: number): Ranked[] {
  const allowed = docs.filter(filters);
  const scores = new Float64Array(docs.size);
  for (let doc = 0; doc < docs.size; doc++) if (!allowed || allowed(doc)) scores[doc] = orderScore(docs, doc, order);
  return topK(scores, k);
}

/**
 * A paper's place in an order as a positive score, higher first (topK keeps
 * positive scores only): undated papers come after every dated one, oldest
 * first or newest first alike.
 */
export function orderScore(docs: DocTable, doc: number, order: PaperOrder): number {
  const published = docs.published[doc]!;
  if (order === "upvotes") return docs.upvotes[doc]! + 1;
  if (published === 0) return 0.5;
  return order === "newest" ? published : 100_000_000 - published;
}
