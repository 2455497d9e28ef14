import { describe, expect, it } from "vitest";
import { StringList, StringTable } from "../../src/packed/string-table.ts";

describe("string table", () => {
  const words = ["kv", "cache", "kv cache", "naïve", "μ-law", "🙂 emoji", "", "a".repeat(500)];
  const table = StringTable.of(words);

  it("finds every string at its position, whatever its characters or length", () => {
    words.forEach((word, i) => {
      expect(table.idOf(word)).toBe(i);
      expect(table.at(i)).toBe(word);
    });
  });

  it("says -1 for strings it lacks, including prefixes and near-misses", () => {
    for (const missing of ["k", "kv cach", "caches", "naive", "a".repeat(499)]) expect(table.idOf(missing)).toBe(-1);
    expect(StringTable.of([]).idOf("anything")).toBe(-1);
  });

  it("works the same rebuilt from its arrays, as a cache file gives them back", () => {
    const copy = new StringTable(table.bytes.slice(), table.offsets.slice(), table.slots.slice());
    expect(words.map((word) => copy.idOf(word))).toEqual(words.map((_, i) => i));
  });

  it("keeps duplicates in a plain list", () => {
    const list = StringList.of(["same", "same", "other"]);
    expect([list.at(0), list.at(1), list.at(2), list.size]).toEqual(["same", "same", "other", 3]);
  });

  it("holds many strings without collisions going wrong", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `term${i}`);
    const big = StringTable.of(many);
    expect(many.every((word, i) => big.idOf(word) === i)).toBe(true);
    expect(big.idOf("term20000")).toBe(-1);
  });
});
