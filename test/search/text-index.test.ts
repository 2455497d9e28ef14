import { describe, expect, it } from "vitest";
import { paperTerms } from "../../src/search/paper-terms.ts";
import { buildTextIndex } from "../../src/search/text-index-builder.ts";
import { questionPairs, questionTerms, topicParts } from "../../src/search/query-terms.ts";

const papers = [
  { title: "KV Cache Compression for Long Contexts", abstract: "We compress the key-value cache of transformers." },
  { title: "Caching Web Pages", abstract: "A cache for key lookups; compression of pages saves bandwidth." },
  { title: "Mixture of Experts at Scale", abstract: "Sparse experts route each token." },
];
const index = buildTextIndex(papers, paperTerms);
const rank = (text: string) => [...index.scores([...questionTerms(text), ...questionPairs(text)].map((term) => ({ term, weight: 1 })))].map((score, doc) => ({ doc, score })).filter((x) => x.score > 0).sort((a, b) => b.score - a.score).map((x) => x.doc);

describe("BM25F text index", () => {
  it("ranks a title match with the words together above the words apart", () => {
    expect(rank("kv cache compression")).toEqual([0, 1]);
  });

  it("indexes word pairs across indexing stopwords, as a question forms them", () => {
    expect(index.documentFrequency("mixtur expert")).toBe(1);
    expect(questionPairs("mixture of experts")).toEqual(["mixtur expert"]);
  });

  it("does not pair a title's last word with the abstract's first", () => {
    expect(index.documentFrequency("context compress")).toBe(0);
  });

  it("knows which paper holds which term", () => {
    expect(index.contains(2, "expert")).toBe(true);
    expect(index.contains(1, "expert")).toBe(false);
  });
});

describe("question parts", () => {
  it("keeps examples and acronyms in parentheses as asides, and what is contrasted away as contrast", () => {
    const parts = topicParts("sparse attention for the prefill stage (e.g. MInference) rather than decoding");
    expect(parts.main).toEqual(expect.arrayContaining(["spars", "attent", "prefil", "stage"]));
    expect(parts.aside).toContain("minfer");
    expect(parts.contrast).toEqual(["decod"]);
    const weight = (term: string) => parts.terms.find((entry) => entry.term === term)?.weight;
    expect(weight("spars")).toBe(1);
    expect(weight("minfer")).toBeLessThan(1);
    expect(weight("decod")!).toBeLessThan(weight("minfer")!);
  });

  it("drops chat framing and function words from the search terms", () => {
    expect(questionTerms("what's out there on pruning, is there any work?")).toEqual(["prune"]);
  });

  it("does not pair words a framing word stood between", () => {
    expect(questionPairs("quantization papers that also ship kernels")).toEqual(["ship kernel"]);
  });
});
