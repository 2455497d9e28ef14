import { describe, expect, it } from "vitest";
import { fuse, vectorWeightFor } from "../../src/search/fusion.ts";
import { paperTerms } from "../../src/search/paper-terms.ts";
import { questionTerms } from "../../src/search/query-terms.ts";
import { SETTINGS } from "../../src/search/settings.ts";
import { TextIndexBuilder } from "../../src/search/text-index-builder.ts";

const builder = new TextIndexBuilder();
for (const paper of [
  { title: "Predicting Drug Combination Outcomes", abstract: "Adverse drug interactions predicted from preclinical data." },
  { title: "Latent Directions in Diffusion Models", abstract: "Editing images in fields such as medicine without prompts." },
  { title: "KV Cache Compression", abstract: "We compress the cache of transformers." },
]) builder.add(paperTerms(paper));
const index = await builder.finish();

describe("fusion", () => {
  it("keeps a paper far ahead on BM25 ahead unless the vectors strongly disagree", () => {
    const lexical = [{ doc: 0, score: 10 }, { doc: 1, score: 2 }];
    const vector = [{ doc: 1, score: 0.9 }, { doc: 0, score: 0.5 }, { doc: 2, score: 0.1 }];
    expect(fuse(lexical, vector, 0.2).map((entry) => entry.doc)).toEqual([0, 1, 2]);
  });

  it("lets the vectors count more when the best lexical matches hold little of the question's words", () => {
    const { vectorWeight, sparse } = SETTINGS.fusion;
    // "taking several medicines at once": only "medicine", mentioned in passing, matches any paper.
    const sparseMatch = vectorWeightFor(questionTerms("taking several medicines at once causing bad side effects"), [{ doc: 1, score: 3 }], index);
    expect(sparseMatch).toBe(sparse.vectorWeight);
    // "kv cache compression": the best paper holds every word.
    expect(vectorWeightFor(questionTerms("kv cache compression"), [{ doc: 2, score: 9 }], index)).toBe(vectorWeight);
    // Nothing matched lexically, or no words: the usual weight.
    expect(vectorWeightFor(questionTerms("kv cache compression"), [], index)).toBe(vectorWeight);
    expect(vectorWeightFor([], [{ doc: 2, score: 9 }], index)).toBe(vectorWeight);
  });
});
