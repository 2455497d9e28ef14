import { describe, expect, it } from "vitest";
import { guardCitations } from "../../src/answer/citation-guard.ts";
import { Conversations } from "../../src/answer/conversations.ts";
import { splitSentences } from "../../src/answer/sentences.ts";
import { storedPaper } from "../store/paper-store.case.ts";

const evidence = [
  { ...storedPaper("PyramidKV: Dynamic KV Cache Compression"), abstract: "We propose PyramidKV, which compresses the KV cache across layers. It keeps 12% of the cache with no accuracy loss." },
  { ...storedPaper("Sparse Attention Survey"), abstract: "This survey reviews sparse attention methods for long documents." },
];

describe("citation guard", () => {
  it("keeps supported, cited sentences and numbers the list in order of appearance", () => {
    const guarded = guardCitations("Sparse attention methods are reviewed for long documents [2]. PyramidKV compresses the KV cache across layers [1].", evidence, "kv cache");
    expect(guarded.text).toBe("Sparse attention methods are reviewed for long documents [1]. PyramidKV compresses the KV cache across layers [2].");
    expect(guarded.citations.map((citation) => citation.title)).toEqual(["Sparse Attention Survey", "PyramidKV: Dynamic KV Cache Compression"]);
  });

  it("strips numbers outside the evidence, in lists too", () => {
    const guarded = guardCitations("PyramidKV compresses the KV cache across layers [1, 7][4].", evidence, "kv cache");
    expect(guarded.text).toBe("PyramidKV compresses the KV cache across layers [1].");
    expect(guarded.stripped).toBe(2);
  });

  it("accepts an exact quote even when the wording around it is new", () => {
    const guarded = guardCitations('Remarkably, the authors report that "It keeps 12% of the cache with no accuracy loss" [1].', evidence, "kv cache");
    expect(guarded.rewritten).toBe(0);
  });

  it("rewrites an unsupported cited claim into the paper's own sentence", () => {
    const guarded = guardCitations("PyramidKV was developed at NASA for Mars rovers in 1985 [1].", evidence, "kv cache");
    expect(guarded.rewritten).toBe(1);
    expect(guarded.text).toMatch(/^\*\*PyramidKV: Dynamic KV Cache Compression\*\* \[1\]: We propose PyramidKV/);
  });

  it("leaves uncited framing sentences alone and lists no uncited paper", () => {
    const guarded = guardCitations("Here is what the library has.\n- PyramidKV compresses the KV cache across layers [1].", evidence, "kv cache");
    expect(guarded.text).toBe("Here is what the library has.\n- PyramidKV compresses the KV cache across layers [1].");
    expect(guarded.citations).toHaveLength(1);
  });
});

describe("sentences", () => {
  it("does not split at abbreviations or decimals", () => {
    expect(splitSentences("We use e.g. LoRA adapters. Accuracy rises by 3.5 points. Done.")).toEqual(["We use e.g. LoRA adapters.", "Accuracy rises by 3.5 points.", "Done."]);
  });
});

describe("conversations", () => {
  it("keeps a bounded number of turns and threads", () => {
    const conversations = new Conversations({ maxTurns: 2, maxThreads: 2 });
    const turn = (question: string) => ({ question, topic: question, filters: {}, papers: [], answer: "" });
    ["a", "b", "c"].forEach((question) => conversations.add("one", turn(question)));
    expect(conversations.turns("one").map((entry) => entry.question)).toEqual(["b", "c"]);
    conversations.add("two", turn("x"));
    conversations.add("three", turn("y"));
    expect(conversations.turns("one")).toEqual([]);
    expect(conversations.turns("three")).toHaveLength(1);
  });
});
