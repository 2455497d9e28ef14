import { describe, expect, it } from "vitest";
import { topK } from "../../src/search/top-k.ts";

/** What topK replaces: every positive score, stably sorted. */
function sortAll(scores: Float64Array, k: number, allowed?: (doc: number) => boolean) {
  const all: { doc: number; score: number }[] = [];
  scores.forEach((score, doc) => {
    if (score > 0 && (!allowed || allowed(doc))) all.push({ doc, score });
  });
  return all.sort((a, b) => b.score - a.score).slice(0, k);
}

describe("top k scores", () => {
  it("matches a full stable sort, ties and filters included", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const [size, k] of [[0, 5], [3, 5], [1000, 10], [5000, 100]] as const) {
      // Few distinct values, so ties are everywhere; some zeros, which never rank.
      const scores = Float64Array.from({ length: size }, () => Math.floor(random() * 20) / 4);
      expect(topK(scores, k)).toEqual(sortAll(scores, k));
      const even = (doc: number) => doc % 2 === 0;
      expect(topK(scores, k, even)).toEqual(sortAll(scores, k, even));
    }
  });
});
