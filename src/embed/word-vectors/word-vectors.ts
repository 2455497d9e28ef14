import type { WordVectorTable } from "./cache.ts";
import type { StringTable } from "../../packed/string-table.ts";

/**
 * The word-vector table, loaded once per process and shared by everything
 * that reads word vectors (the SIF embedder, the relevance judge). Its 340k
 * words are a hashed string table read from the cache as it is: a Map of
 * them took a fifth of a second at every start.
 */
export class WordVectors {
  readonly dims: number;
  /** Words in frequency order: a word's row is its frequency rank. */
  readonly words: StringTable;
  /** Unit vectors quantised to int8, `dims` per row. */
  readonly vectors: Int8Array;

  constructor(table: WordVectorTable) {
    this.dims = table.dims;
    this.words = table.words;
    this.vectors = table.vectors;
  }

  /** A word's row; a plural without its own vector falls back to the singular. */
  row(word: string): number | undefined {
    const row = this.words.idOf(word);
    if (row >= 0) return row;
    const singular = word.endsWith("s") ? this.words.idOf(word.slice(0, -1)) : -1;
    return singular >= 0 ? singular : undefined;
  }

  /** Cosine similarity of two rows (their vectors are stored unit-length). */
  similarity(a: number, b: number): number {
    let dot = 0;
    for (let i = 0; i < this.dims; i++) dot += this.vectors[a * this.dims + i]! * this.vectors[b * this.dims + i]!;
    return dot / (127 * 127);
  }
}
