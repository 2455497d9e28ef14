import { describe, expect, it } from "vitest";
import type { Embedder } from "../../src/embed/embedder.ts";
import { LocalHashingEmbedder } from "../../src/embed/local-hashing.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import type { PaperRecord } from "../../src/papers/paper.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { loadFiles } from "../../src/sources/load.ts";
import { SAMPLES_DIR, useTempDir } from "../helpers/files.ts";
import { silentLogger } from "../helpers/logger.ts";

const tempDir = useTempDir();
const years = { today: new Date("2026-11-22T12:00:00Z") };

/** The offline embedder, counting what it is asked to embed. */
class CountingEmbedder implements Embedder {
  readonly inner = new LocalHashingEmbedder();
  readonly id: string;
  readonly dims: number;
  embedded: string[] = [];
  constructor(id = "local-hashing-v1", dims = 1024) {
    this.id = id;
    this.dims = dims;
  }
  async embedDocuments(texts: string[]) {
    this.embedded.push(...texts);
    return (await this.inner.embedDocuments(texts)).map((vector) => vector.slice(0, this.dims));
  }
  embedQuery(text: string) {
    return this.inner.embedQuery(text);
  }
}

async function setup() {
  const store = await LancePaperStore.open({ uri: await tempDir() });
  const embedder = new CountingEmbedder();
  const ingest = (records: PaperRecord[], options = {}) => ingestRecords(records, { store, embedder, logger: silentLogger }, options);
  return { store, embedder, ingest };
}

const samples = async () => (await loadFiles([SAMPLES_DIR], years)).flatMap((file) => file.records);

