import { describe, expect, it } from "vitest";
import { americanSpelling, searchStem } from "../../src/search/stem.ts";

describe("search's stems", () => {
  it.each([
    ["optimisation", "optimization"],
    ["neighbours", "neighbors"],
    ["behaviour", "behavior"],
    ["centre", "center"],
    ["analyse", "analyze"],
    ["quantisation", "quantization"],
    ["generalisation", "generalization"],
  ])("%s and %s are one term", (british, american) => {
    expect(searchStem(british)).toBe(searchStem(american));
  });

  it("leaves short words and numbers alone", () => {
    for (const word of ["four", "hour", "your", "rise", "2024"]) expect(americanSpelling(word)).toBe(word);
    expect(searchStem("2024")).toBe("2024");
  });

  it("gives a -sional word its noun's stem, as Porter gives a -tional one", () => {
    for (const word of ["dimensional", "dimensionality", "dimensions"]) expect(searchStem(word)).toBe(searchStem("dimension"));
    expect(searchStem("functional")).toBe(searchStem("function"));
  });

  it("keeps an adjective's -ual or -eral ending apart from the root Porter leaves", () => {
    expect(searchStem("continual")).not.toBe(searchStem("continuous"));
    expect(searchStem("generalization")).not.toBe(searchStem("generation"));
    expect(searchStem("generative")).not.toBe(searchStem("generalize"));
  });

  it("still joins the forms of one adjective", () => {
    for (const word of ["generalize", "generalizes", "generalisation", "general", "generally"]) expect(searchStem(word)).toBe(searchStem("generalization"));
    expect(searchStem("continually")).toBe(searchStem("continual"));
    expect(searchStem("continuously")).toBe(searchStem("continuous"));
    expect(searchStem("visualization")).toBe(searchStem("visual"));
    expect(searchStem("individuals")).toBe(searchStem("individual"));
  });
});
