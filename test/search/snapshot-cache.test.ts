import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Library } from "../../src/library/library.ts";
import { searchCacheDir } from "../../src/library/search-cache-dir.ts";
import { SnapshotCache } from "../../src/search/snapshot-cache.ts";
import { scanSnapshot } from "../../src/search/snapshot-scan.ts";
import type { StoredPaper } from "../../src/store/paper-store.ts";
import { sampleLibrary, TODAY } from "../helpers/library.ts";

describe("search indexes cached on disk", () => {
  let dir: string;
  let built: Library;
  let cacheDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "paperbot-snapshot-"));
    built = await sampleLibrary(dir);
    cacheDir = searchCacheDir(dir);
  }, 60_000);
  afterAll(async () => {
    built.store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const cachedLibrary = () => new Library(built.store, built.embedder, { snapshots: { dir: cacheDir } });
  const indexFiles = async () => (await readdir(cacheDir).catch(() => [])).filter((name) => name.endsWith(".idx"));

  it("writes the indexes once, and a later process answers from the file without reading every paper", async () => {
    const first = cachedLibrary();
    const question = "which papers cover KV cache compression?";
    const expected = await built.search(question, { today: TODAY });
    expect((await first.search(question, { today: TODAY })).results.map((hit) => hit.paper.id)).toEqual(expected.results.map((hit) => hit.paper.id));
    expect(await indexFiles()).toHaveLength(1);

    const scan = vi.spyOn(built.store, "scan");
    const later = cachedLibrary();
    const again = await later.search(question, { today: TODAY });
    expect(scan).not.toHaveBeenCalled();
    scan.mockRestore();
    expect(again.results.map((hit) => [hit.paper.id, hit.score, hit.relevant])).toEqual(expected.results.map((hit) => [hit.paper.id, hit.score, hit.relevant]));
    expect(again.verdict).toEqual(expected.verdict);
  });

  it("writes the file for an ingest without loading it, once, and a later process answers from it", async () => {
    const ingestDir = join(dir, "written");
    const cache = new SnapshotCache(built.store, { dir: ingestDir });
    const version = await cache.writeFile();
    expect(version).toBe(await built.store.version());
    expect(await readdir(ingestDir)).toEqual([`search-${version}-${await built.store.count()}.idx`]);
    const expected = (await built.lookup("PyramidKV")).match?.id;
    const scan = vi.spyOn(built.store, "scan");
    expect(await cache.writeFile()).toBe(version);
    const later = new Library(built.store, built.embedder, { snapshots: { dir: ingestDir } });
    expect((await later.lookup("PyramidKV")).match?.id).toBe(expected);
    expect(scan).not.toHaveBeenCalled();
    scan.mockRestore();
  });

  it("builds from the store a batch at a time exactly what it builds from papers held in memory", async () => {
    const scanned = await new SnapshotCache(built.store).get();
    const all: StoredPaper[] = [];
    for await (const batch of built.store.scan(7)) all.push(...batch);
    const held = await scanSnapshot(async function* () {
      yield all;
    }, (ids) => built.store.get(ids));
    expect(scanned.sections()).toEqual(held.sections());
  });

  it("takes the papers' order from the second pass alone, so both indexes agree when the library changes between passes", async () => {
    const all: StoredPaper[] = [];
    for await (const batch of built.store.scan(50)) all.push(...batch);
    const reversed = [...all].reverse();
    let passes = 0;
    const changed = await scanSnapshot(async function* () {
      yield passes++ === 0 ? all : reversed;
    }, (ids) => built.store.get(ids));
    const steady = await scanSnapshot(async function* () {
      yield reversed;
    }, (ids) => built.store.get(ids));
    expect(passes).toBe(2);
    // Acronyms are counted in the first pass, whose order can break a tie between two long forms.
    const { acronyms: _counted, ...indexes } = changed.sections();
    const { acronyms: _steady, ...expected } = steady.sections();
    expect(indexes).toEqual(expected);
    expect(changed.docs.ids.at(0)).toBe(reversed[0]!.id);
  });

  it("gives the same lookups, papers-like-X, filters and coverage from the file as from a fresh build", async () => {
    const loaded = cachedLibrary();
    for (const name of ["PyramidKV", "the HNSW paper", "FlashAttention-3", "pyramid kv"]) {
      const [a, b] = [await built.lookup(name), await loaded.lookup(name)];
      expect([b.match?.id, b.alternatives.map((p) => p.id), b.closest.map((p) => p.id)]).toEqual([a.match?.id, a.alternatives.map((p) => p.id), a.closest.map((p) => p.id)]);
    }
    const similar = async (library: Library) => {
      const found = await library.similar("PyramidKV", { today: TODAY });
      return found.paper ? found.result.results.map((hit) => hit.paper.id) : [];
    };
    expect(await similar(loaded)).toEqual(await similar(built));
    const filters = { from: "2024-01-01", to: "2024-12-31" };
    expect(await loaded.coverage(filters)).toEqual(await built.store.coverage(filters));
    expect(await loaded.coverage()).toEqual(await built.store.coverage());
    const dated = await loaded.search("attention papers from 2024", { today: TODAY });
    expect(dated.results.length).toBeGreaterThan(0);
    expect(dated.results.every((hit) => hit.paper.publishedAt?.startsWith("2024"))).toBe(true);
  });

  it("rebuilds when the library changes, and leaves only the current file", async () => {
    const before = await indexFiles();
    const cache = new SnapshotCache(built.store, { dir: cacheDir });
    await cache.get();
    const version = await built.store.version();
    vi.spyOn(built.store, "version").mockResolvedValue(version + 1);
    try {
      await cache.get();
    } finally {
      vi.restoreAllMocks();
    }
    const after = await indexFiles();
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it("leaves alone the file of a newer version another process wrote meanwhile", async () => {
    await writeFile(join(cacheDir, "search-999999-1.idx"), "written by a newer process");
    for (const name of (await indexFiles()).filter((name) => !name.startsWith("search-999999"))) await rm(join(cacheDir, name));
    await new SnapshotCache(built.store, { dir: cacheDir }).get();
    expect(await indexFiles()).toContain("search-999999-1.idx");
    await rm(join(cacheDir, "search-999999-1.idx"));
  });

  it("answers from the previous snapshot while a slow rebuild runs, then from the new one", async () => {
    const cache = new SnapshotCache(built.store, { staleMs: 20 });
    const first = await cache.get();
    const version = await built.store.version();
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const scan = built.store.scan.bind(built.store);
    vi.spyOn(built.store, "version").mockResolvedValue(version + 1);
    vi.spyOn(built.store, "scan").mockImplementation(async function* (batchSize: number) {
      await slow;
      yield* scan(batchSize);
    });
    try {
      expect(await cache.get()).toBe(first);
      release();
      // (A generous wait: on a busy two-core CI machine the rebuild may take longer than waitFor's default second.)
      await vi.waitFor(async () => expect(await cache.get()).not.toBe(first), { timeout: 15_000 });
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("waits for the new snapshot when it is quick to build, so new papers are searched at once", async () => {
    const cache = new SnapshotCache(built.store, { staleMs: 30_000 });
    const first = await cache.get();
    vi.spyOn(built.store, "version").mockResolvedValue((await built.store.version()) + 1);
    try {
      expect(await cache.get()).not.toBe(first);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("ignores a damaged or foreign file and builds afresh", async () => {
    for (const name of await indexFiles()) await writeFile(join(cacheDir, name), "not an index");
    const onError = vi.fn();
    const library = new Library(built.store, built.embedder, { snapshots: { dir: cacheDir, onError } });
    expect((await library.lookup("PyramidKV")).match?.title).toMatch(/^PyramidKV/);
    expect(onError).not.toHaveBeenCalled();
  });

  it("still answers when the cache folder cannot be written, and says why", async () => {
    const blocked = join(dir, "a-file");
    await writeFile(blocked, "");
    const onError = vi.fn();
    const library = new Library(built.store, built.embedder, { snapshots: { dir: join(blocked, "cache"), onError } });
    expect((await library.lookup("PyramidKV")).match?.title).toMatch(/^PyramidKV/);
    expect(onError).toHaveBeenCalledOnce();
  });

  it("keeps the cache inside a local library, and per URI in the user's cache for a remote one", () => {
    expect(searchCacheDir("/data/lib")).toBe("/data/lib/.paperbot-search");
    expect(searchCacheDir("s3://bucket/lib")).not.toBe(searchCacheDir("s3://bucket/other"));
    expect(searchCacheDir("s3://bucket/lib", "/var/cache/pb")).toBe("/var/cache/pb");
  });
});
