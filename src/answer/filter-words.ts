import type { PaperFilters } from "../store/paper-store.ts";

/**
 * How a reply says a question's dates: "published 2024-01-01 to 2024-12-31",
 * "published since …", "published up to …"; with `wholeYear`, a calendar
 * year reads "from 2024". Undefined without dates.
 */
export function datesSaid(filters: PaperFilters, wholeYear = false): string | undefined {
  const { from, to } = filters;
  // (Whole years read as years: "from 2024", "from 2024 to 2025".)
  const years = wholeYear && from?.endsWith("-01-01") && to?.endsWith("-12-31");
  if (from && to && years) return from.slice(0, 4) === to.slice(0, 4) ? `from ${from.slice(0, 4)}` : `from ${from.slice(0, 4)} to ${to.slice(0, 4)}`;
  if (from && to) return `published ${from} to ${to}`;
  if (from) return `published since ${from}`;
  if (to) return `published up to ${to}`;
  return undefined;
}

/** "from 2024 and with at least 5 upvotes": what the papers the filters keep are ("" without filters). */
export function keptSaid(filters: PaperFilters): string {
  return [datesSaid(filters, true), filters.minUpvotes !== undefined && `with at least ${filters.minUpvotes} upvotes`].filter(Boolean).join(" and ");
}

/** " (from 2024, with at least 5 upvotes)", " (published 2024-03-01 to 2024-06-30)", or "" without filters: said beside a topic. */
export function describeFilters(filters: PaperFilters): string {
  const parts = [datesSaid(filters, true), filters.minUpvotes !== undefined && `with at least ${filters.minUpvotes} upvotes`].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}
