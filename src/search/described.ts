import type { LookupResult } from "./lookup.ts";
import type { SearchResult } from "./search.ts";
import { SETTINGS } from "./settings.ts";

/**
 * A lookup that reads as a description ("the paper where LLMs write GPU
 * kernels and get scored with fast_p") and names no paper by its title:
 * the paper a search for it finds, when the search does not judge its
 * topic absent and that paper stands well clear of the next, further
 * still when the search is unsure of the topic ("mamba selective state
 * spaces" finds a paper that only mentions Mamba, a little ahead of others
 * that do too). A description of a paper the library lacks ("the paper
 * that introduced the transformer") finds several alike, and stays no
 * match.
 */
export function describedMatch(found: LookupResult, search: SearchResult): LookupResult {
  const [first, second] = search.results;
  if (found.match || !first || search.verdict.decision === "no") return found;
  const { describedSearchMargin, describedUnsureMargin } = SETTINGS.lookup;
  if (second && second.score > (search.verdict.decision === "yes" ? describedSearchMargin : describedUnsureMargin) * first.score) return found;
  return { match: first.paper, alternatives: [], closest: [] };
}
