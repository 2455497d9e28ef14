import type { PaperFilters, StoredPaper } from "../store/paper-store.ts";

/**
 * The same constraints the store applies inside its queries, for the
 * in-memory index: a paper without a date passes no date constraint.
 */
export function passesFilters(filters: PaperFilters): ((paper: StoredPaper) => boolean) | undefined {
  const { from, to, minUpvotes } = filters;
  if (!from && !to && minUpvotes === undefined) return undefined;
  return (paper) =>
    (!from || (paper.publishedAt !== undefined && paper.publishedAt >= from)) &&
    (!to || (paper.publishedAt !== undefined && paper.publishedAt <= to)) &&
    (minUpvotes === undefined || paper.upvotes >= Math.floor(minUpvotes));
}
