import { loadWordVectors } from "../../src/embed/word-vectors/cache.ts";

/**
 * The first use of the offline embedder converts the word-vector package
 * into a compact cache (a few seconds, once per checkout). Doing it here
 * keeps parallel test files from each converting it.
 */
export default async function setup(): Promise<void> {
  await loadWordVectors();
}
