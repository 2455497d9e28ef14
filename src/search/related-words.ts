import type { WordVectorTable } from "../embed/word-vectors/cache.ts";

/**
 * Nearest neighbours of a word among the words the library actually uses,
 * by cosine similarity of pre-trained word vectors: "closest" finds
 * "nearest", "specialist" finds "expert". Only library words are candidates,
 * so an expansion can always match something.
 */
export class RelatedWords {
  readonly #table: WordVectorTable;
  readonly #rowOf: Map<string, number>;
  readonly #candidates: string[];
  readonly #matrix: Float32Array;
  readonly #cache = new Map<string, string[]>();

  constructor(table: WordVectorTable, libraryWords: Iterable<string>) {
    this.#table = table;
    this.#rowOf = new Map(table.words.map((word, row) => [word, row]));
    this.#candidates = [...new Set(libraryWords)].filter((word) => this.#rowOf.has(word));
    const dims = table.dims;
    this.#matrix = new Float32Array(this.#candidates.length * dims);
    this.#candidates.forEach((word, index) => {
      const row = this.#rowOf.get(word)!;
      for (let i = 0; i < dims; i++) this.#matrix[index * dims + i] = table.vectors[row * dims + i]! / 127;
    });
  }

  related(word: string, count: number, minSimilarity: number): string[] {
    const key = `${word}|${count}|${minSimilarity}`;
    let found = this.#cache.get(key);
    if (!found) {
      found = this.#search(word, count, minSimilarity);
      if (this.#cache.size > 5_000) this.#cache.clear();
      this.#cache.set(key, found);
    }
    return found;
  }

  #search(word: string, count: number, minSimilarity: number): string[] {
    const row = this.#rowOf.get(word) ?? (word.endsWith("s") ? this.#rowOf.get(word.slice(0, -1)) : undefined);
    if (row === undefined) return [];
    const dims = this.#table.dims;
    const query = new Float32Array(dims);
    for (let i = 0; i < dims; i++) query[i] = this.#table.vectors[row * dims + i]! / 127;
    const best: { word: string; similarity: number }[] = [];
    for (let index = 0; index < this.#candidates.length; index++) {
      let dot = 0;
      const offset = index * dims;
      for (let i = 0; i < dims; i++) dot += query[i]! * this.#matrix[offset + i]!;
      if (dot < minSimilarity) continue;
      const candidate = this.#candidates[index]!;
      if (candidate === word || sameRoot(candidate, word)) continue;
      best.push({ word: candidate, similarity: dot });
    }
    return best
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, count)
      .map((entry) => entry.word);
  }
}

function sameRoot(a: string, b: string): boolean {
  const root = (word: string) => word.replace(/(?:ies|es|s|ing|ed)$/, "");
  return root(a) === root(b);
}
