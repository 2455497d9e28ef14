import type { Logger } from "pino";
import type { Embedder } from "../embed/embedder.ts";
import { assertSameEmbedder } from "../embed/stamp.ts";
import { normalizeTitle, type PaperRecord } from "../papers/paper.ts";
import type { EmbedderStamp, PaperStore } from "../store/paper-store.ts";
import { batchesOf } from "./batches.ts";
import { EmbedHelper } from "./embed-helper.ts";
import { planBatch } from "./plan.ts";
import { releaseMemory } from "./release-memory.ts";
import { rebuildLibrary } from "./rebuild.ts";
import { INGEST_SETTINGS } from "./settings.ts";
import { withVectors } from "./vectors.ts";
import { WrittenThisRun } from "./written.ts";

export type IngestSummary = {
  records: number;
  papers: number;
  inserted: number;
  updated: number;
  unchanged: number;
};

export type IngestDeps = { store: PaperStore; embedder: Embedder; logger: Logger; now?: () => Date };

export type IngestOptions = {
  /** Re-embed the whole library, e.g. after switching embedder. */
  rebuild?: boolean;
  dryRun?: boolean;
  /** Records handled so far, and `totalRecords` when given; called as embedding moves and after every batch. */
  onProgress?: (done: number, total: number | undefined) => void;
  totalRecords?: number;
  /** Papers per batch; INGEST_SETTINGS.batchPapers unless a test wants several batches from a few papers. */
  batchPapers?: number;
};

/**
 * Adds records to the library, streaming: records are read, merged,
 * compared with the library, embedded and written a batch at a time, so
 * memory holds one batch whatever the input's or the library's size.
 * Records of a paper already there are merged with it (richest fields win);
 * only papers whose embedded text changed are embedded again. Each batch is
 * one idempotent commit; the indexes are brought up to every row once, at
 * the end. A killed run leaves whole batches: running it again skips what
 * they wrote (unchanged) and finishes the rest and the indexes, even when
 * no paper changed. One ingest at a time per library: a second one fails
 * with LIBRARY_BUSY.
 */
export async function ingestRecords(records: Iterable<PaperRecord> | AsyncIterable<PaperRecord>, deps: IngestDeps, options: IngestOptions = {}): Promise<IngestSummary> {
  if (options.dryRun) return ingestLocked(records, deps, options);
  const release = await deps.store.lockWrites();
  try {
    return await ingestLocked(records, deps, options);
  } finally {
    await release();
  }
}

async function ingestLocked(records: Iterable<PaperRecord> | AsyncIterable<PaperRecord>, deps: IngestDeps, options: IngestOptions): Promise<IngestSummary> {
  const { store, embedder, logger } = deps;
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const stamp: EmbedderStamp = { embedder: embedder.id, dims: embedder.dims };
  if (await needsRebuild(store, stamp, options.rebuild ?? false)) return rebuildLibrary(records, deps, stamp, now, options);

  const summary: IngestSummary = { records: 0, papers: 0, inserted: 0, updated: 0, unchanged: 0 };
  // What this run wrote, so a paper repeated in a later batch is not counted twice, and (into a library that
  // was empty) so only records matching it are looked up.
  const written = new WrittenThisRun();
  const startedEmpty = (await store.count()) === 0;
  let batchNumber = 0;
  // Started for a large ingest only (a worker takes a moment to start), and closed once the batches are
  // written: its memory (word vectors, stems) is better spent on the indexes.
  let helper: EmbedHelper | undefined;
  try {
    for await (const batch of batchesOf(records, options.batchPapers ?? INGEST_SETTINGS.batchPapers)) {
      const started = Date.now();
      const plan = await planBatch(batch, store, now, false, written.ids, startedEmpty ? written : undefined);
      const before = summary.records;
      summary.records += batch.length;
      summary.papers += plan.papers;
      summary.inserted += plan.inserted;
      summary.updated += plan.updated;
      summary.unchanged += plan.unchanged;
      if (!options.dryRun && plan.changed.length > 0) {
        if (plan.changed.length >= INGEST_SETTINGS.helpedFrom) helper ??= EmbedHelper.for(embedder);
        const progress = (done: number, total: number) => options.onProgress?.(before + (done / total) * batch.length * 0.95, options.totalRecords);
        const rows = await withVectors(plan.changed, store, embedder, progress, helper);
        await store.writeBatch(rows, stamp, plan.superseded, { allNew: plan.inserted === rows.length });
        for (const row of rows) written.add(row.id, normalizeTitle(row.title));
      }
      options.onProgress?.(summary.records, options.totalRecords);
      logger.debug({ batch: ++batchNumber, records: batch.length, changed: plan.changed.length, ms: Date.now() - started }, "ingest batch");
    }
  } finally {
    await helper?.close();
  }
  // The last batches' rows, vectors and Arrow tables are garbage now, about 250 MB at 10k papers a batch:
  // handed back before LanceDB's compaction and index builds, which were an ingest's peak with them still held.
  releaseMemory();
  logger.debug(summary, "ingest plan");
  if (options.dryRun) return summary;
  if (written.ids.size > 0) {
    await store.finishWrites();
    logger.debug("ingest indexes built");
  } else {
    const repair = await store.ensureIndexes();
    if (repair.created.length + repair.caughtUp.length > 0) logger.warn(repair, "completed the indexes an interrupted ingest left unfinished");
  }
  return summary;
}

async function needsRebuild(store: PaperStore, stamp: EmbedderStamp, requested: boolean): Promise<boolean> {
  const builtWith = await store.builtWith();
  if (requested) return builtWith !== undefined;
  assertSameEmbedder(builtWith, stamp);
  return false;
}
