import type { Logger } from "pino";
import { paperText, type Embedder } from "../embed/embedder.ts";
import { assertSameEmbedder } from "../embed/stamp.ts";
import { mergeRecords, mergeTwo } from "../papers/merge.ts";
import { normalizeTitle, toPaper, toRecord, type PaperRecord } from "../papers/paper.ts";
import type { EmbedderStamp, PaperStore, StoredPaper, StoredPaperWithVector } from "../store/paper-store.ts";
import { contentHash, recordHash } from "./fingerprint.ts";

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
  onEmbedProgress?: (done: number, total: number) => void;
};

/**
 * Adds records to the library. Records of a paper already there are merged
 * with it (richest fields win); only papers whose embedded text changed are
 * embedded again; everything is written in one commit, or nothing is.
 * One ingest at a time per library: a second one fails with LIBRARY_BUSY.
 * Even when nothing changed, a run finishes what a killed run left undone:
 * rows its indexes never took in.
 */
export async function ingestRecords(records: PaperRecord[], deps: IngestDeps, options: IngestOptions = {}): Promise<IngestSummary> {
  if (options.dryRun) return ingestLocked(records, deps, options);
  const release = await deps.store.lockWrites();
  try {
    return await ingestLocked(records, deps, options);
  } finally {
    await release();
  }
}

async function ingestLocked(records: PaperRecord[], deps: IngestDeps, options: IngestOptions): Promise<IngestSummary> {
  const { store, embedder, logger } = deps;
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const stamp: EmbedderStamp = { embedder: embedder.id, dims: embedder.dims };
  const rebuild = await needsRebuild(store, stamp, options.rebuild ?? false);

  const incoming = mergeRecords(records);
  const existing = await store.list();
  const match = matcher(existing);
  const changed: Pending[] = [];
  const superseded: string[] = [];
  let inserted = 0;
  let unchanged = 0;

  for (const record of incoming) {
    const before = match(record);
    const paper = toPaper(before ? mergeTwo(toRecord(before), record) : record);
    const stored: StoredPaper = { ...paper, contentHash: contentHash(paper), recordHash: recordHash(paper), addedAt: before?.addedAt ?? now };
    if (!before) inserted++;
    // A paper first known by title gets its arXiv id: the row moves to the new id.
    if (before && before.id !== stored.id) superseded.push(before.id);
    if (before && before.recordHash === stored.recordHash && !rebuild) unchanged++;
    else changed.push({ paper: stored, embed: rebuild || !before || before.contentHash !== stored.contentHash, storedAs: before?.id });
  }
  const summary = { records: records.length, papers: incoming.length, inserted, updated: changed.length - inserted, unchanged };
  logger.debug({ ...summary, rebuild }, "ingest plan");
  if (options.dryRun) return summary;
  if (changed.length === 0 && !rebuild) {
    const repair = await store.ensureIndexes();
    if (repair.created.length + repair.caughtUp.length > 0) logger.warn(repair, "completed the indexes an interrupted ingest left unfinished");
    return summary;
  }

  const rows = await withVectors(changed, deps, options.onEmbedProgress);
  if (rebuild) {
    const rewritten = new Set([...changed.map((entry) => entry.paper.id), ...superseded]);
    const untouched = existing.filter((paper) => !rewritten.has(paper.id));
    const rest = await withVectors(untouched.map((paper) => ({ paper, embed: true })), deps, options.onEmbedProgress);
    await store.replaceAll([...rows, ...rest], stamp);
  } else {
    await store.upsert(rows, stamp, superseded);
  }
  return summary;
}

async function needsRebuild(store: PaperStore, stamp: EmbedderStamp, requested: boolean): Promise<boolean> {
  const builtWith = await store.builtWith();
  if (requested) return builtWith !== undefined;
  assertSameEmbedder(builtWith, stamp);
  return false;
}

function matcher(existing: StoredPaper[]): (record: PaperRecord) => StoredPaper | undefined {
  const byId = new Map(existing.map((paper) => [paper.id, paper]));
  const byTitle = new Map(existing.map((paper) => [normalizeTitle(paper.title), paper]));
  return (record) => (record.arxivId && byId.get(record.arxivId)) || byTitle.get(normalizeTitle(record.title));
}

/** A paper to write; `storedAs` is the id it has in the library now, if any. */
type Pending = { paper: StoredPaper; embed: boolean; storedAs?: string | undefined };

async function withVectors(entries: Pending[], { store, embedder }: IngestDeps, onProgress?: (done: number, total: number) => void): Promise<StoredPaperWithVector[]> {
  const kept = await store.vectorsOf(entries.filter((entry) => !entry.embed).map((entry) => entry.storedAs ?? entry.paper.id));
  const keptVector = (entry: Pending) => kept.get(entry.storedAs ?? entry.paper.id);
  const toEmbed = entries.filter((entry) => entry.embed || !keptVector(entry)).map((entry) => entry.paper);
  const fresh = new Map<string, number[]>();
  const batch = 64;
  for (let start = 0; start < toEmbed.length; start += batch) {
    const slice = toEmbed.slice(start, start + batch);
    const vectors = await embedder.embedDocuments(slice.map(paperText));
    slice.forEach((paper, index) => fresh.set(paper.id, vectors[index]!));
    onProgress?.(Math.min(start + batch, toEmbed.length), toEmbed.length);
  }
  return entries.map((entry) => ({ ...entry.paper, vector: fresh.get(entry.paper.id) ?? keptVector(entry)! }));
}