describe("ingest into LanceDB", () => {
  it("stores the 387 distinct papers of the five seed pages, then finds nothing to change", async () => {
    const { store, embedder, ingest } = await setup();
    const records = await samples();
    expect(await ingest(records)).toEqual({ records: 460, papers: 387, inserted: 387, updated: 0, unchanged: 0 });
    expect(await store.count()).toBe(387);
    expect(embedder.embedded).toHaveLength(387);

    const version = await store.table!.version();
    embedder.embedded = [];
    expect(await ingest(records)).toEqual({ records: 460, papers: 387, inserted: 0, updated: 0, unchanged: 387 });
    expect(embedder.embedded).toHaveLength(0);
    expect(await store.table!.version()).toBe(version);
    store.close();
  });

  it("keeps the richest fields when a paper is listed with and without metadata", async () => {
    const { store, ingest } = await setup();
    await ingest(await samples());
    const tidal = (await store.list()).filter((paper) => paper.title.startsWith("TidalDecode"));
    expect(tidal).toHaveLength(1);
    // Listed bare in one page and with its card elsewhere: the card's fields survive.
    expect(tidal[0]!.publishedAt).toBeDefined();
    store.close();
  });

  it("re-embeds a paper whose abstract changed, and only that one", async () => {
    const { store, embedder, ingest } = await setup();
    const records = await samples();
    await ingest(records);
    embedder.embedded = [];
    const changed = records.map((record, index) => (index === 0 ? { ...record, abstract: `${record.abstract} Revised.` } : record));
    const summary = await ingest(changed);
    expect(summary).toMatchObject({ inserted: 0, updated: 1, unchanged: 386 });
    expect(embedder.embedded).toEqual([`${records[0]!.title}\n\n${records[0]!.abstract} Revised.`]);
    store.close();
  });

  it("updates metadata without re-embedding", async () => {
    const { store, embedder, ingest } = await setup();
    const records = await samples();
    await ingest(records);
    embedder.embedded = [];
    const more = records.map((record, index) => (index === 0 ? { ...record, upvotes: record.upvotes + 10 } : record));
    expect(await ingest(more)).toMatchObject({ updated: 1, unchanged: 386 });
    expect(embedder.embedded).toEqual([]);
    const paper = (await store.list()).find((candidate) => candidate.title === records[0]!.title);
    expect(paper?.upvotes).toBe(records[0]!.upvotes + 10);
    store.close();
  });

  it("takes what a rebuild reads anew (a date re-read with --year) over the stored row", async () => {
    const { store, ingest } = await setup();
    const records = await samples();
    await ingest(records);
    // A paper listed once: one listed on two pages merges with its other listing first.
    const once = (title: string) => records.filter((record) => record.title === title).length === 1;
    const dated = records.findIndex((record) => record.publishedAt?.startsWith("2025-") && once(record.title));
    const redated = records.map((record, index) => (index === dated ? { ...record, publishedAt: record.publishedAt!.replace("2025-", "2024-") } : record));
    await ingest(redated);
    expect((await store.list()).find((candidate) => candidate.title === records[dated]!.title)?.publishedAt).toMatch(/^2025-/);
    await ingest(redated, { rebuild: true });
    const paper = (await store.list()).find((candidate) => candidate.title === records[dated]!.title);
    expect(paper?.publishedAt).toMatch(/^2024-/);
    store.close();
  });

  it("gives a paper first known by title its arXiv id, as one record", async () => {
    const { store, ingest } = await setup();
    const records = await samples();
    await ingest(records);
    const title = records[0]!.title;
    expect(await ingest([{ title, abstract: "", upvotes: 50, source: "api", arxivId: "2311.00353" }])).toMatchObject({ updated: 1, inserted: 0 });
    const matches = (await store.list()).filter((paper) => paper.title === title);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ id: "2311.00353", url: "https://arxiv.org/abs/2311.00353", upvotes: 50, abstract: records[0]!.abstract });
    expect(await store.count()).toBe(387);
    store.close();
  });

  it("refuses a different embedder with a message that says to re-ingest, and rebuilds on request", async () => {
    const { store, ingest } = await setup();
    const records = (await samples()).slice(0, 20);
    await ingest(records);
    const other = new CountingEmbedder("openai:text-embedding-3-small", 256);
    const withOther = (options = {}) => ingestRecords(records, { store, embedder: other, logger: silentLogger }, options);
    await expect(withOther()).rejects.toMatchObject({ code: "EMBEDDER_MISMATCH", message: expect.stringMatching(/--rebuild/) });
    await withOther({ rebuild: true });
    expect(await store.builtWith()).toEqual({ embedder: "openai:text-embedding-3-small", dims: 256 });
    const distinct = new Set(records.map((record) => record.title.toLowerCase())).size;
    expect(await store.count()).toBe(distinct);
    expect(other.embedded).toHaveLength(distinct);
    store.close();
  });

  it("writes nothing on a dry run", async () => {
    const { store, ingest } = await setup();
    expect(await ingest(await samples(), { dryRun: true })).toMatchObject({ inserted: 387 });
    expect(await store.count()).toBe(0);
    store.close();
  });

  it("imports JSON Lines in the model's own field names", async () => {
    const { store, ingest } = await setup();
    const dir = await tempDir();
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      `${dir}/bulk.jsonl`,
      [
        JSON.stringify({ id: "2401.00001", title: "A Bulk Paper", abstract: "On bulk loading.", authors: ["A. Author"], publishedAt: "2024-01-02", upvotes: 3 }),
        JSON.stringify({ title: "Another Bulk Paper", abstract: "AbstractMore.", organization: "Lab" }),
      ].join("\n"),
    );
    const loaded = await loadFiles([`${dir}/bulk.jsonl`], years);
    await ingest(loaded.flatMap((file) => file.records));
    const papers = await store.list();
    expect(papers.find((paper) => paper.id === "2401.00001")).toMatchObject({ title: "A Bulk Paper", authors: ["A. Author"], publishedAt: "2024-01-02", upvotes: 3 });
    // (The heading a scraped export leaves at the abstract's start is dropped.)
    expect(papers.find((paper) => paper.title === "Another Bulk Paper")).toMatchObject({ abstract: "More.", organization: "Lab", upvotes: 0, id: expect.stringMatching(/^t-/) });
    store.close();
  });
});
