import { describe, expect, it } from "vitest";
import { toPaper } from "../../src/papers/paper.ts";
import { plainText } from "../../src/papers/tex.ts";

describe("LaTeX in titles and abstracts", () => {
  it("turns the markup people type into the characters it stands for", () => {
    expect(plainText("the Poincar\\'e ball")).toBe("the Poincaré ball");
    // A font switch a page kept without its backslash hid a name's definition: "Knowledge-RIch Self-Supervision (tt KRISS)".
    expect(plainText("Knowledge-RIch Self-Supervision (tt KRISS) and tt KRISSBERT")).toBe("Knowledge-RIch Self-Supervision (KRISS) and KRISSBERT");
    expect(plainText("a butt Kicker, tt Words")).toBe("a butt Kicker, tt Words");
    expect(plainText("only 0.1\\% of the cache; S-NIAH 1\\&2\\&3")).toBe("only 0.1% of the cache; S-NIAH 1&2&3");
    expect(plainText("$2$-$4\\times$ faster, with $\\ell_2$ error")).toBe("2-4× faster, with ℓ_2 error");
    expect(plainText("``the bottleneck'' of \\textbf{attention}")).toBe('"the bottleneck" of attention');
  });

  it("leaves money, apostrophes and unknown commands alone", () => {
    expect(plainText("costs $5 and $10 a day")).toBe("costs $5 and $10 a day");
    expect(plainText("the model's outputs")).toBe("the model's outputs");
    expect(plainText("our \\frobnicate beats it")).toBe("our \\frobnicate beats it");
  });

  it("writes the paper's own name for a command the authors defined for it, and drops layout", () => {
    const title = "EditReward: A Human-Aligned Reward Model for Instruction-Guided Image Editing";
    expect(plainText("we built \\mname. \\mname's ability, on our new \\benchname, beats it", title)).toBe("we built EditReward. EditReward's ability, on our new benchmark, beats it");
    // No short lead before a colon: the title's name-like word.
    expect(plainText("the latest VLM, \\modelnamefull, and", "On the Road with GPT-4V(ision): Early Explorations")).toBe("the latest VLM, GPT-4V(ision), and");
    expect(plainText("the size\\break of the kernels; code at {\\footnotesizeblue{https://github.com/microsoft/SPTAG}}.")).toBe("the size  of the kernels; code at https://github.com/microsoft/SPTAG.");
    expect(plainText("the set $\\{0,1\\}$")).toBe("the set {0,1}");
    // Math a page kept without its backslash; "sometimes" and "bell_2" stay.
    expect(plainText("up to 2-4times faster with ell_1-loss, sometimes bell_2")).toBe("up to 2-4× faster with ℓ_1-loss, sometimes bell_2");
  });

  it("cleans a paper's abstract at ingest and keeps its title exactly as the source wrote it", () => {
    const paper = toPaper({ title: "Prefill \\& Decode in the Poincar\\'e Ball", abstract: "Up to 2\\% better.", upvotes: 0, source: "test" });
    expect(paper.title).toBe("Prefill \\& Decode in the Poincar\\'e Ball");
    expect(paper.abstract).toBe("Up to 2% better.");
    // Its title-search link escapes parentheses, where a Markdown link would end.
    expect(toPaper({ title: "On the Road with GPT-4V(ision)", abstract: "x", upvotes: 0, source: "test" }).url).toBe("https://huggingface.co/papers?q=On%20the%20Road%20with%20GPT-4V%28ision%29");
  });
});
