/**
 * Plain Okapi BM25 exactly as the shared scorer computes it (lowercase
 * alphanumeric tokens, its short stopword list, title counted twice,
 * k1 = 1.2, b = 0.75), so that our figures sit beside the same baseline
 * the project is judged against, from the same run.
 */
const STOP = new Set(
  ("a an the of in on for to and or with by from is are was were be this that these those we our it its as at " +
    "which what how do does can any anything papers paper work there out about cover covers use using i me my " +
    "you your have has").split(" "),
);

export function referenceTokens(text: string, stopwords = true): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => !stopwords || !STOP.has(word));
}

export class ReferenceBm25 {
  readonly #tf: Map<string, number>[];
  readonly #lengths: number[];
  readonly #average: number;
  readonly #idf = new Map<string, number>();
  readonly #stopwords: boolean;

  /** `stopwords: false` is the CSFCube runner's variant (no stopword list). */
  constructor(documents: string[], options: { stopwords?: boolean } = {}) {
    this.#stopwords = options.stopwords ?? true;
    const tokens = documents.map((document) => referenceTokens(document, this.#stopwords));
    this.#tf = tokens.map((words) => {
      const counts = new Map<string, number>();
      for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
      return counts;
    });
    this.#lengths = tokens.map((words) => words.length);
    this.#average = this.#lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, documents.length);
    const df = new Map<string, number>();
    for (const counts of this.#tf) for (const word of counts.keys()) df.set(word, (df.get(word) ?? 0) + 1);
    for (const [word, frequency] of df) this.#idf.set(word, Math.log(1 + (documents.length - frequency + 0.5) / (frequency + 0.5)));
  }

  /** Indexes of the best `k` documents with a positive score, best first. */
  rank(query: string, k: number): number[] {
    const words = this.#stopwords ? [...new Set(referenceTokens(query))] : referenceTokens(query, false);
    const scores: { index: number; score: number }[] = [];
    this.#tf.forEach((counts, index) => {
      let score = 0;
      for (const word of words) {
        const f = counts.get(word);
        if (f) score += this.#idf.get(word)! * ((f * 2.2) / (f + 1.2 * (0.25 + (0.75 * this.#lengths[index]!) / this.#average)));
      }
      if (score > 0) scores.push({ index, score });
    });
    return scores.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k).map((entry) => entry.index);
  }
}
