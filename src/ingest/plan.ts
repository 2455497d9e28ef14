import { mergeRecords, mergeTwo } from "../papers/merge.ts";
import { normalizeTitle, toPaper, toRecord, type PaperRecord } from "../papers/paper.ts";
import type { PaperStore, StoredPaper } from "../store/paper-store.ts";
import { contentHash, recordHash } from "./fingerprint.ts";
import type { WrittenThisRun } from "./written.ts";

/** A paper to write; `embed` when its text changed; `storedAs` is the id it has in the library now, if any. */
export type Pending = { paper: StoredPaper; embed: boolean; storedAs?: string | undefined };

export type BatchPlan = {
  changed: Pending[];
  /** Ids of rows that move to a new id (a paper first known by title gets its arXiv id). */
  superseded: string[];
  /** Distinct papers in the batch that are new to this run (a paper repeated from an earlier batch is not counted again). */
  papers: number;
  inserted: number;
  updated: number;
  unchanged: number;
};

/**
 * What one batch changes: its records merged among themselves, then each
 * paper merged with its stored row, found by one keyed lookup of the batch's
 * ids and normalised titles (not a list of the library). `writtenThisRun`
 * holds the ids earlier batches wrote, so a paper repeated across batches
 * is merged into its row without being counted twice. `onlyWritten`: the
 * library was empty when the run began, so only records matching what the
 * run wrote are looked up.
 */
export async function planBatch(records: PaperRecord[], store: PaperStore, now: string, rebuild: boolean, writtenThisRun: ReadonlySet<string>, onlyWritten?: WrittenThisRun): Promise<BatchPlan> {
  const incoming = mergeRecords(records);
  const ids = incoming.flatMap((record) => (record.arxivId && (!onlyWritten || onlyWritten.ids.has(record.arxivId)) ? [record.arxivId] : []));
  const titleKeys = incoming.map((record) => normalizeTitle(record.title)).filter((key) => !onlyWritten || onlyWritten.mayHoldTitle(key));
  const match = matcher(await store.findExisting(ids, titleKeys));
  const plan: BatchPlan = { changed: [], superseded: [], papers: 0, inserted: 0, updated: 0, unchanged: 0 };

  for (const record of incoming) {
    const before = match(record);
    const repeat = before !== undefined && writtenThisRun.has(before.id);
    // A rebuild reads the sources anew: what they say now wins over the stored row (a date re-read with --year).
    const paper = toPaper(before ? mergeTwo(toRecord(before), record, rebuild) : record);
    const stored: StoredPaper = { ...paper, contentHash: contentHash(paper), recordHash: recordHash(paper), addedAt: before?.addedAt ?? now };
    if (!repeat) plan.papers++;
    if (!before) plan.inserted++;
    // A paper first known by title gets its arXiv id: the row moves to the new id.
    if (before && before.id !== stored.id) plan.superseded.push(before.id);
    if (before && before.recordHash === stored.recordHash && !rebuild) {
      if (!repeat) plan.unchanged++;
      continue;
    }
    if (before && !repeat) plan.updated++;
    plan.changed.push({ paper: stored, embed: rebuild || !before || before.contentHash !== stored.contentHash, storedAs: before?.id });
  }
  return plan;
}

function matcher(existing: StoredPaper[]): (record: PaperRecord) => StoredPaper | undefined {
  const byId = new Map(existing.map((paper) => [paper.id, paper]));
  const byTitle = new Map(existing.map((paper) => [normalizeTitle(paper.title), paper]));
  return (record) => (record.arxivId && byId.get(record.arxivId)) || byTitle.get(normalizeTitle(record.title));
}
