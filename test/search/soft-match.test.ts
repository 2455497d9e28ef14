import { describe, expect, it } from "vitest";
import { WordVectors } from "../../src/embed/word-vectors/word-vectors.ts";
import { StringTable } from "../../src/packed/string-table.ts";
import { SoftMatch } from "../../src/search/soft-match.ts";

// A four-word table in two dimensions: "cpu" lies close to "processor", "banana" at right angles to it.
const rows: [string, number[]][] = [
  ["memory", [90, 90]],
  ["processor", [127, 0]],
  ["cpu", [120, 42]],
  ["banana", [0, 127]],
];
const vectors = new WordVectors({ dims: 2, words: StringTable.of(rows.map(([word]) => word)), vectors: Int8Array.from(rows.flatMap(([, vector]) => vector)) });
const soft = new SoftMatch(vectors);

describe("soft match", () => {
  it("counts a question word the paper writes as a full match", () => {
    expect(soft.score(soft.question("processor"), "p1", "A processor for everything")).toBeCloseTo(1);
  });

  it("counts a related word by how close it is, an unrelated one not at all", () => {
    const asked = soft.question("the processor");
    const related = soft.score(asked, "p2", "Fast CPU inference");
    expect(related).toBeGreaterThan(0.9);
    expect(related).toBeLessThan(1);
    expect(soft.score(asked, "p3", "banana bread")).toBeCloseTo(0);
  });

  it("ignores stopwords and words without a vector, and says 0 when nothing is left", () => {
    expect(soft.score(soft.question("the of zzzz"), "p4", "processor")).toBe(0);
    expect(soft.score(soft.question("processor"), "p5", "the of zzzz")).toBe(0);
  });

  it("weighs a question's rarer words above its commoner ones", () => {
    // "banana" (rarer, by its row) is what the first paper lacks and the second holds.
    const asked = soft.question("memory banana");
    expect(soft.score(asked, "p6", "banana")).toBeGreaterThan(soft.score(asked, "p7", "memory"));
  });

  it("reads a paper again when its text changed since it was last scored", () => {
    const asked = soft.question("processor");
    expect(soft.score(asked, "edited", "banana bread")).toBeCloseTo(0);
    expect(soft.score(asked, "edited", "A processor")).toBeCloseTo(1);
  });
});
