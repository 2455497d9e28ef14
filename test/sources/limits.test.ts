import { existsSync } from "node:fs";
import { truncate } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { HfDailyItem } from "../../src/sources/hf-api/schema.ts";
import { LIMITS } from "../../src/sources/limits.ts";
import { loadFiles } from "../../src/sources/load.ts";
import { runPaperbot } from "../helpers/cli.ts";
import { useTempDir, writeIn } from "../helpers/files.ts";

const years = { today: new Date("2026-11-22T12:00:00Z") };
const tempDir = useTempDir();
const abstract = "We study a problem in some depth and report results that improve on prior work by a clear margin.";
const jsonl = (...papers: object[]) => papers.map((paper) => JSON.stringify(paper)).join("\n");

async function loadError(path: string): Promise<InputError> {
  const error = await loadFiles([path], years).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe("input limits at ingest", () => {
  it("refuses a title longer than the limit, naming the file, the line and the limit", async () => {
    const path = await writeIn(await tempDir(), "papers.jsonl", jsonl({ title: "Fine", abstract }, { title: "x".repeat(200_000), abstract }));
    const error = await loadError(path);
    expect(error.code).toBe("INPUT_TOO_LARGE");
    expect(error.message).toBe(`${path}:2: the title is 200,000 characters long; the limit is 500. Is the abstract in the title field?`);
  });

  it("refuses an abstract longer than the limit, in JSON Lines and in a page", async () => {
    const huge = `${abstract} `.repeat(Math.ceil((LIMITS.abstractChars + 1) / abstract.length));
    const dir = await tempDir();
    const lines = await writeIn(dir, "papers.jsonl", jsonl({ title: "Full text by mistake", abstract: huge }));
    expect((await loadError(lines)).message).toMatch(new RegExp(`^${lines}:1: the abstract of "Full text by mistake" is [\\d,]+ characters long; the limit is 10,000\\.`));
    const page = await writeIn(dir, "page.txt", `A Fine Paper\n\n${abstract}\n\nFull text by mistake\n\n${huge.trim()}\n`);
    const error = await loadError(page);
    expect(error).toMatchObject({ code: "INPUT_TOO_LARGE", line: 7 });
  });

  it("refuses a page larger than the limit without reading it", async () => {
    const path = await writeIn(await tempDir(), "huge.txt", "");
    // Sparse: the size is there, the disk blocks are not.
    await truncate(path, LIMITS.fileBytes + 1);
    expect((await loadError(path)).message).toBe(`${path}: the file is 104,857,601 bytes; the limit is 104,857,600 bytes (100 MB). Split it into smaller files and ingest them together.`);
  });

  it("streams JSON Lines of any size, but refuses a line longer than any record, naming the line", async () => {
    const dir = await tempDir();
    const path = await writeIn(dir, "one-line.jsonl", `${jsonl({ title: "Fine", abstract })}\n${"x".repeat(LIMITS.lineChars + 10)}\n`);
    expect(await loadError(path)).toMatchObject({ code: "INPUT_TOO_LARGE", line: 2 });
  });

  it("skips an API item whose title or abstract is over the limit, as malformed", () => {
    const item = (title: string, summary: string) => ({ paper: { id: "2406.00001", title, summary } });
    expect(HfDailyItem.safeParse(item("Fine", abstract)).success).toBe(true);
    expect(HfDailyItem.safeParse(item("x".repeat(LIMITS.titleChars + 1), abstract)).success).toBe(false);
    expect(HfDailyItem.safeParse(item("Fine", "x".repeat(LIMITS.abstractChars + 1))).success).toBe(false);
  });

  it("writes nothing when one record of a run is over a limit", async () => {
    const dir = await tempDir();
    const good = await writeIn(dir, "good.jsonl", jsonl({ title: "A Fine Paper", abstract }));
    const bad = await writeIn(dir, "bad.jsonl", jsonl({ title: "A Fine Paper Too", abstract }, { title: "y".repeat(600), abstract }));
    const db = join(dir, "db");
    const result = await runPaperbot(["ingest", good, bad, "--db", db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`paperbot: ${bad}:2: the title is 600 characters long; the limit is 500. Is the abstract in the title field?\n`);
    expect(existsSync(join(db, "papers.lance"))).toBe(false);
  });
});
