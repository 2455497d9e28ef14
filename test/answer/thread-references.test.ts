import { describe, expect, it } from "vitest";
import type { Turn } from "../../src/answer/conversations.ts";
import { backTo, inlineNumbers, titledReference } from "../../src/answer/thread-references.ts";
import type { StoredPaper } from "../../src/store/paper-store.ts";

const paper = (title: string): StoredPaper => ({ id: title, title, abstract: "", url: "", upvotes: 0 }) as StoredPaper;
const kv = [paper("PyramidInfer: Pyramid KV Cache Compression"), paper("Scissorhands: Exploiting the Persistence of Importance"), paper("PyramidKV: Dynamic KV Cache Compression")];
const turn = (question: string, papers: StoredPaper[]): Turn => ({ question, topic: question.toLowerCase(), filters: {}, papers, answer: "" });

describe("references by words", () => {
  it("finds the listed papers whose titles hold 'the X one', by word start", () => {
    expect(titledReference("tell me more about the scissorhands one", kv)).toEqual([kv[1]]);
    expect(titledReference("the dynamic-kv one", kv)).toEqual([kv[2]]);
    expect(titledReference("the pyramid one", kv)).toEqual([kv[0], kv[2]]);
    expect(titledReference("the second one", kv)).toBeUndefined();
    expect(titledReference("the quantum one", kv)).toBeUndefined();
    expect(titledReference("the pyramid one", [])).toBeUndefined();
    // A name the title's name is written from: "the fft one" is FlashFFTConv.
    const conv = [paper("Simple Hardware-Efficient Long Convolutions for Sequence Modeling"), paper("FlashFFTConv: Efficient Convolutions for Long Sequences with Tensor Cores")];
    expect(titledReference("tell me about the fft one", conv)).toEqual([conv[1]]);
    // Accents are no part of the word: "the poincare one" is the Poincaré paper.
    const hyperbolic = [paper("Representation Tradeoffs for Hyperbolic Embeddings"), paper("Poincaré Embeddings for Learning Hierarchical Representations")];
    expect(titledReference("explain the poincare one simply", hyperbolic)).toEqual([hyperbolic[1]]);
  });

  it("returns to an earlier list by its words, 'first' or 'previous', and says when none is about it", () => {
    const turns = [turn("kv cache compression", kv), turn("paper HNSW", []), turn("clustering algorithms", [paper("Accelerated Hierarchical Density Clustering")])];
    expect(backTo("back to the first list", turns)).toEqual({ target: "first", turn: turns[0] });
    expect(backTo("ok, back to the KV cache one", turns)).toEqual({ target: "kv cache", turn: turns[0] });
    expect(backTo("go back to the previous list", turns)).toEqual({ target: "previous", turn: turns[0] });
    expect(backTo("back to swin", turns)).toEqual({ target: "swin" });
    expect(backTo("back to the list", [...turns, turn("paper HNSW", [paper("HNSW")])])).toEqual({ target: "list", turn: turns[0] });
    expect(backTo("papers on getting back to work", turns)).toBeUndefined();
  });

  it("finds list numbers named in passing, but not counts, versions or names with a number", () => {
    expect(inlineNumbers("what does 2 propose?", 5)).toEqual([2]);
    expect(inlineNumbers("who wrote 3?", 5)).toEqual([3]);
    expect(inlineNumbers("is there a pdf for 1?", 5)).toEqual([1]);
    expect(inlineNumbers("how does 3 compare to 4?", 5)).toEqual([3, 4]);
    for (const text of ["what about llama 2?", "any 4-bit methods?", "3 papers on pruning", "top 5 please", "GPT-3 results", "what does 7 propose?"]) expect(inlineNumbers(text, 5)).toEqual([]);
  });
});
