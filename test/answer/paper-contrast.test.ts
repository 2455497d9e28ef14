import { describe, expect, it } from "vitest";
import { contrastLine } from "../../src/answer/paper-contrast.ts";
import type { StoredPaper } from "../../src/store/paper-store.ts";
import { searchStem } from "../../src/search/stem.ts";

const paper = (title: string, abstract: string) => ({ id: title, title, abstract, upvotes: 0 }) as unknown as StoredPaper;
const graphs = paper(
  "GraphANN: Navigable small world graphs for approximate nearest neighbor search",
  "We build navigable small world graphs. Navigable small world graphs give approximate nearest neighbor search with high recall on billion vectors.",
);
const windows = paper(
  "Window filters for approximate nearest neighbor search",
  "Each point has a timestamp label. We answer approximate nearest neighbor search within a timestamp window, and window filters keep recall high.",
);
// Rarity in the library, by stem: the everyday "high" and "recall" weigh little.
const weights = new Map(["navig", "small", "world", "graph", "approxim", "nearest", "neighbor", "search", "timestamp", "window", "filter", "label", "billion", "vector"].map((word) => [searchStem(word) || word, 3]));
for (const word of ["high", "recall", "point", "build", "keep"]) weights.set(searchStem(word), 0.5);

describe("what sets two papers apart", () => {
  it("names each one's own phrases, then what both write, never a paper's own name", () => {
    const line = contrastLine(graphs, windows, weights)!;
    expect(line).toMatch(/^In their own words, \[1\] alone writes of \*[^;]*small world[^;]*\*; \[2\] alone of [^;]*\*(?:timestamp|window filters)\*/i);
    // A single everyday word ("additional", "layers") is no telling phrase: only names and phrases are.
    for (const own of line.split(";").slice(0, 2).flatMap((side) => [...side.matchAll(/\*([^*]+)\*/g)].map((match) => match[1]!))) expect(own.includes(" ") || /\p{Lu}/u.test(own.slice(1)), own).toBe(true);
    expect(line).toMatch(/; both of [^;]*\*approximate nearest neighbor search\*|; both of [^;]*nearest neighbor/);
    expect(line).not.toMatch(/GraphANN/);
  });

  it("says nothing when one paper has nothing of its own", () => {
    expect(contrastLine(graphs, graphs, weights)).toBeUndefined();
  });
});
