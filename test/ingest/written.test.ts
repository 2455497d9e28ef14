import { describe, expect, it, vi } from "vitest";
import { LocalHashingEmbedder } from "../../src/embed/local-hashing.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import { WrittenThisRun } from "../../src/ingest/written.ts";
import type { PaperRecord } from "../../src/papers/paper.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { useTempDir } from "../helpers/files.ts";
import { silentLogger } from "../helpers/logger.ts";

const tempDir = useTempDir();
const records: PaperRecord[] = Array.from({ length: 60 }, (_, i) => ({ title: `Paper ${i} on topic${i}`, abstract: `About topic${i}.`, upvotes: i, source: "test", ...(i % 2 === 0 && { arxivId: `2401.${String(10000 + i)}` }) }));

describe("what an ingest run wrote", () => {
  it("knows its ids exactly and its titles by hash", () => {
    const written = new WrittenThisRun();
    written.add("2401.00001", "attention is all you need");
    expect(written.ids.has("2401.00001")).toBe(true);
    expect(written.mayHoldTitle("attention is all you need")).toBe(true);
    expect(written.mayHoldTitle("attention is all you need!")).toBe(false);
  });

  it("spares an ingest into an empty library its lookups, and an ingest into a full one looks up every record", async () => {
    const store = await LancePaperStore.open({ uri: await tempDir() });
    const deps = { store, embedder: new LocalHashingEmbedder(), logger: silentLogger };
    const lookups = vi.spyOn(store, "findExisting");
    expect(await ingestRecords(records, deps, { batchPapers: 20 })).toMatchObject({ inserted: 60 });
    expect(lookups.mock.calls.every(([ids, titles]) => ids.length + titles.length === 0)).toBe(true);
    lookups.mockClear();
    expect(await ingestRecords(records.slice(0, 20), deps, { batchPapers: 20 })).toMatchObject({ unchanged: 20 });
    expect(lookups.mock.calls[0]![1]).toHaveLength(20);
    store.close();
  }, 60_000);
});
