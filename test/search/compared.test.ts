import { describe, expect, it } from "vitest";
import { askedApart, comparedNames, eitherOf } from "../../src/search/compared.ts";

describe("the two things a question compares", () => {
  it.each([
    ["compare PyramidKV and PyramidInfer", ["pyramidkv", "pyramidinfer"]],
    ["how does Scissorhands differ from FastGen?", ["scissorhands", "fastgen"]],
    ["how's PyramidKV different from Scissorhands", ["pyramidkv", "scissorhands"]],
    ["HNSW versus SPANN for vector search", ["hnsw", "spann for vector search"]],
    ["what is the difference between LoRA and full fine-tuning?", ["lora", "full fine-tuning"]],
    ["FlashAttention-2 vs. FlashAttention-3", ["flashattention-2", "flashattention-3"]],
    ["is flash attention 2 better than flash attention 1?", ["flash attention 2", "flash attention 1"]],
  ])("reads %s", (question, names) => {
    expect(comparedNames(question)).toEqual(names);
  });

  it.each(["which papers cover KV cache compression?", "papers that compare bottom-up and top-down approaches", "squeezing photos into fewer bits than jpeg (bitrate vs quality tradeoff)"])("finds no comparison in %s", (question) => {
    expect(comparedNames(question)).toBeUndefined();
  });
});

describe("two requests in one message", () => {
  it.each([
    ["concept bottleneck models, and separately anything on time series forecasting", ["concept bottleneck models", "anything on time series forecasting"]],
    ["two things: 1) approximate nearest neighbor search 2) MoE serving", ["approximate nearest neighbor search", "MoE serving"]],
    ["papers on KV cache compression and also papers on hyperbolic embeddings", ["papers on KV cache compression", "papers on hyperbolic embeddings"]],
    ["any papers on grokking? also, anything on hyperbolic embeddings?", ["any papers on grokking", "anything on hyperbolic embeddings"]],
    ["hyperbolic embeddings, and are there any on protein folding", ["hyperbolic embeddings", "are there any on protein folding"]],
  ])("reads %s", (question, parts) => {
    expect(askedApart(question)).toEqual(parts);
  });

  it.each(["pruning and quantization of LLMs", "KV cache compression and also for vision", "we fine-tuned the same model separately on several tasks; can the weights be added up?", "I work on sparse attention. Also, does it work for vision?", "sparse attention, and any that work for vision?"])("finds one request in %s", (question) => {
    expect(askedApart(question)).toBeUndefined();
  });
});

describe("a topic that is one of two things", () => {
  it("reads two short things joined by 'or' as either", () => {
    expect(eitherOf("music or audio")).toEqual(["music", "audio"]);
    expect(eitherOf("pruning or weight quantization")).toEqual(["pruning", "weight quantization"]);
    // A slash between spaces offers the choice too; one inside a phrase joins its parts.
    expect(eitherOf("ctr prediction / recsys models")).toEqual(["ctr prediction", "recsys models"]);
  });

  it.each(["sign language recognition or translation", "detect ai-generated text or watermark llm outputs", "pruning, distillation or quantization", "kv cache compression", "prefill/decode disaggregation"])("leaves %s one topic", (topic) => {
    expect(eitherOf(topic)).toBeUndefined();
  });
});
