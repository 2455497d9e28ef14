import type { Ranked } from "./fusion.ts";
import type { RelevanceVerdict } from "./relevance.ts";
import { SETTINGS } from "./settings.ts";

/**
 * Whether the question's own words leave the order open: the best papers
 * hold little of the topic's IDF weight and their titles do not name it,
 * as when a question describes a topic in everyday words. When they do
 * (keyword questions, long passages), the lexical order stands as fused.
 */
export function rerankWanted(verdict: RelevanceVerdict): boolean {
  const { weight, belowCoverage, belowTitleCoverage } = SETTINGS.rerank;
  return weight > 0 && verdict.signals.coverage < belowCoverage && verdict.signals.titleCoverage < belowTitleCoverage;
}

/**
 * Reorders the best fused candidates by how much each resembles the very
 * best few (their stored vectors, weighted by fused score): papers on the
 * asked topic resemble each other, while papers that matched scattered
 * everyday words of a paraphrase do not. Only candidates already found
 * are reordered, so nothing is pulled in from the rest of the library as
 * query expansion did. `vectors` are the first candidates' vectors, in
 * order (undefined where the store has none); candidates beyond them keep
 * their place below, on the same score scale.
 */
export function clusterRerank(ranked: Ranked[], vectors: (number[] | undefined)[], soft: number[] = []): Ranked[] {
  const { weight, peers: peerCount, floor, softWeight } = SETTINGS.rerank;
  const best = ranked[0]?.score ?? 0;
  const n = Math.min(vectors.length, ranked.length);
  if (best <= 0 || n < 2) return ranked;
  const peers = Math.min(peerCount, n);
  const softBonus = standardised(soft.slice(0, n)).map((z) => softWeight * z);
  const head = ranked.slice(0, n).map((entry, i) => {
    const own = vectors[i];
    let sum = 0;
    let mass = 0;
    for (let j = 0; j < peers; j++) {
      const other = vectors[j];
      if (j === i || !own || !other) continue;
      const share = ranked[j]!.score / best;
      // Only resemblance beyond the floor counts: any two papers of one field share some vocabulary.
      sum += share * Math.max(0, dot(own, other) - floor);
      mass += share;
    }
    return { doc: entry.doc, score: entry.score / best + (mass > 0 ? (weight * sum) / mass : 0) + (softBonus[i] ?? 0) };
  });
  head.sort((a, b) => b.score - a.score);
  return [...head, ...ranked.slice(n).map((entry) => ({ doc: entry.doc, score: entry.score / best }))];
}

/** Each value's distance from their mean in standard deviations (all 0 when they do not vary). */
function standardised(values: number[]): number[] {
  const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const spread = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, values.length));
  return values.map((value) => (spread > 0 ? (value - mean) / spread : 0));
}

function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
