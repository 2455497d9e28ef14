import { describe, expect, it } from "vitest";
import type { Turn } from "../../src/answer/conversations.ts";
import { resolveFollowUp } from "../../src/answer/follow-up.ts";
import { papersOn } from "../../src/answer/narrowed-reply.ts";
import { contentTerms } from "../../src/embed/tokens.ts";
import type { StoredPaper } from "../../src/store/paper-store.ts";

const paper = (n: number, abstract: string): StoredPaper => ({ id: `p${n}`, title: `Paper ${n}`, abstract, url: `https://example.org/${n}` }) as StoredPaper;

describe("what a narrowing asks done without", () => {
  it("reads 'doesn't need any training', 'without retraining', 'needs no fine-tuning' as the '-free' papers write", async () => {
    const { freeOf } = await import("../../src/answer/narrowing.ts");
    expect(freeOf("doesn't need any training")).toBe("training-free");
    expect(freeOf("without retraining")).toBe("retraining-free or training-free");
    expect(freeOf("dont need hand-annotated concepts")).toBeUndefined();
    expect(freeOf("needs no fine-tuning")).toBe("fine-tuning-free");
    expect(freeOf("use reinforcement learning")).toBeUndefined();
  });
});

describe("narrowing a list by a topic with examples", () => {
  const papers = [paper(1, "We evaluate on AIME and GPQA."), paper(2, "Results on math word problems."), paper(3, "We study image captioning.")];
  it("keeps the papers writing the topic or any example in parentheses ('math (AIME, MATH etc)')", () => {
    const weights = new Map(contentTerms("math aime gsm8k").map((term) => [term, 1]));
    expect(papersOn("math (aime, gsm8k)", papers, weights).map((kept) => kept.id)).toEqual(["p1", "p2"]);
  });

  it("reads 'which ones evaluate on X' as the papers on X, not the papers writing 'evaluate'", () => {
    const list: Turn = { question: "test time scaling", topic: "test time scaling", filters: {}, papers, answer: "…" };
    expect(resolveFollowUp("which ones evaluate on math (AIME, MATH etc)", list, new Date("2026-11-22T12:00:00Z"), [list])).toMatchObject({ kind: "narrow", topic: "math (aime, math etc)" });
  });
});

describe("a narrowing none of the list writes whole", () => {
  it("does not fall back to the head of what the asker qualified ('medical images' is not 'images')", async () => {
    const { narrowedReply } = await import("../../src/answer/narrowed-reply.ts");
    const listed = [paper(1, "We classify images with concepts."), paper(2, "Concepts for images and text."), paper(3, "Concept models for tabular data.")];
    const weights = new Map(contentTerms("medical images release dataset").map((term, i) => [term, 4 - i]));
    expect(narrowedReply("medical images", listed, weights).citations).toEqual([]);
    // "release a dataset": the dataset is still what is asked for.
    const released = [paper(4, "We build a new dataset."), paper(5, "A method for images."), paper(6, "Another method.")];
    expect(narrowedReply("release a dataset", released, weights).citations.map((citation) => citation.id)).toEqual(["p4"]);
  });
});
