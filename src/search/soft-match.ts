import { isStopword, words } from "../embed/tokens.ts";
import { sifWeight, zipfHarmonic } from "../embed/word-vectors/sif.ts";
import type { WordVectors } from "../embed/word-vectors/word-vectors.ts";

/** Papers whose word rows are kept; past it the cache starts over (as the snapshot's own paper cache does). */
const PAPERS_KEPT = 2_000;

/** A question's words as SoftMatch reads them: rows in the word-vector table, their weights, their vectors end to end. */
export type AskedWords = { rows: number[]; weights: number[]; vectors: Float32Array };

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
  /** Each paper's word rows by id, with the text they were read from: a warm process meets the same papers again and again. */
  readonly #paperRows = new Map<string, { text: string; rows: number[] }>();

  constructor(vectors: WordVectors) {
    this.#vectors = vectors;
  }

  /** The question's words as rows, weights and vectors, read once for all its candidates. */
  question(text: string): AskedWords {
    const rows = this.#rows(text);
    const { dims, vectors } = this.#vectors;
    // Scaled by both int8 scales, so a paper word's stored int8 vector is read as it is.
    const own = new Float32Array(rows.length * dims);
    rows.forEach((row, i) => {
      for (let d = 0; d < dims; d++) own[i * dims + d] = vectors[row * dims + d]! / (127 * 127);
    });
    return { rows, weights: rows.map((row) => sifWeight(row, zipfHarmonic(this.#vectors.words.size))), vectors: own };
  }

  /** The weighted mean over the question's words of their best cosine with the paper's words (0 when none has a vector). */
  score(question: AskedWords, id: string, paper: string): number {
    const { rows, weights } = question;
    if (rows.length === 0) return 0;
    const { dims, vectors } = this.#vectors;
    const asked = question.vectors;
    const best = new Float32Array(rows.length);
    // Paper words outer, question words inner: each paper word's vector is read once.
    for (const other of this.#paperWords(id, paper)) {
      const offset = other * dims;
      for (let i = 0; i < rows.length; i++) {
        if (rows[i] === other) {
          best[i] = 1;
          continue;
        }
        let dot = 0;
        const base = i * dims;
        for (let d = 0; d < dims; d++) dot += vectors[offset + d]! * asked[base + d]!;
        if (dot > best[i]!) best[i] = dot;
      }
    }
    let sum = 0;
    let mass = 0;
    for (let i = 0; i < rows.length; i++) {
      sum += weights[i]! * best[i]!;
      mass += weights[i]!;
    }
    return sum / mass;
  }

  #paperWords(id: string, text: string): number[] {
    const kept = this.#paperRows.get(id);
    if (kept?.text === text) return kept.rows;
    if (this.#paperRows.size >= PAPERS_KEPT) this.#paperRows.clear();
    const rows = this.#rows(text);
    this.#paperRows.set(id, { text, rows });
    return rows;
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
