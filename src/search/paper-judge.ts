import type { Ranked } from "./fusion.ts";
import type { ParsedQuestion } from "./question.ts";
import type { RelevanceVerdict } from "./relevance.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";

/**
 * Which of the ranked papers are about the question, so an answer cites
 * those and not whatever happened to rank: a paper must score close enough
 * to the best one and hold enough of the topic's weight compared with the
 * best-matching paper. An unsure verdict keeps only the closest few.
 */
export function judgePapers(question: ParsedQuestion, ranked: Ranked[], verdict: RelevanceVerdict, snapshot: LibrarySnapshot, byExample = false): boolean[] {
  if (verdict.decision === "no" || ranked.length === 0) return ranked.map(() => false);
  const { scoreRatio, coverageRatio, maxPapers, unsurePapers } = SETTINGS.answer;
  const limit = verdict.decision === "unsure" ? unsurePapers : maxPapers;
  // Papers found by example share the example's words, not the question's ("papers like PyramidKV").
  const coverage = ranked.map((entry) => (byExample ? 1 : paperCoverage(question, entry.doc, snapshot)));
  const bestCoverage = Math.max(...coverage);
  let kept = 0;
  return ranked.map((entry, i) => {
    const keep = i === 0 || (kept < limit && entry.score >= scoreRatio * ranked[0]!.score && coverage[i]! >= coverageRatio * bestCoverage);
    if (keep) kept++;
    return keep && kept <= limit;
  });
}

/** Share of the topic's IDF weight (main words, asides at half) found in one paper. */
function paperCoverage(question: ParsedQuestion, doc: number, snapshot: LibrarySnapshot): number {
  const index = snapshot.text;
  let total = 0;
  let found = 0;
  const count = (stems: string[], weight: number) => {
    for (const stem of stems) {
      const idf = index.idf(stem) * weight;
      total += idf;
      if (index.contains(doc, stem)) found += idf;
    }
  };
  count(question.parts.main, 1);
  count(question.parts.aside, 0.5);
  return total > 0 ? found / total : 0;
}
