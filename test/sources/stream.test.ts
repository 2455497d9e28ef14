import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFiles, inputFiles, readRecords } from "../../src/sources/load.ts";
import { readTextLines, streamTextLines } from "../../src/sources/text-file.ts";
import { useTempDir } from "../helpers/files.ts";

const tempDir = useTempDir();
const years = { today: new Date("2026-11-22T12:00:00Z") };

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe("streamed text files", () => {
  it("gives the same lines and line numbers as reading the file whole, whatever the line ends", async () => {
    const dir = await tempDir();
    const text = "\ufeffFirst line\r\n\r\nSecond\u00a0 line\rThird\n\n  Fourth \u200b\nlast without break";
    const path = join(dir, "mixed.txt");
    await writeFile(path, text);
    expect(await collect(streamTextLines(path))).toEqual(await readTextLines(path));
  });

  it("keeps a CRLF split across read chunks as one line end", async () => {
    const dir = await tempDir();
    // A line break exactly at the 1 MiB chunk boundary: "\r" ends the first chunk, "\n" starts the next.
    const first = `${"a".repeat(1024 * 1024 - 1)}\r`;
    const path = join(dir, "boundary.txt");
    await writeFile(path, `${first}\nnext\n`);
    const lines = await collect(streamTextLines(path));
    expect(lines.map((line) => line.line)).toEqual([1, 2]);
    expect(lines[1]!.text).toBe("next");
  });

  it("refuses non-UTF-8 bytes and binary files as reading whole does", async () => {
    const dir = await tempDir();
    const latin1 = join(dir, "latin1.jsonl");
    await writeFile(latin1, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d, 0x0a]));
    await expect(collect(streamTextLines(latin1))).rejects.toMatchObject({ code: "INPUT_BINARY" });
    const binary = join(dir, "blob.jsonl");
    await writeFile(binary, Buffer.from([1, 0, 2, 3]));
    await expect(collect(streamTextLines(binary))).rejects.toMatchObject({ code: "INPUT_BINARY" });
  });
});

describe("records read one at a time", () => {
  it("reads JSON Lines record by record, and checkFiles counts without keeping them", async () => {
    const dir = await tempDir();
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ title: `Paper ${i}`, abstract: `About ${i}.` }));
    await writeFile(join(dir, "a.jsonl"), lines.join("\n"));
    await writeFile(join(dir, "b.jsonl"), `${lines[0]}\n{"title": broken\n`);
    const [a, b] = await inputFiles([dir]);
    expect((await collect(readRecords(a!, years))).map((record) => record.title).slice(0, 2)).toEqual(["Paper 0", "Paper 1"]);
    expect(await checkFiles([a!], years)).toBe(50);
    await expect(checkFiles([a!, b!], years)).rejects.toMatchObject({ code: "INPUT_INVALID_RECORD", line: 2, file: b });
  });
});
