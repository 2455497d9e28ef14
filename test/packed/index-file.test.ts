import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readIndexFile, writeIndexFile } from "../../src/packed/index-file.ts";
import { useTempDir } from "../helpers/files.ts";

const tempDir = useTempDir();

describe("index file", () => {
  const sections = {
    ints: Int32Array.from([1, -2, 3, 2_000_000_000]),
    bytes: Uint8Array.from([7, 8, 9]),
    shorts: Uint16Array.from([65_535, 0]),
    floats: Float64Array.from([0.5, -1e300]),
    empty: new Int32Array(0),
  };

  it("gives back every section and the metadata as written", async () => {
    const path = join(await tempDir(), "a.idx");
    await writeIndexFile(path, { format: "x", n: 1 }, sections);
    const read = await readIndexFile(path);
    expect(read?.meta).toEqual({ format: "x", n: 1 });
    expect(read?.sections).toEqual(sections);
  });

  it("leaves the sections asked for in the file, and reads any slice of them", async () => {
    const path = join(await tempDir(), "b.idx");
    await writeIndexFile(path, {}, sections);
    const read = (await readIndexFile(path, { onDisk: (name) => name === "ints" || name === "floats" }))!;
    expect(Object.keys(read.sections).sort()).toEqual(["bytes", "empty", "shorts"]);
    expect(read.onDisk["ints"]!.read(1, 3)).toEqual(Int32Array.from([-2, 3, 2_000_000_000]));
    expect(read.onDisk["floats"]!.read(0, 2)).toEqual(sections.floats);
    expect(read.onDisk["ints"]!.length).toBe(4);
  });

  it("says undefined for a missing, foreign or truncated file", async () => {
    const dir = await tempDir();
    expect(await readIndexFile(join(dir, "missing.idx"))).toBeUndefined();
    await writeFile(join(dir, "foreign.idx"), "not an index at all");
    expect(await readIndexFile(join(dir, "foreign.idx"))).toBeUndefined();
    const path = join(dir, "whole.idx");
    await writeIndexFile(path, {}, sections);
    const { readFile } = await import("node:fs/promises");
    await writeFile(join(dir, "cut.idx"), (await readFile(path)).subarray(0, 80));
    expect(await readIndexFile(join(dir, "cut.idx"))).toBeUndefined();
  });
});
