import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { describe, expect, it } from "vitest";
import { LocalHashingEmbedder } from "../../src/embed/local-hashing.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import type { PaperRecord } from "../../src/papers/paper.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { LOCK_FILE, STALE_AFTER_MS } from "../../src/store/lance/write-lock.ts";
import { runPaperbot } from "../helpers/cli.ts";
import { useTempDir } from "../helpers/files.ts";
import { silentLogger } from "../helpers/logger.ts";

const tempDir = useTempDir();
const NOW = new Date("2026-11-22T12:00:00Z");
/** A few hundred papers show the mechanism; the bug it guards against does not need 50,000. */
const records: PaperRecord[] = Array.from({ length: 300 }, (_, i) => ({
  title: `Study ${i} of marker${i} retrieval`,
  abstract: `We examine marker${i} in retrieval systems and report that it changes recall on ${i % 7} standard benchmarks by a clear margin.`,
  upvotes: i % 11,
  source: "test",
}));
const embedder = new LocalHashingEmbedder();
const deps = (store: LancePaperStore) => ({ store, embedder, logger: silentLogger, now: () => NOW });

async function ingestInto(dir: string, batch: PaperRecord[]) {
  const store = await LancePaperStore.open({ uri: dir });
  try {
    return await ingestRecords(batch, deps(store));
  } finally {
    store.close();
  }
}

/** Exactly the rows an ingest of `batch` commits, made in a scratch library. */
async function committedRows(batch: PaperRecord[]) {
  const scratch = await tempDir();
  await ingestInto(scratch, batch);
  const db = await lancedb.connect(scratch);
  const table = await db.openTable("papers");
  const rows = await table.query().toArrow();
  table.close();
  db.close();
  return rows;
}

async function coverage(dir: string) {
  const store = await LancePaperStore.open({ uri: dir });
  try {
    return { rows: await store.count(), indexes: await store.indexCoverage() };
  } finally {
    store.close();
  }
}

const complete = (rows: number) => [
  { column: "id", present: true, indexed: rows, unindexed: 0 },
  { column: "title_key", present: true, indexed: rows, unindexed: 0 },
];

describe("crash-safe ingest", () => {
  it("after a kill between the data commit and the index build, a rerun that changes nothing brings every index up to every row", async () => {
    const dir = await tempDir();
    await ingestInto(dir, records.slice(0, 200));
    // The kill: the merge of the last 100 papers committed, the index build never ran.
    const db = await lancedb.connect(dir);
    const table = await db.openTable("papers");
    await table.add(await committedRows(records.slice(200)));
    table.close();
    db.close();
    expect((await coverage(dir)).indexes.map((index) => index.unindexed)).toEqual([100, 100]);

    expect(await ingestInto(dir, records)).toEqual({ records: 300, papers: 300, inserted: 0, updated: 0, unchanged: 300 });
    const after = await coverage(dir);
    expect(after.rows).toBe(300);
    expect(after.indexes).toEqual(complete(300));
  }, 60_000);

  it("after a kill between creating the library and building its first indexes, a rerun builds them", async () => {
    const dir = await tempDir();
    const db = await lancedb.connect(dir);
    (await db.createTable("papers", await committedRows(records))).close();
    db.close();
    expect((await coverage(dir)).indexes.map((index) => index.present)).toEqual([false, false]);

    expect(await ingestInto(dir, records)).toMatchObject({ inserted: 0, unchanged: 300 });
    expect((await coverage(dir)).indexes).toEqual(complete(300));
  }, 60_000);
});

describe("one ingest at a time per library", () => {
  it("gives a second ingest a clear error naming the one that holds the library, and lets it run once that one is done", async () => {
    const dir = await tempDir();
    const db = join(dir, "db");
    const page = join(dir, "papers.jsonl");
    await writeFile(page, records.slice(0, 5).map((record) => JSON.stringify(record)).join("\n"));
    const holder = await LancePaperStore.open({ uri: db });
    const release = await holder.lockWrites();
    try {
      const second = await runPaperbot(["ingest", page, "--db", db]);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`^paperbot: Another ingest is writing to this library: process ${process.pid} on ${hostname()} \\(since .+\\)\\. Wait for it to finish and run again; if no ingest is running, delete .*${LOCK_FILE}\\.\\n$`));
      // The in-process writer gets the same answer.
      await expect(ingestRecords(records, deps(holder))).rejects.toMatchObject({ code: "LIBRARY_BUSY" });
    } finally {
      await release();
      holder.close();
    }
    expect((await runPaperbot(["ingest", page, "--db", db, "--json"])).stdout).toMatch(/"inserted":5/);
    expect(existsSync(join(db, LOCK_FILE))).toBe(false);
  }, 60_000);

  it("takes over the lock of an ingest that was killed", async () => {
    const dir = await tempDir();
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ["-e", ""]);
      child.on("exit", () => resolve(child.pid!));
    });
    await ingestInto(dir, records.slice(0, 5));
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), startedAt: NOW.toISOString() }));
    expect(await ingestInto(dir, records.slice(0, 10))).toMatchObject({ inserted: 5 });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("takes over a lock from another host or container only once its heartbeat has stopped", async () => {
    const dir = await tempDir();
    await ingestInto(dir, records.slice(0, 5));
    const lock = join(dir, LOCK_FILE);
    // A pid on another host cannot be asked; only the lock's age tells.
    await writeFile(lock, JSON.stringify({ pid: 1, host: "another-container", startedAt: NOW.toISOString() }));
    await expect(ingestInto(dir, records.slice(0, 10))).rejects.toMatchObject({ code: "LIBRARY_BUSY", message: expect.stringContaining("process 1 on another-container") });
    const silent = new Date(Date.now() - STALE_AFTER_MS - 60_000);
    await utimes(lock, silent, silent);
    expect(await ingestInto(dir, records.slice(0, 10))).toMatchObject({ inserted: 5 });
    expect(existsSync(lock)).toBe(false);
  });
});
