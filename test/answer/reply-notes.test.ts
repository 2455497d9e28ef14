import { describe, expect, it } from "vitest";
import { withCount } from "../../src/answer/reply-notes.ts";
import type { Reply } from "../../src/answer/reply.ts";

const cited = (...titles: string[]): Reply => ({
  text: "The papers that best match X:",
  citations: titles.map((title, i) => ({ n: i + 1, id: title, title, url: `https://example.org/${title}` })),
  found: true,
  closest: [],
  notes: [],
});

describe("the count a 'how many papers on X?' says", () => {
  it("adds up with the papers below that write X and the others it names", () => {
    const all = withCount(cited("A", "B"), { count: 3, titles: ["A", "B", "C"] }, "x");
    expect(all.text).toMatch(/^3 papers in the library write \*x\* in their titles or abstracts; besides the 2 below: \*C\*\./);
    // B puts it in other words: two of the three writing it are not below, one is.
    const some = withCount(cited("A", "B"), { count: 3, titles: ["A", "C", "D"] }, "x");
    expect(some.text).toMatch(/^3 papers in the library write \*x\* in their titles or abstracts; besides 1 of the 2 below: \*C\* and \*D\*\./);
    // None below writes it in those words.
    const none = withCount(cited("A"), { count: 2, titles: ["C", "D"] }, "x");
    expect(none.text).toMatch(/^2 papers in the library write \*x\* in their titles or abstracts: \*C\* and \*D\*; those below put it in other words\./);
    // More than two others are listed, not run on in one sentence.
    const many = withCount(cited("A", "B"), { count: 5, titles: ["A", "B", "C", "D", "E"] }, "x");
    expect(many.text).toMatch(/^5 papers in the library write \*x\* in their titles or abstracts: the 2 cited below and these 3:\n- \*C\*\n- \*D\*\n- \*E\*\n\nThe papers/);
  });
});
