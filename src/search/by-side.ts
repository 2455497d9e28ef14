import { allWriteName, writesPhrase } from "../papers/text.ts";
import { topicParts } from "./query-terms.ts";
import type { ParsedQuestion } from "./question.ts";
import type { SearchHit, SearchResult } from "./search-result.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";

/**
 * Two searches' answers side by side: "HNSW vs product quantization" that no
 * paper covers whole, and two requests in one message ("papers on X and
 * also papers on Y", `apart`). Each side's cited papers come in turn, the
 * best of each first, then the rest of what the searches found, listed but
 * not cited. A side its own search judged not covered cites nothing and
 * lists nothing; the answer says so.
 */
export function sideBySide(query: ParsedQuestion, sides: [string, string], found: SearchResult[], k: number, marks: { meet?: boolean; apart?: boolean } = {}): SearchResult {
  const covered = found.map((result) => result.verdict.decision !== "no");
  const perSide = covered.every(Boolean) ? Math.ceil(SETTINGS.answer.maxPapers / 2) : SETTINGS.answer.maxPapers;
  // A side that names a paper ("HNSW") is that paper and the papers that write its name, not papers like it (SPANN).
  const onSide = (result: SearchResult, side: string) => (hit: SearchHit) => !result.named || hit.paper.id === result.named.id || writesPhrase(`${hit.paper.title} ${hit.paper.abstract}`, side);
  const cited = found.map((result, i) => (covered[i] ? result.results.filter((hit) => hit.relevant && onSide(result, sides[i]!)(hit)).slice(0, perSide) : []));
  const results: SearchHit[] = [];
  for (let i = 0; i < perSide; i++) for (const side of cited) if (side[i] && !results.some((hit) => hit.paper.id === side[i]!.paper.id)) results.push(side[i]!);
  for (const [i, result] of found.entries()) {
    if (covered[i]) for (const hit of result.results) if (!results.some((seen) => seen.paper.id === hit.paper.id)) results.push({ ...hit, relevant: false });
  }
  const answered = found.filter((_result, i) => covered[i]);
  const decision = answered.every((result) => result.verdict.decision === "yes") ? "yes" : "unsure";
  const [first, second] = found.map((result, i) => ({ topic: result.query.shown || sides[i]!, ids: cited[i]!.map((hit) => hit.paper.id) }));
  return {
    query,
    relevant: answered.length > 0,
    verdict: { ...(answered[0] ?? found[0]!).verdict, decision: answered.length > 0 ? decision : "no", missing: [], unknown: [] },
    fieldTerms: [],
    results: results.slice(0, k),
    sides: [first!, second!],
    ...(marks.meet && { sidesMeet: true as const }),
    ...(marks.apart && { sidesApart: true as const }),
  };
}

/** Whether, of the papers an answer to "X vs Y" cites, one writes every word of X (its pairs as phrases) and one every word of Y. */
export function citesEachSide(sides: string[], cited: number[], snapshot: LibrarySnapshot): boolean {
  return sides.every((side) => {
    const parts = topicParts(side);
    const terms = [...parts.main.filter((stem) => !stem.includes(" ")), ...parts.mainPairs];
    return terms.length === 0 || cited.some((doc) => terms.every((term) => snapshot.text.contains(doc, term)));
  });
}

/** How many of a side's best papers must all write its one name for them to be that side ("Mamba"). */
const MENTIONING = 3;

/**
 * "mamba vs transformers": a side that is one name no paper is about, but that the best papers of its search all
 * write (Mamba, which several papers compare against), is those papers, said to be partly on it: the comparison
 * was "Nothing in the library covers mamba vs transformers".
 */
export function asMentioned(result: SearchResult, side: string): SearchResult {
  const top = result.results.slice(0, MENTIONING).map((hit) => hit.paper);
  if (result.verdict.decision !== "no" || top.length < MENTIONING || !allWriteName(side, top)) return result;
  const writes = (hit: SearchHit) => allWriteName(side, [hit.paper]);
  return { ...result, relevant: true, verdict: { ...result.verdict, decision: "unsure" }, results: result.results.map((hit) => ({ ...hit, relevant: writes(hit) })) };
}
