import { describe, expect, it } from "vitest";
import { mergeRecords } from "../../src/papers/merge.ts";
import type { PaperRecord } from "../../src/papers/paper.ts";

const record = (abstract: string, extra: Partial<PaperRecord> = {}): PaperRecord => ({ title: "ABL: Alignment-Based Learning", abstract, upvotes: 0, source: "corpus.jsonl", ...extra });

describe("merging records of one paper", () => {
  const clean = "This paper introduces a new type of grammar learning algorithm, inspired by string edit distance.";

  it("keeps the longer abstract and the richer fields", () => {
    const [merged] = mergeRecords([record(clean.slice(0, 40), { upvotes: 3 }), record(clean, { organization: "ILK" })]);
    expect(merged).toMatchObject({ abstract: clean, upvotes: 3, organization: "ILK" });
  });

  it("keeps a clean abstract over a longer garbled scan of it, in either order", () => {
    const scan = "AbstractThis ])al)er introdu(:es a new tyl)e of grammar learning algorithm, iilst)ired l)y sl;ring edit distance.";
    expect(scan.length).toBeGreaterThan(clean.length);
    expect(mergeRecords([record(scan), record(clean)])[0]!.abstract).toBe(clean);
    expect(mergeRecords([record(clean), record(scan)])[0]!.abstract).toBe(clean);
    // One bracket inside a word ("viewpoint(s)") is no scan: the longer abstract stays.
    const longer = `${clean} It identifies the viewpoint(s) of a text.`;
    expect(mergeRecords([record(clean), record(longer)])[0]!.abstract).toBe(longer);
  });
});
