import { describe, expect, it } from "vitest";
import { clusterRerank, rerankWanted } from "../../src/search/rerank.ts";
import type { RelevanceVerdict } from "../../src/search/relevance.ts";
import { SETTINGS } from "../../src/search/settings.ts";

const unit = (v: number[]) => {
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
};

function verdict(coverage: number, titleCoverage: number): RelevanceVerdict {
  const signals = { coverage, titleCoverage, titleSpecific: titleCoverage, missingSpecific: 0, unknownSpecific: 0, vector: 0, vectorGap: 0, lexicalGap: 0, agreement: 0, dominance: 0, titleNamed: 0, wordiness: 0 };
  return { decision: "yes", probability: 1, signals, unmatched: [], missing: [], unknown: [] };
}

describe("cluster rerank", () => {
  it("lifts a candidate that resembles the best few above one that matched by chance", () => {
    const topic = unit([1, 0, 0]);
    const near = unit([1, 0.1, 0]);
    const stray = unit([0, 0, 1]);
    // Docs 0..3 are on the topic; doc 4 is a stray lexical match ranked just above doc 5, also on the topic.
    const ranked = [1, 0.95, 0.9, 0.85, 0.6, 0.58].map((score, doc) => ({ doc, score }));
    const vectors = [topic, near, topic, near, stray, near];
    const order = clusterRerank(ranked, vectors).map((entry) => entry.doc);
    expect(order.indexOf(5)).toBeLessThan(order.indexOf(4));
    expect(order[0]).toBe(0);
  });

  it("keeps candidates beyond the reranked head below it, in their order", () => {
    const ranked = [1, 0.9, 0.8, 0.7].map((score, doc) => ({ doc, score }));
    const result = clusterRerank(ranked, [unit([1, 0]), unit([1, 0])]);
    expect(result.map((entry) => entry.doc)).toEqual([0, 1, 2, 3]);
    expect(result[2]!.score).toBeCloseTo(0.8);
  });

  it("lifts, among equals, the candidate whose words match the question's more closely", () => {
    const same = unit([1, 0]);
    const ranked = [1, 0.99, 0.98].map((score, doc) => ({ doc, score }));
    const order = clusterRerank(ranked, [same, same, same], [0.2, 0.3, 0.9]).map((entry) => entry.doc);
    expect(order[0]).toBe(2);
    // Without word-match scores the fused order stands.
    expect(clusterRerank(ranked, [same, same, same]).map((entry) => entry.doc)).toEqual([0, 1, 2]);
  });

  it("leaves an empty or single list as it is", () => {
    expect(clusterRerank([], [])).toEqual([]);
    expect(clusterRerank([{ doc: 3, score: 2 }], [[1]])).toEqual([{ doc: 3, score: 2 }]);
  });
});

describe("when to rerank", () => {
  it("only when the best papers hold little of the topic and their titles do not name it", () => {
    const { belowCoverage, belowTitleCoverage } = SETTINGS.rerank;
    expect(rerankWanted(verdict(belowCoverage / 2, belowTitleCoverage / 2))).toBe(true);
    expect(rerankWanted(verdict(1, belowTitleCoverage / 2))).toBe(false);
    expect(rerankWanted(verdict(belowCoverage / 2, 1))).toBe(false);
  });
});
