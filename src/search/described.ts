import type { LookupResult } from "./lookup.ts";
import type { SearchResult } from "./search.ts";
import { SETTINGS } from "./settings.ts";

/**
 * A lookup that reads as a description ("the paper where LLMs write GPU
 * kernels and get scored with fast_p") and names no paper by its title:
 * the paper a search for it finds, when the search is sure of its topic
 * and that paper stands well clear of the next. A description of a paper
 * the library lacks ("the paper that introduced the transformer") finds
 * several alike, and stays no match.
 */
export function describedMatch(found: LookupResult, search: SearchResult): LookupResult {
  const [first, second] = search.results;
  if (found.match || !first || search.verdict.decision !== "yes") return found;
  if (second && second.score > SETTINGS.lookup.describedSearchMargin * first.score) return found;
  return { match: first.paper, alternatives: [], closest: [] };
}
