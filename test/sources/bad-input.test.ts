import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.ts";
import { loadFiles } from "../../src/sources/load.ts";
import { readSample, SAMPLE, useTempDir, writeIn } from "../helpers/files.ts";

const years = { today: new Date("2026-11-22T12:00:00Z") };
const tempDir = useTempDir();

async function loadError(name: string, content: string | Uint8Array): Promise<InputError> {
  const dir = await tempDir();
  const path = await writeIn(dir, name, content);
  const error = await loadFiles([path], years).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  const inputError = error as InputError;
  expect(inputError.file).toBe(path);
  expect(inputError.message.split("\n")).toHaveLength(1);
  return inputError;
}

describe("input that is not a usable page", () => {
  it("refuses an empty file", async () => {
    expect((await loadError("empty.txt", "")).code).toBe("INPUT_EMPTY");
  });

  it("refuses a page with only its header", async () => {
    expect((await loadError("header.txt", "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n")).code).toBe("INPUT_EMPTY");
  });

  it("refuses a binary file", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect((await loadError("figure.txt", png)).code).toBe("INPUT_BINARY");
  });

  it("refuses text that is not UTF-8", async () => {
    expect((await loadError("latin1.txt", Uint8Array.from([0x54, 0x69, 0x74, 0x6c, 0xe9, 0x0a]))).code).toBe("INPUT_BINARY");
  });

  it("refuses a file that is not such a page", async () => {
    const error = await loadError("notes.txt", "# My reading notes\n\nRead the HNSW paper.\nAlso PyramidKV.\n");
    expect(error.code).toBe("INPUT_NOT_A_PAGE");
    expect(error.message).toMatch(/not look like a saved Hugging Face Daily Papers page/);
  });

  it("refuses JSON given as a page", async () => {
    expect((await loadError("papers.txt", JSON.stringify([{ title: "x" }]))).code).toBe("INPUT_NOT_A_PAGE");
  });

  it("names the line of a record cut off after its title", async () => {
    const text = await readSample(SAMPLE.compact);
    const lines = text.split("\n");
    const error = await loadError("cut.txt", lines.slice(0, 11).join("\n"));
    expect(error.code).toBe("INPUT_TRUNCATED");
    expect(error.line).toBe(11);
    expect(error.message).toContain("cut.txt:11");
  });

  it("names the line of a card cut off after its separator", async () => {
    const text = await readSample(SAMPLE.cards);
    const lines = text.split("\n");
    const cut = lines.slice(0, 18).join("\n"); // ends on the "·" of the first card
    const error = await loadError("cut-card.txt", cut);
    expect(error.code).toBe("INPUT_TRUNCATED");
    expect(error.message).toMatch(/expected the date/);
  });

  it("names the line where a title lost its abstract in the middle of a page", async () => {
    const lines = (await readSample(SAMPLE.compact)).split("\n");
    lines.splice(5, 1); // drop the abstract of the second paper
    const error = await loadError("gap.txt", lines.join("\n"));
    expect(error.code).toBe("INPUT_TRUNCATED");
    expect(error.line).toBe(6);
  });

  it("refuses an unreadable path", async () => {
    const error = await loadFiles(["/nonexistent/page.txt"], years).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "INPUT_UNREADABLE", file: "/nonexistent/page.txt" });
  });

  it("reports an invalid JSON Lines record with its line", async () => {
    const good = JSON.stringify({ title: "A paper", abstract: "About things." });
    const error = await loadError("bulk.jsonl", `${good}\n{"title": 3}\n`);
    expect(error).toMatchObject({ code: "INPUT_INVALID_RECORD", line: 2 });
    expect(error.message).toMatch(/title/);
  });

  // Both found by the fuzz test (test/sources/fuzz.test.ts): each used to pass the parser and crash ingest.
  it("reports a JSON Lines escape for half a character, which no link can encode", async () => {
    const error = await loadError("bulk.jsonl", '{"title": "Broken \\ud800 title", "abstract": "About things."}\n');
    expect(error).toMatchObject({ code: "INPUT_INVALID_RECORD", line: 1 });
    expect(error.message).toMatch(/^.*bulk\.jsonl:1: title: the text has a \\u escape for half a character/);
  });

  it("reports an upvote count too large to be real", async () => {
    const lines = (await readSample(SAMPLE.cards)).split("\n");
    const date = lines.findIndex((line) => line.trim() === "May 28 2");
    lines[date] = "May 28 99999999999999999999";
    const error = await loadError("votes.txt", lines.join("\n"));
    expect(error).toMatchObject({ code: "INPUT_TRUNCATED", line: date + 1 });
    expect(error.message).toMatch(/plausible upvote count/);
  });
});
