import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Sections } from "../../src/packed/index-file.ts";
import { StringList } from "../../src/packed/string-table.ts";
import { loadFiles } from "../../src/sources/load.ts";
import { nameUsage, TitleIndexBuilder } from "../../src/search/title-index-builder.ts";
import { SAMPLES_DIR, useTempDir } from "../helpers/files.ts";
import { TODAY } from "../helpers/library.ts";

const papers = (await loadFiles([SAMPLES_DIR], { today: TODAY })).flatMap((file) => file.records).map(({ title, abstract }) => ({ title, abstract: abstract ?? "" }));

/** Every key of the index with its papers, whatever order the keys are stored in. */
function keyTable(sections: Sections): Map<string, number[]> {
  const s = sections as { keyBytes: Uint8Array; keyOffsets: Int32Array; offsets: Int32Array; docs: Int32Array };
  const keys = new StringList(s.keyBytes, s.keyOffsets);
  const table = new Map<string, number[]>();
  for (let i = 0; i < keys.size; i++) table.set(keys.at(i), [...s.docs.subarray(s.offsets[i]!, s.offsets[i + 1]!)]);
  return table;
}

function build(segmentKeys: number | undefined, dir?: string): Sections {
  const builder = new TitleIndexBuilder(nameUsage(papers.map((paper) => paper.abstract)), { ...(segmentKeys && { segmentKeys }), ...(dir && { dir }) });
  for (const paper of papers) builder.add(paper);
  return builder.sections();
}

describe("title index built in segments", () => {
  const tempDir = useTempDir();

  it("merges its segments into the same keys, papers, names and words as a build in one piece", async () => {
    const whole = build(undefined);
    const dir = await tempDir();
    // A few hundred keys a segment: the samples' keys split over many segments, a key's papers over several.
    const segmented = build(300, dir);
    expect(papers.length).toBeGreaterThan(100);
    expect(keyTable(whole).size).toBeGreaterThan(3_000);
    expect(keyTable(segmented)).toEqual(keyTable(whole));
    for (const name of ["nameBytes", "nameOffsets", "wordBytes", "wordOffsets"]) expect(segmented[name]).toEqual(whole[name]);
    // The merged table is a string table: its slots find every key.
    expect(segmented["keySlots"]!.length).toBeGreaterThanOrEqual(2 * keyTable(segmented).size);
    // The segments are gone; only the merged papers' file is left in the caller's folder, for the caller to remove.
    expect(await readdir(dir)).toEqual(["title-docs"]);
  });

  it("finds the same papers by key once loaded", async () => {
    const { TitleIndex } = await import("../../src/search/lookup-index.ts");
    const titles = StringList.of(papers.map((paper) => paper.title));
    const whole = TitleIndex.fromSections(build(undefined), titles);
    const segmented = TitleIndex.fromSections(build(200, await tempDir()), titles);
    for (const title of papers.slice(0, 40).map((paper) => paper.title)) {
      const normalized = whole.entry(papers.findIndex((paper) => paper.title === title), () => false).normalized;
      expect(segmented.exact(normalized)).toEqual(whole.exact(normalized));
    }
  });
});
