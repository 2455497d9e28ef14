import { isStopword, words } from "../embed/tokens.ts";
import type { WordVectors } from "../embed/word-vectors/word-vectors.ts";

/** Smooth-inverse-frequency constant, as the embedder weighs words (frequent words count little). */
const SIF_A = 1e-3;

/**
 * How closely a paper's words answer each word of a question, in word
 * meanings: for every question word, its best cosine with any word of the
 * paper (1 for the word itself), averaged with the embedder's word weights.
 * An averaged vector blurs a paraphrase's few telling words into its many
 * everyday ones; matching word by word keeps "processor" close to a paper's
 * "CPU" however many other words either text has.
 */
export class SoftMatch {
  readonly #vectors: WordVectors;
  readonly #harmonic: number;

  constructor(vectors: WordVectors) {
    this.#vectors = vectors;
    this.#harmonic = Math.log(vectors.words.size) + 0.5772;
  }

  /** The question's words as rows and weights, read once for all its candidates. */
  question(text: string): { rows: number[]; weights: number[] } {
    const rows = this.#rows(text);
    return { rows, weights: rows.map((row) => SIF_A / (SIF_A + 1 / ((row + 1) * this.#harmonic))) };
  }

  /** The weighted mean over the question's words of their best cosine with the paper's words (0 when none has a vector). */
  score(question: { rows: number[]; weights: number[] }, paper: string): number {
    const own = this.#rows(paper);
    const { dims, vectors } = this.#vectors;
    let sum = 0;
    let mass = 0;
    question.rows.forEach((row, i) => {
      let best = 0;
      for (const other of own) {
        if (other === row) {
          best = 1;
          break;
        }
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += vectors[row * dims + d]! * vectors[other * dims + d]!;
        best = Math.max(best, dot / (127 * 127));
      }
      sum += question.weights[i]! * best;
      mass += question.weights[i]!;
    });
    return mass > 0 ? sum / mass : 0;
  }

  #rows(text: string): number[] {
    const rows = new Set<number>();
    for (const word of words(text)) {
      if (isStopword(word)) continue;
      const row = this.#vectors.row(word);
      if (row !== undefined) rows.add(row);
    }
    return [...rows];
  }
}
