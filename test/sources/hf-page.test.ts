import { describe, expect, it } from "vitest";
import { mergeRecords } from "../../src/papers/merge.ts";
import { parseHfPage } from "../../src/sources/hf-page/parse.ts";
import { textLines } from "../../src/sources/text-file.ts";
import { readSample, SAMPLE } from "../helpers/files.ts";

const today = new Date("2026-11-22T12:00:00Z");
const parse = (text: string, year?: number) => parseHfPage(textLines(text), "page.txt", { today, ...(year && { year }) });
const byTitle = (text: string, title: string, year?: number) => parse(text, year).records.find((record) => record.title === title);

describe("saved Hugging Face Daily Papers pages", () => {
  it.each([
    [SAMPLE.cards, "cards", 100],
    [SAMPLE.cards2, "cards", 55],
    [SAMPLE.plain, "plain", 72],
    [SAMPLE.cards3, "cards", 48],
    [SAMPLE.compact, "compact", 185],
  ])("reads every record of %s (%s layout)", async (file, layout, count) => {
    const page = parse(await readSample(file));
    expect(page.layout).toBe(layout);
    expect(page.records).toHaveLength(count);
    for (const record of page.records) {
      expect(record.title.length).toBeLessThan(300);
      expect(record.abstract.length).toBeGreaterThan(100);
    }
  });

  it("reads authors, date and upvotes from cards", async () => {
    const text = await readSample(SAMPLE.cards);
    expect(byTitle(text, "LatentWarp: Consistent Diffusion Latents for Zero-Shot Video-to-Video Translation")).toMatchObject({
      authorCount: 7,
      publishedAt: "2023-11-01",
      upvotes: 0,
    });
    // "Feb 7, 2024 3": a year and three upvotes.
    const withYearAndVotes = parse(text).records.find((record) => record.publishedAt === "2024-02-07");
    expect(withYearAndVotes?.upvotes).toBe(3);
  });

  it("dates a date without a year in the year the page was saved, the year after the latest it writes out", async () => {
    const text = await readSample(SAMPLE.cards);
    // "May 28 2": May 28 with two upvotes. The page writes years up to 2024, so it was saved in 2025.
    expect(byTitle(text, "Re-ttention: Ultra Sparse Visual Generation via Attention Statistical Reshape")).toMatchObject({ publishedAt: "2025-05-28", upvotes: 2 });
    // A page that writes no year: the most recent such date not in the future (today is 2026-11-22).
    const yearless = "Daily Papers\n\nSome Paper Title\n\n" + "An abstract long enough to be one, about nothing in particular, written for this test only.\n\n" + "2 authors\n\n·\n\nDec 3 4\n";
    expect(parse(yearless).records[0]).toMatchObject({ publishedAt: "2025-12-03", upvotes: 4 });
    // The saved year, if that puts a date in the future, gives way to the most recent past one.
    const early = parseHfPage(textLines(text), "page.txt", { today: new Date("2025-03-01T12:00:00Z") }).records.find((record) => record.title.startsWith("Re-ttention"));
    expect(early?.publishedAt).toBe("2024-05-28");
  });

  it("uses --year for dates without a year, and leaves explicit years alone", async () => {
    const text = await readSample(SAMPLE.cards);
    expect(byTitle(text, "Re-ttention: Ultra Sparse Visual Generation via Attention Statistical Reshape", 2025)?.publishedAt).toBe("2025-05-28");
    expect(byTitle(text, "LatentWarp: Consistent Diffusion Latents for Zero-Shot Video-to-Video Translation", 2025)?.publishedAt).toBe("2023-11-01");
  });

  it("reads an organisation line in place of authors", async () => {
    const record = byTitle(await readSample(SAMPLE.cards), "Insights into DeepSeek-V3: Scaling Challenges and Reflections on Hardware for AI Architectures");
    expect(record).toMatchObject({ organization: "DeepSeek", upvotes: 5 });
    expect(record?.authorCount).toBeUndefined();
  });

  it("reads records that have no metadata between cards", async () => {
    const record = byTitle(await readSample(SAMPLE.cards), "Kinetics: Rethinking Test-Time Scaling Laws");
    expect(record).toBeDefined();
    expect(record?.publishedAt).toBeUndefined();
    expect(record?.upvotes).toBe(0);
  });

  it("strips the header glued to the first title of a compact page", async () => {
    const page = parse(await readSample(SAMPLE.compact));
    expect(page.records[0]!.title).toBe("Fisher Information Embedding for Node and Graph Learning");
  });

  it("reads '1 author' and '1 authors', and author names", () => {
    const card = (byline: string) => `Daily Papers\n\nA Title\n\n${"An abstract sentence that is long enough. ".repeat(3)}\n\n${byline}\n·\nMar 3, 2024 7\n`;
    expect(parse(card("  • 1 author")).records[0]).toMatchObject({ authorCount: 1, upvotes: 7, publishedAt: "2024-03-03" });
    expect(parse(card("  • 1 authors")).records[0]).toMatchObject({ authorCount: 1 });
    expect(parse(card("  • Ada Lovelace, Alan Turing")).records[0]).toMatchObject({ authors: ["Ada Lovelace", "Alan Turing"], authorCount: 2 });
  });

  it("gives the same records for CRLF, a BOM, non-breaking spaces, trailing whitespace and repeated blank lines", async () => {
    for (const file of Object.values(SAMPLE)) {
      const text = await readSample(file);
      const expected = parse(text).records;
      const variants = [
        text.replace(/\n/g, "\r\n"),
        `\ufeff${text}`,
        text.replace(/ /g, (space, offset: number) => (offset % 7 === 0 ? "\u00a0" : space)),
        text.replace(/\n/g, "  \t\n"),
        text.replace(/\n\n/g, "\n\n\n\n"),
      ];
      for (const variant of variants) expect(parse(variant).records).toEqual(expected);
    }
  });

  it("finds 460 records and 387 distinct papers in the five seed pages", async () => {
    const records = (await Promise.all(Object.values(SAMPLE).map(async (file) => parse(await readSample(file)).records))).flat();
    expect(records).toHaveLength(460);
    expect(mergeRecords(records)).toHaveLength(387);
  });
});
