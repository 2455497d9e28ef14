import { SETTINGS } from "./settings.ts";
import type { TextIndex } from "./text-index.ts";
import { heldShare } from "./topic-evidence.ts";

/** A paper (by its position in the snapshot) and its score in one list. */
export type Ranked = { doc: number; score: number };

/**
 * Fuses the lexical and vector lists. "linear": each list's scores scaled
 * to its own best (vector scores measured above the list's weakest), then
 * summed with weights, so a paper far ahead on BM25 stays ahead unless the
 * vectors strongly disagree. "rrf": weighted reciprocal rank fusion. The
 * mode and weights were chosen on the tuned half of the development sets.
 */
export function fuse(lexical: Ranked[], vector: Ranked[], vectorWeight = SETTINGS.fusion.vectorWeight): Ranked[] {
  const { lexicalWeight, k, mode } = SETTINGS.fusion;
  const scores = new Map<number, number>();
  const add = (doc: number, value: number) => scores.set(doc, (scores.get(doc) ?? 0) + value);
  if (mode === "rrf") {
    lexical.forEach((entry, rank) => add(entry.doc, lexicalWeight / (k + rank + 1)));
    vector.forEach((entry, rank) => add(entry.doc, vectorWeight / (k + rank + 1)));
  } else {
    const best = lexical[0]?.score ?? 0;
    for (const entry of lexical) add(entry.doc, (lexicalWeight * entry.score) / best);
    const top = vector[0]?.score ?? 0;
    const floor = vector.at(-1)?.score ?? 0;
    for (const entry of vector) add(entry.doc, top > floor ? (vectorWeight * (entry.score - floor)) / (top - floor) : 0);
  }
  return [...scores].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score);
}

/**
 * How much the vector list counts for a question whose main words (stems) are `main`: more when none of the best
 * few lexical matches holds much of their IDF weight (SETTINGS.fusion.sparse).
 */
export function vectorWeightFor(main: string[], lexical: Ranked[], index: TextIndex): number {
  const { vectorWeight, sparse } = SETTINGS.fusion;
  const words = main.filter((stem) => !stem.includes(" ")).map((stem): [string, number] => [stem, 1]);
  if (lexical.length === 0 || words.length === 0) return vectorWeight;
  const best = Math.max(...lexical.slice(0, SETTINGS.relevance.evidencePapers).map((entry) => heldShare(entry.doc, words, index)));
  return best < sparse.below ? sparse.vectorWeight : vectorWeight;
}
