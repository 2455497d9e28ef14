import { remembered } from "../remembered.ts";
import { isStopword, words } from "../tokens.ts";
import type { WordVectors } from "./word-vectors.ts";

/** Words every abstract uses; they say nothing about what a paper is about. */
const BOILERPLATE = new Set(
  ("model models method methods approach approaches framework propose proposed proposes novel result results show shows shown " +
    "demonstrate demonstrates performance perform performs task tasks experiment experiments experimental existing based achieve achieves " +
    "improve improves improved improvement significant significantly state art paper work study introduce introduces present presents " +
    "various different several use used uses using new large extensive effective effectiveness efficient efficiency").split(" "),
);

const SIF_A = 1e-3;

/** The harmonic number of a table of `size` words in frequency order: Zipf's law gives row r the frequency 1/((r + 1) H). */
export function zipfHarmonic(size: number): number {
  return Math.log(size) + 0.5772;
}

/** A word's SIF weight a/(a + p(w)), its frequency p read off its row by Zipf's law: frequent words count little. */
export function sifWeight(row: number, harmonic: number): number {
  return SIF_A / (SIF_A + 1 / ((row + 1) * harmonic));
}
/** Words whose rows are remembered; a library's vocabulary is far smaller. */
const ROWS_KEPT = 200_000;
/** The shared direction is estimated from this many of the most frequent words. */
const COMMON_FROM_WORDS = 50_000;

/**
 * Smooth-inverse-frequency weighted average of word vectors (Arora et al.,
 * 2017). Word frequency is estimated from the vectors' frequency rank
 * (Zipf), so the embedding of a text does not depend on the rest of the
 * library.
 */
export class SifEncoder {
  readonly dims: number;
  readonly #table: WordVectors;
  readonly #harmonic: number;

  constructor(table: WordVectors) {
    this.#table = table;
    this.dims = table.dims;
    this.#harmonic = zipfHarmonic(table.words.size);
  }

  #common: number[] | undefined;

  /**
   * Removes the projection on the direction every text shares, estimated as
   * the frequency-weighted mean of the words (SIF's "common component",
   * computed from the vectors rather than a corpus so that embeddings stay
   * independent of the library).
   */
  removeCommon(vector: number[]): number[] {
    if (!this.#common) {
      const sum = new Array<number>(this.dims).fill(0);
      const n = Math.min(COMMON_FROM_WORDS, this.#table.words.size);
      for (let row = 0; row < n; row++) {
        const probability = 1 / ((row + 1) * this.#harmonic);
        for (let i = 0; i < this.dims; i++) sum[i]! += probability * this.#table.vectors[row * this.dims + i]!;
      }
      const norm = Math.hypot(...sum);
      this.#common = sum.map((value) => value / norm);
    }
    const dot = vector.reduce((acc, value, i) => acc + value * this.#common![i]!, 0);
    return vector.map((value, i) => value - dot * this.#common![i]!);
  }

  encode(text: string): number[] {
    return this.encodeWords(words(text));
  }

  /** `encode` of text already split by `words`. */
  encodeWords(tokens: string[]): number[] {
    const sum = new Float64Array(this.dims);
    const vectors = this.#table.vectors;
    for (const word of tokens) {
      const row = this.#rowOf(word);
      if (row < 0) continue;
      const weight = sifWeight(row, this.#harmonic);
      const offset = row * this.dims;
      for (let i = 0; i < sum.length; i++) sum[i]! += weight * vectors[offset + i]!;
    }
    return Array.from(sum);
  }

  /** Each word's row (-1: skipped or unknown), remembered: looking a word up hashes its bytes into the 340k-word table. */
  readonly #rowOf = remembered((word) => (isStopword(word) || BOILERPLATE.has(word) ? -1 : (this.#table.row(word) ?? -1)), ROWS_KEPT);
}
