import { describe, expect, it } from "vitest";
import { loadWordVectors } from "../../src/embed/word-vectors/cache.ts";
import { isManner, specificity } from "../../src/search/word-specificity.ts";

describe("specificity", () => {
  it("is 0 for everyday words, 1 for words general English does not know, and rises between", async () => {
    const vectors = await loadWordVectors();
    expect(specificity(vectors, "the")).toBe(0);
    expect(specificity(vectors, "qwzxkvj")).toBe(1);
    expect(specificity(vectors, "fungal")).toBeGreaterThan(specificity(vectors, "satellite"));
  });
});

describe("isManner", () => {
  it("reads adverbs of adjectives and comparatives near their base as how well, not what", async () => {
    const vectors = await loadWordVectors();
    for (const word of ["quickly", "faster", "cheaper", "larger"]) expect(isManner(vectors, word), word).toBe(true);
    for (const word of ["user", "layer", "family", "speech"]) expect(isManner(vectors, word), word).toBe(false);
  });
});
