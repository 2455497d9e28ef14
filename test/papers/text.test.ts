import { describe, expect, it } from "vitest";
import { readableAbstract, splitSentences, withoutHeading } from "../../src/papers/text.ts";

describe("abstract text as shown", () => {
  it("drops a heading scraped into the abstract's start, not a first word that is content", () => {
    for (const [text, expected] of [
      ["AbstractThis paper introduces", "This paper introduces"],
      ["ABSTRACTWith the spread", "With the spread"],
      ["Abstract-This summary", "This summary"],
      ["Abstract: We present", "We present"],
      ["ABSTRACT We present", "We present"],
      ["Abstract reasoning is hard", "Abstract reasoning is hard"],
      ["Abstract Meaning Representation (AMR) is", "Abstract Meaning Representation (AMR) is"],
      ["Abstractive summarization is", "Abstractive summarization is"],
    ]) expect(withoutHeading(text!)).toBe(expected);
  });

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
