import type { PaperRecord } from "../papers/paper.ts";
import type { EmbedderStamp } from "../store/paper-store.ts";
import type { IngestDeps, IngestOptions, IngestSummary } from "./ingest.ts";
import { planBatch, type Pending } from "./plan.ts";
import { withVectors } from "./vectors.ts";

/**
 * Re-embeds the whole library (after a change of embedder) together with
 * the new records, and replaces it in one write, so that no search ever
 * mixes vectors of two embedders. Unlike a plain ingest this holds the
 * whole library in memory: LanceDB cannot rename a table, so a library
 * rebuilt aside could not be swapped in as one commit.
 */
export async function rebuildLibrary(
  records: Iterable<PaperRecord> | AsyncIterable<PaperRecord>,
  { store, embedder, logger }: IngestDeps,
  stamp: EmbedderStamp,
  now: string,
  options: IngestOptions,
): Promise<IngestSummary> {
  const all: PaperRecord[] = [];
  for await (const record of records) all.push(record);
  const plan = await planBatch(all, store, now, true, new Set());
  const summary = { records: all.length, papers: plan.papers, inserted: plan.inserted, updated: plan.updated, unchanged: plan.unchanged };
  logger.debug({ ...summary, rebuild: true }, "ingest plan");
  if (options.dryRun) return summary;
  const rewritten = new Set([...plan.changed.map((entry) => entry.paper.id), ...plan.superseded]);
  const untouched: Pending[] = (await store.list()).filter((paper) => !rewritten.has(paper.id)).map((paper) => ({ paper, embed: true }));
  const entries = [...plan.changed, ...untouched];
  const rows = await withVectors(entries, store, embedder, options.onProgress);
  await store.replaceAll(rows, stamp);
  return summary;
}
