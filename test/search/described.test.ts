import { describe, expect, it } from "vitest";
import { describedMatch } from "../../src/search/described.ts";
import type { LookupResult } from "../../src/search/lookup.ts";
import { parseQuestion } from "../../src/search/question.ts";
import { exampleVerdict, type RelevanceVerdict } from "../../src/search/relevance.ts";
import type { SearchResult } from "../../src/search/search-result.ts";
import { storedPaper } from "../store/paper-store.case.ts";

const hogwild = storedPaper("Hogwild! Inference: Parallel LLM Generation via Concurrent Attention");
const keyformer = storedPaper("Keyformer: KV Cache Reduction through Key Tokens Selection");
const pyramid = storedPaper("PyramidKV: Dynamic KV Cache Compression based on Pyramidal Information Funneling");
const noMatch: LookupResult = { match: null, alternatives: [], closest: [] };
const question = "the paper where several copies of an LLM share one KV cache";

function searched(decision: RelevanceVerdict["decision"], hits: [paper: typeof hogwild, score: number, relevant: boolean][]): SearchResult {
  const verdict = { ...exampleVerdict(true), decision };
  return { query: parseQuestion(question, new Date("2026-01-01")), relevant: decision !== "no", verdict, fieldTerms: [], results: hits.map(([paper, score, relevant]) => ({ paper, score, relevant })) };
}

describe("a description's paper, from the search for it", () => {
  it("is the first paper when it stands well clear of the next", () => {
    expect(describedMatch(noMatch, searched("yes", [[hogwild, 1, true], [keyformer, 0.5, true]])).match).toBe(hogwild);
  });

  it("is the one paper the search judged on topic, however close the next ranks", () => {
    expect(describedMatch(noMatch, searched("yes", [[hogwild, 1, true], [keyformer, 0.95, false], [pyramid, 0.9, false]])).match).toBe(hogwild);
  });

  it("is none when several papers close together are on topic, or the search is unsure or finds the topic absent", () => {
    expect(describedMatch(noMatch, searched("yes", [[hogwild, 1, true], [keyformer, 0.95, true]])).match).toBeNull();
    expect(describedMatch(noMatch, searched("unsure", [[hogwild, 1, true], [keyformer, 0.95, false]])).match).toBeNull();
    expect(describedMatch(noMatch, searched("no", [[hogwild, 1, false], [keyformer, 0.2, false]])).match).toBeNull();
  });
});
