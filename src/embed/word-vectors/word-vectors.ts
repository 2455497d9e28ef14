import type { WordVectorTable } from "./cache.ts";

/**
 * The word-vector table with its word index, built once per process and
 * shared by everything that reads word vectors (the SIF embedder, the
 * relevance judge): the index has 340k entries and is worth building once.
 */
export class WordVectors {
  readonly dims: number;
  /** Words in frequency order: a word's row is its frequency rank. */
  readonly words: string[];
  /** Unit vectors quantised to int8, `dims` per row. */
  readonly vectors: Int8Array;
  readonly #rows: Map<string, number>;

  constructor(table: WordVectorTable) {
    this.dims = table.dims;
    this.words = table.words;
    this.vectors = table.vectors;
    this.#rows = new Map(table.words.map((word, row) => [word, row]));
  }

  /** A word's row; a plural without its own vector falls back to the singular. */
  row(word: string): number | undefined {
    return this.#rows.get(word) ?? (word.endsWith("s") ? this.#rows.get(word.slice(0, -1)) : undefined);
  }

  /** Cosine similarity of two rows (their vectors are stored unit-length). */
  similarity(a: number, b: number): number {
    let dot = 0;
    for (let i = 0; i < this.dims; i++) dot += this.vectors[a * this.dims + i]! * this.vectors[b * this.dims + i]!;
    return dot / (127 * 127);
  }
}
