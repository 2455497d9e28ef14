/**
 * Every tuning constant of retrieval in one place. Values were chosen on the
 * tuned half of the shared development sets (even entries of
 * ../shared/eval/set1 and of the CSFCube queries) plus the project's own
 * set, and checked once on the held-out halves; `npm run eval` prints both.
 */
export const SETTINGS = {
  bm25: {
    k1: 1.2,
    /** Length normalisation per field: titles are all short, so their length says little. */
    titleB: 0.3,
    abstractB: 0.75,
    /** A query word in the title counts this many times one in the abstract. */
    titleWeight: 2.5,
    /** Two query words next to each other in the paper (a phrase), relative to a single word. */
    phraseWeight: 0.5,
  },
  /** Weight of a question's parts beside its main words (1). */
  queryWeights: { aside: 0.5, contrast: 0.2 },
  /** How many candidates each list contributes before fusion. */
  candidates: 100,
  fusion: { mode: "linear" as "linear" | "rrf", lexicalWeight: 1, vectorWeight: 0.2, k: 60 },
  /** "Papers like X": how many of X's most distinguishing words make the query. */
  example: { terms: 30 },
};
