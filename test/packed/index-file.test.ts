import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { materialize, readIndexFile, writeIndexFile, type DeferredSections } from "../../src/packed/index-file.ts";
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

  it("writes deferred sections piece by piece, in any order, after the others; or makes them whole in memory", async () => {
    const deferred: DeferredSections = {
      layout: { late: { kind: "Int32Array", length: 5 }, small: { kind: "Uint8Array", length: 3 } },
      async fill(put) {
        await put("late", 3, Int32Array.from([40, 50]));
        await put("small", 0, Uint8Array.from([1, 2, 3]));
        await put("late", 0, Int32Array.from([10, 20, 30]));
      },
    };
    const path = join(await tempDir(), "d.idx");
    await writeIndexFile(path, { format: "d" }, sections, deferred);
    const read = (await readIndexFile(path))!;
    expect(read.sections).toEqual({ ...sections, late: Int32Array.from([10, 20, 30, 40, 50]), small: Uint8Array.from([1, 2, 3]) });
    expect(await materialize(deferred)).toEqual({ late: Int32Array.from([10, 20, 30, 40, 50]), small: Uint8Array.from([1, 2, 3]) });
    const overflowing: DeferredSections = { layout: deferred.layout, fill: (put) => put("late", 4, Int32Array.from([1, 2])) };
    await expect(writeIndexFile(join(await tempDir(), "e.idx"), {}, sections, overflowing)).rejects.toThrow(/no room/);
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
