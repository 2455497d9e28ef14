import type { Embedder } from "./embedder.ts";
import { l2Normalize } from "./embedder.ts";
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

/** `hashText` of text already made into content terms. */
export function hashTerms(terms: string[], dims = HASH_DIMS): number[] {
  const counts = new Map<string, number>();
  const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  terms.forEach((term, index) => {
    add(term, 1);
    if (index > 0) add(`${terms[index - 1]}_${term}`, 0.5);
  });
  const vector = new Array<number>(dims).fill(0);
  for (const [feature, count] of counts) {
    const hash = fnv1a(feature);
    const sign = hash & 0x80000000 ? -1 : 1;
    vector[hash % dims]! += sign * (1 + Math.log(count));
  }
  return l2Normalize(vector);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
