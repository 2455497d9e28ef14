import { describe, expect, it } from "vitest";
import { comparedNames } from "../../src/search/compared.ts";

describe("the two things a question compares", () => {
  it.each([
    ["compare PyramidKV and PyramidInfer", ["pyramidkv", "pyramidinfer"]],
    ["how does Scissorhands differ from FastGen?", ["scissorhands", "fastgen"]],
    ["how's PyramidKV different from Scissorhands", ["pyramidkv", "scissorhands"]],
    ["HNSW versus SPANN for vector search", ["hnsw", "spann for vector search"]],
    ["what is the difference between LoRA and full fine-tuning?", ["lora", "full fine-tuning"]],
    ["FlashAttention-2 vs. FlashAttention-3", ["flashattention-2", "flashattention-3"]],
  ])("reads %s", (question, names) => {
    expect(comparedNames(question)).toEqual(names);
  });

  it.each(["which papers cover KV cache compression?", "papers that compare bottom-up and top-down approaches", "squeezing photos into fewer bits than jpeg (bitrate vs quality tradeoff)"])("finds no comparison in %s", (question) => {
    expect(comparedNames(question)).toBeUndefined();
  });
});
