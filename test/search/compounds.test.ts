import { describe, expect, it } from "vitest";
import { joinedAsPapersWrite, joinedQuestion, joinedTerms, formTerms, longerForms, splitTerms } from "../../src/search/compounds.ts";
import { loadWordVectors } from "../../src/embed/word-vectors/cache.ts";
import { paperTerms } from "../../src/search/paper-terms.ts";
import { TextIndexBuilder } from "../../src/search/text-index-builder.ts";

/** The text index of these papers. */
async function indexOf(papers: { title: string; abstract: string }[]) {
  const builder = new TextIndexBuilder();
  for (const paper of papers) builder.add(paperTerms(paper));
  return builder.finish();
}

const index = await indexOf([
  { title: "FlashAttention-2: Faster Attention with Better Parallelism", abstract: "We present FlashAttention-2." },
  { title: "MobileNetV2: Inverted Residuals", abstract: "A mobile architecture." },
  { title: "Data points and clusters", abstract: "Grouping datapoints." },
  { title: "Hierarchy encoders", abstract: "We retrain pre-trained language models as hierarchy encoders." },
  { title: "Activity Recognition from wearables", abstract: "Human activity recognition with few labels." },
  { title: "Image classification", abstract: "A classification benchmark." },
]);

/** A library that writes FlashAttention joined more often than apart. */
const written = await indexOf([
  { title: "FlashAttention-2: Faster Attention", abstract: "We present FlashAttention-2." },
  { title: "How optimal is Flash Attention?", abstract: "We study the I/O complexity of FlashAttention." },
  { title: "VideoChat-Flash", abstract: "Compression for long video." },
  { title: "Mobile nets", abstract: "A MobileNet for phones, unlike mobile net designs before it." },
]);

describe("words a question splits that the library joins", () => {
  it("adds the joined word the papers use, and its version as they pair it", () => {
    expect(joinedTerms("flash attention 2", index, 0.5)).toEqual([
      { term: "flashattent", weight: 0.5 },
      { term: "flashattent 2", weight: 0.5 },
    ]);
  });

  it("adds nothing the library does not write as one word", () => {
    expect(joinedTerms("faster attention", index, 0.5)).toEqual([]);
    expect(joinedTerms("which papers cover attention", index, 0.5)).toEqual([]);
  });
});

describe("a question read with two words joined as the papers write them", () => {
  it("joins a pair the papers write only as one word ('flash attention' for FlashAttention), keeping the rest as asked", () => {
    expect(joinedQuestion("papers like flash attention please", index)).toBe("papers like flashattention please");
  });

  it("leaves a pair the papers also write apart, and a question with no such pair", () => {
    // "data points" is written both ways.
    expect(joinedQuestion("clustering data points", index)).toBeUndefined();
    expect(joinedQuestion("faster attention", index)).toBeUndefined();
  });
});

describe("a question read with a pair joined where more papers write it as one word", () => {
  it("joins a pair more papers write as one word than apart ('flash attention' for FlashAttention), keeping the rest as asked", () => {
    expect(joinedAsPapersWrite("any papers on Flash Attention?", written)).toEqual({ text: "any papers on flashattention?", joins: new Map([["flashattention", "Flash Attention"]]) });
  });

  it("leaves a pair one paper joins, or as many write apart", () => {
    expect(joinedAsPapersWrite("mobile net", written)).toBeUndefined();
    expect(joinedAsPapersWrite("long video compression", written)).toBeUndefined();
  });
});

describe("a form of a question's word whose stem the papers' form does not share", () => {
  it("adds the papers' stem, which Porter's stemmer keeps apart ('recognit' for 'recognising', 'classif' for 'classifying')", () => {
    expect(formTerms("recognising what someone is doing", index, 0.5)).toEqual([{ term: "recognit", weight: 0.5 }]);
    expect(formTerms("activity recognition", index, 0.5)).toEqual([]);
    expect(formTerms("classifying images", index, 0.5)).toEqual([{ term: "classif", weight: 0.5 }]);
  });
});

describe("a word of the question that the library splits", () => {
  it("adds the pair the papers write it as ('pretrained' for 'pre-trained')", () => {
    expect(splitTerms("pretrained language models", index, 0.5)).toEqual([{ term: "pre train", weight: 0.5 }]);
  });

  it("adds nothing for a word no paper writes as two", () => {
    expect(splitTerms("hierarchy encoders", index, 0.5)).toEqual([]);
  });
});

describe("a word cut short", () => {
  it("adds the longer word the papers write that it begins and that means the same, never one it merely begins", async () => {
    const vectors = await loadWordVectors();
    const titleWords = ["mathematical", "dataset", "signature", "reasoning"];
    const snapshot = {
      lookup: { completions: (prefix: string) => titleWords.filter((word) => word.startsWith(prefix) && word.length > prefix.length + 1) },
      text: { documentFrequency: () => 3 },
    } as unknown as Parameters<typeof longerForms>[1];
    expect(longerForms("math reasoning", snapshot, vectors, 0.5, 0.5)).toEqual([{ term: "mathemat", weight: 0.5 }]);
    // "data" begins "dataset" and "sign" begins "signature", but neither means the same.
    expect(longerForms("data sign", snapshot, vectors, 0.5, 0.5)).toEqual([]);
  });
});
