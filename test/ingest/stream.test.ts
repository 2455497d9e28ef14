import { describe, expect, it } from "vitest";
import type { Embedder } from "../../src/embed/embedder.ts";
import { LocalHashingEmbedder } from "../../src/embed/local-hashing.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import type { PaperRecord } from "../../src/papers/paper.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { useTempDir } from "../helpers/files.ts";
import { silentLogger } from "../helpers/logger.ts";

const tempDir = useTempDir();
const NOW = new Date("2026-11-22T12:00:00Z");
const records: PaperRecord[] = Array.from({ length: 300 }, (_, i) => ({
  title: `Study ${i} of marker${i} retrieval`,
  abstract: `We examine marker${i} in retrieval systems and report that it changes recall on ${i % 7} benchmarks.`,
  upvotes: i % 11,
  source: "test",
}));

/** Fails on its nth call, as a process killed mid-run would stop. */
class FailingEmbedder implements Embedder {
  readonly inner = new LocalHashingEmbedder();
  readonly id = this.inner.id;
  readonly dims = this.inner.dims;
  readonly #failOn: number;
  #calls = 0;
  constructor(failOn: number) {
    this.#failOn = failOn;
  }
  async embedDocuments(texts: string[]) {
    if (++this.#calls === this.#failOn) throw new Error("killed");
    return this.inner.embedDocuments(texts);
  }
  embedQuery(text: string) {
    return this.inner.embedQuery(text);
  }
}

async function* streamed<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

describe("ingest in batches", () => {
  it("merges a paper repeated in a later batch into the row an earlier batch wrote, counting it once", async () => {
    const store = await LancePaperStore.open({ uri: await tempDir() });
    const repeated = { ...records[3]!, authors: ["A. Author", "B. Author"], publishedAt: "2024-05-01" };
    const input = [...records, repeated];
    const progress: number[] = [];
    const summary = await ingestRecords(streamed(input), { store, embedder: new LocalHashingEmbedder(), logger: silentLogger, now: () => NOW }, {
      batchPapers: 40,
      totalRecords: input.length,
      onProgress: (done) => progress.push(done),
    });
    expect(summary).toEqual({ records: 301, papers: 300, inserted: 300, updated: 0, unchanged: 0 });
    expect(await store.count()).toBe(300);
    const [paper] = await store.findExisting([], ["study 3 of marker3 retrieval"]);
    expect(paper).toMatchObject({ authors: ["A. Author", "B. Author"], publishedAt: "2024-05-01" });
    expect(progress.at(-1)).toBe(301);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    store.close();
  }, 60_000);

  it("after a run killed between batches, a rerun writes the rest, no duplicates, every index complete", async () => {
    const dir = await tempDir();
    const deps = async (embedder: Embedder) => ({ store: await LancePaperStore.open({ uri: dir }), embedder, logger: silentLogger, now: () => NOW });
    const killed = await deps(new FailingEmbedder(4));
    // 64 texts per embedder call, 100 papers a batch: the fourth call is in the second batch, after the first committed.
    await expect(ingestRecords(records, killed, { batchPapers: 100 })).rejects.toThrow("killed");
    expect(await killed.store.count()).toBe(100);
    killed.store.close();

    const rerun = await deps(new LocalHashingEmbedder());
    expect(await ingestRecords(records, rerun, { batchPapers: 100 })).toEqual({ records: 300, papers: 300, inserted: 200, updated: 0, unchanged: 100 });
    expect(await rerun.store.count()).toBe(300);
    expect((await rerun.store.indexCoverage()).every((index) => index.present && index.unindexed === 0)).toBe(true);
    rerun.store.close();
  }, 60_000);
});
