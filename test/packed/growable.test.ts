import { describe, expect, it } from "vitest";
import { grown, Int32List, Uint16List } from "../../src/packed/growable.ts";
import { StringListBuilder } from "../../src/packed/string-list-builder.ts";
import { StringList } from "../../src/packed/string-table.ts";

describe("growable typed arrays", () => {
  it("keeps every number pushed, past many doublings", () => {
    const ints = new Int32List();
    const shorts = new Uint16List();
    for (let i = 0; i < 5_000; i++) {
      ints.push(i * 1_000 - 7);
      shorts.push(i % 65_536);
    }
    expect(Array.from(ints.toArray())).toEqual(Array.from({ length: 5_000 }, (_, i) => i * 1_000 - 7));
    expect(shorts.toArray().length).toBe(5_000);
    expect(shorts.toArray()[4_999]).toBe(4_999);
  });

  it("returns the same array when it is long enough, else a longer copy of the same kind", () => {
    const array = new Uint16Array([1, 2, 3]);
    expect(grown(array, 3)).toBe(array);
    const bigger = grown(array, 40);
    expect(bigger).toBeInstanceOf(Uint16Array);
    expect(bigger.length).toBeGreaterThanOrEqual(40);
    expect(Array.from(bigger.subarray(0, 3))).toEqual([1, 2, 3]);
  });
});

describe("string list builder", () => {
  it("gives the bytes and offsets StringList.of gives, whatever the characters and however large", () => {
    const strings = ["2401.00001", "", "naïve μ-law 🙂", "a".repeat(70_000), "Ünïcödé: Tïtlé", ...Array.from({ length: 3_000 }, (_, i) => `paper ${i}`)];
    const builder = new StringListBuilder();
    for (const text of strings) builder.add(text);
    expect(builder.size).toBe(strings.length);
    const built = builder.finish();
    const expected = StringList.of(strings);
    expect(Buffer.from(built.bytes).equals(Buffer.from(expected.bytes))).toBe(true);
    expect(built.offsets).toEqual(expected.offsets);
    expect(strings.every((text, i) => built.at(i) === text)).toBe(true);
  });
});
