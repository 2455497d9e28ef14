import { describe, expect, it } from "vitest";
import { isTitleLike } from "../../src/search/title-like.ts";

describe("a message that reads as a pasted paper title", () => {
  it.each(["Attention Is All You Need", "LoRA: Low-Rank Adaptation of Large Language Models", "Deep Residual Learning for Image Recognition", "“Attention Is All You Need”"])("%s is a title", (text) => {
    expect(isTitleLike(text)).toBe(true);
  });

  it.each(["KV Cache Compression", "which papers cover KV cache compression?", "Sparse attention for long sequences", "HNSW", "compare PyramidKV and PyramidInfer", "summary: what does FlashAttention do", "GhostNetV2 and MCUNetV2"])(
    "%s is not",
    (text) => {
      expect(isTitleLike(text)).toBe(false);
    },
  );
});
