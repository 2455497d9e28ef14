import { describe, expect, it } from "vitest";
import { PaperLookup, stripFraming } from "../../src/search/lookup.ts";
import { namesOf } from "../../src/search/names.ts";
import { storedPaper } from "../store/paper-store.case.ts";

const paper = (title: string, abstract: string, id?: string) => ({ ...storedPaper(title), abstract, ...(id && { id }) });

const papers = [
  paper("PyramidKV: Dynamic KV Cache Compression based on Pyramidal Information Funneling", "We propose PyramidKV, a novel and effective KV cache compression method.", "2406.02069"),
  paper("PyramidInfer: Pyramid KV Cache Compression for High-throughput LLM Inference", "We propose PyramidInfer, a method that compresses the KV cache by layer-wise retaining crucial context."),
  paper("Fast Matrix Multiplications for Lookup Table-Quantized LLMs", "This paper describes FLUTE, a flexible lookup table engine for LUT-quantized LLMs. We also use LoRA adapters."),
  paper("MSPLoRA: A Multi-Scale Pyramid Low-Rank Adaptation", "Among PEFT methods, LoRA reduces trainable parameters. We propose MSPLoRA (Multi-Scale Pyramid LoRA)."),
  paper("Model Tells You What to Discard: Adaptive KV Cache Compression for LLMs", "FastGen can be deployed without fine-tuning. FastGen reduces GPU memory."),
  paper("Model Tells You Where to Merge: Adaptive KV Cache Merging for LLMs on Long-Context Tasks", "We propose KVMerger for merging."),
];
const lookup = new PaperLookup(papers);
const title = (query: string) => lookup.find(query).match?.title ?? null;

describe("paper lookup", () => {
  it.each([
    ["PyramidKV: Dynamic KV Cache Compression based on Pyramidal Information Funneling", /^PyramidKV/],
    ["pyramidkv dynamic kv cache compression based on pyramidal information funneling", /^PyramidKV/],
    ["PyramidKV", /^PyramidKV/],
    ["pyramid kv", /^PyramidKV/],
    ["PyramdKV", /^PyramidKV/],
    ["the PyramidInfer paper", /^PyramidInfer/],
    ["FLUTE", /^Fast Matrix/],
    ["FastGen", /^Model Tells You What/],
    ["pyramidal information funneling", /^PyramidKV/],
    ["lookup table quantized", /^Fast Matrix/],
    ["2406.02069", /^PyramidKV/],
    ["https://arxiv.org/abs/2406.02069v3", /^PyramidKV/],
    ["https://huggingface.co/papers/2406.02069", /^PyramidKV/],
  ])("%s", (query, expected) => {
    expect(title(query)).toMatch(expected);
  });

  it.each(["LoRA", "AlphaFold", "2501.99999", "zxqv blorp", "", "   "])("says no match for %j", (query) => {
    expect(lookup.find(query).match).toBeNull();
  });

  it("offers every equally good candidate instead of picking one", () => {
    const found = lookup.find("Model Tells You");
    expect(found.match).toBeNull();
    expect(found.alternatives.map((candidate) => candidate.title.slice(0, 30)).sort()).toEqual(["Model Tells You What to Discar", "Model Tells You Where to Merge"]);
  });

  it("strips the chat framing around a name", () => {
    expect(stripFraming('look up "PyramidKV"')).toBe("PyramidKV");
    expect(stripFraming("the HNSW paper")).toBe("HNSW");
    expect(stripFraming("paper called TransMLA?")).toBe("TransMLA");
  });
});

describe("names a paper goes by", () => {
  it("reads the short name, its own names, and not names every paper uses", () => {
    const names = namesOf(papers[3]!, (name) => name !== "LoRA");
    expect(names.shortName).toBe("MSPLoRA");
    expect(names.own).toContain("MSPLoRA");
    expect(names.own).not.toContain("LoRA");
  });

  it("takes a name defined in parentheses in the proposing sentence, even if others use it", () => {
    const names = namesOf({ title: "Efficient and robust approximate nearest neighbor search", abstract: "We present a new approach based on navigable small world graphs with controllable hierarchy (Hierarchical NSW, HNSW)." }, () => false);
    expect(names.own).toContain("HNSW");
  });
});
