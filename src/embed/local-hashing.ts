import type { Embedder } from "./embedder.ts";
import { l2Normalize } from "./embedder.ts";
import { remembered } from "./remembered.ts";
import { contentTerms } from "./tokens.ts";

export const HASH_DIMS = 1024;

/**
 * A fully offline embedder: stemmed words and word pairs hashed into a fixed
 * number of signed buckets, with sublinear term frequency. It needs no model
 * download, is deterministic, and gives lexical similarity with some
 * robustness to word forms.
 */
export class LocalHashingEmbedder implements Embedder {
  readonly id = "local-hashing-v1";
  readonly dims = HASH_DIMS;

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => hashText(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return hashText(text);
  }
}

/** `dims`: buckets; fewer collide more, and cost vector storage and index build time in proportion. */
export function hashText(text: string, dims = HASH_DIMS): number[] {
  return hashTerms(contentTerms(text), dims);
}

/**
 * `hashText` of text already made into content terms. Features are told
 * apart by their 32-bit hash rather than their text (two in one paper share
 * a hash about once in 100,000 papers), so a word pair's hash continues from
 * its first word's instead of joining the two into a new string.
 */
export function hashTerms(terms: string[], dims = HASH_DIMS): number[] {
  const counts = new Map<number, number>();
  const add = (hash: number, weight: number) => counts.set(hash, (counts.get(hash) ?? 0) + weight);
  let previous = 0;
  for (let index = 0; index < terms.length; index++) {
    const term = terms[index]!;
    const hash = termHash(term);
    add(hash, 1);
    if (index > 0) add(fnv1a(term, fnv1a("_", previous)), 0.5);
    previous = hash;
  }
  const vector = new Array<number>(dims).fill(0);
  for (const [hash, count] of counts) {
    const sign = hash & 0x80000000 ? -1 : 1;
    vector[hash % dims]! += sign * (1 + Math.log(count));
  }
  return l2Normalize(vector);
}

/** The terms' hashes, remembered (see remembered.ts). */
const termHash = remembered((term) => fnv1a(term), 500_000);

/** FNV-1a of `text`, continued from `from` (the hash of what precedes it). */
function fnv1a(text: string, from = 0x811c9dc5): number {
  let hash = from;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
