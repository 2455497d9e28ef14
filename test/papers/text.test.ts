import { describe, expect, it } from "vitest";
import { readableAbstract, splitSentences } from "../../src/papers/text.ts";

describe("abstract text as shown", () => {
  it("drops the abstract's own reference markers", () => {
    expect(readableAbstract("as shown in [2] and [3, 7], it works")).toBe("as shown in and, it works");
  });

  it("drops LaTeX leftovers: comment signs between sentences, escaped percents, formatting commands, braces", () => {
    expect(splitSentences(readableAbstract("negligible compute overheads. % To address this concern, we propose X."))).toEqual(["negligible compute overheads.", "To address this concern, we propose X."]);
    expect(readableAbstract("a boost of 3.6\\% for zero-shot")).toBe("a boost of 3.6% for zero-shot");
    expect(readableAbstract("we introduce \\textbf{hardware and software platform inference}")).toBe("we introduce hardware and software platform inference");
    expect(readableAbstract("error in mathcal{O}(d^k) samples, using N^2d^2{M} I/O operations")).toBe("error in O(d^k) samples, using N^2d^2M I/O operations");
  });

  it("does not end a sentence at 'v.s.'", () => {
    expect(splitSentences("42.5% v.s. 38.9% for zero-shot proposals. Next sentence.")).toEqual(["42.5% v.s. 38.9% for zero-shot proposals.", "Next sentence."]);
  });
});
