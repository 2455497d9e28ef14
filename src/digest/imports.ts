import type { StoredPaper } from "../store/paper-store.ts";
import { shiftDay } from "../search/time-phrases.ts";
import { dayIn } from "./days.ts";

/**
 * An ingest that brought in more old or undated papers than this is a bulk
 * import (seeding a library, loading an archive), not the day's news: a
 * daily fetch adds papers dated that day, and someone adding a few papers by
 * hand adds a handful.
 */
export const BULK_IMPORT_MIN = 20;

/** One ingest run's new papers: ingest stamps every paper it adds with the same `addedAt`. */
export type ImportBatch = {
  addedAt: string;
  papers: number;
  /** Papers with neither a publication nor a featured date. */
  undated: number;
  /** Papers dated more than a week before they were added, or undated: what the batch brought that is not news. */
  backlog: number;
  earliest?: string;
  latest?: string;
};

/** The dates on which a paper is news: its publication date and the day Hugging Face featured it. */
export function newsDates(paper: StoredPaper): string[] {
  return [paper.publishedAt, paper.featuredAt].filter((date): date is string => Boolean(date));
}

/** The library's papers grouped by the ingest that added them. */
export function importBatches(papers: StoredPaper[], recentDays: number): Map<string, ImportBatch> {
  const batches = new Map<string, ImportBatch>();
  for (const paper of papers) {
    const batch = batches.get(paper.addedAt) ?? { addedAt: paper.addedAt, papers: 0, undated: 0, backlog: 0 };
    const dates = newsDates(paper).sort();
    const newest = dates.at(-1);
    batch.papers++;
    if (!newest) batch.undated++;
    // UTC is close enough here: a day either way does not turn an archive into news.
    if (!newest || newest < shiftDay(paper.addedAt.slice(0, 10), -recentDays)) batch.backlog++;
    if (dates[0] && (!batch.earliest || dates[0] < batch.earliest)) batch.earliest = dates[0];
    if (newest && (!batch.latest || newest > batch.latest)) batch.latest = newest;
    batches.set(paper.addedAt, batch);
  }
  return batches;
}

export function isBulk(batch: ImportBatch | undefined): boolean {
  return batch !== undefined && batch.backlog > BULK_IMPORT_MIN;
}

/** The bulk imports that landed on the days `from`..`to` in a time zone, oldest first. */
export function bulkImportsWithin(batches: Map<string, ImportBatch>, options: { from: string; to: string; timeZone: string }): ImportBatch[] {
  return [...batches.values()]
    .filter((batch) => {
      const day = dayIn(options.timeZone, new Date(batch.addedAt));
      return isBulk(batch) && day >= options.from && day <= options.to;
    })
    .sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

/** The log's stand-in paper id for an import's announcement, so each channel hears of an import once; no paper id looks like it. */
export function importLogId(batch: ImportBatch): string {
  return `import:${batch.addedAt}`;
}
