import "./native-env.ts";
import * as lancedb from "@lancedb/lancedb";
import { INDEX_SETTINGS } from "./index-settings.ts";

/**
 * Keyed lookups: ingest's change detection (by id and normalised title) and
 * reading papers by id. The library has no full-text index: paperbot ranks
 * from its own snapshot (src/search), and LanceDB's full-text indexes cost
 * a fifth of an ingest's index time without ever being read.
 */
const KEY_COLUMNS = ["id", "title_key"] as const;
/** Full-text indexes earlier versions built; dropped at the next write. */
const RETIRED_COLUMNS = ["title", "abstract"];

/** One index the library should have, and how many rows it covers; `present: false` when it was never built. */
export type IndexCoverage = { column: string; present: boolean; indexed: number; unindexed: number };

/** What `repairIndexes` and `finishIndexes` had to do; both empty when every index already covered every row. */
export type IndexRepair = { created: string[]; caughtUp: string[] };

/**
 * After writes: one `optimize` merges small files and index segments,
 * extends the existing indexes to the new rows and drops old versions; then
 * the missing indexes are built, once, over the whole table. A vector index
 * the table has outgrown is dropped first and trained again with partitions
 * for its new size. `rebuilt`: the table was just replaced, every index is new.
 */
export async function finishIndexes(table: lancedb.Table, rebuilt = false): Promise<IndexRepair> {
  const before = await indexCoverage(table);
  for (const index of await table.listIndices()) if (index.columns.some((column) => RETIRED_COLUMNS.includes(column))) await table.dropIndex(index.name);
  const vectorIndex = (await table.listIndices()).find((index) => index.columns.includes("vector"));
  if (!rebuilt && vectorIndex && partitionsFor(await table.countRows()) >= INDEX_SETTINGS.retrainGrowth * trainedPartitions(vectorIndex.name)) {
    await table.dropIndex(vectorIndex.name);
  }
  if (!rebuilt) await table.optimize({ cleanupOlderThan: new Date(Date.now() - INDEX_SETTINGS.keepVersionsMs) });
  const created = await createMissing(table);
  await rebuildUnindexed(table);
  const caughtUp = before.filter((entry) => entry.present && entry.unindexed > 0 && !created.includes(entry.column)).map((entry) => entry.column);
  return { created, caughtUp };
}

/**
 * Every index the library should have, with how many rows it covers. Rows
 * are committed before their indexes are built (separate commits), so a
 * process killed in between leaves rows outside an index, or no index at all.
 */
export async function indexCoverage(table: lancedb.Table): Promise<IndexCoverage[]> {
  const rows = await table.countRows();
  const indices = await table.listIndices();
  const wanted: string[] = [...KEY_COLUMNS, ...(rows >= INDEX_SETTINGS.vectorIndexMinPapers ? ["vector"] : [])];
  return Promise.all(
    wanted.map(async (column) => {
      const index = indices.find((candidate) => candidate.columns.includes(column));
      if (!index) return { column, present: false, indexed: 0, unindexed: rows };
      const stats = await table.indexStats(index.name);
      return { column, present: true, indexed: stats?.numIndexedRows ?? 0, unindexed: stats?.numUnindexedRows ?? rows };
    }),
  );
}

/**
 * Builds the indexes that are missing and brings the others up to every
 * row. Writes nothing (no new table version) when coverage is complete, so
 * a rerun that changes nothing stays a no-op.
 */
export async function repairIndexes(table: lancedb.Table): Promise<IndexRepair> {
  const coverage = await indexCoverage(table);
  const created: string[] = [];
  for (const { column } of coverage.filter((entry) => !entry.present)) {
    await createIndex(table, column);
    created.push(column);
  }
  const caughtUp = coverage.filter((entry) => entry.present && entry.unindexed > 0).map((entry) => entry.column);
  if (caughtUp.length === 0) return { created, caughtUp };
  await table.optimize({ cleanupOlderThan: new Date(Date.now() - INDEX_SETTINGS.keepVersionsMs) });
  await rebuildUnindexed(table);
  return { created, caughtUp };
}

/** Should optimize have left rows out of an index (one it cannot extend), builds that index afresh. */
async function rebuildUnindexed(table: lancedb.Table): Promise<void> {
  for (const entry of await indexCoverage(table)) {
    if (entry.unindexed > 0) await createIndex(table, entry.column);
  }
}

async function createMissing(table: lancedb.Table): Promise<string[]> {
  const created: string[] = [];
  for (const { column, present } of await indexCoverage(table)) {
    if (present) continue;
    await createIndex(table, column);
    created.push(column);
  }
  return created;
}

async function createIndex(table: lancedb.Table, column: string): Promise<void> {
  if (column === "vector") await createVectorIndex(table);
  else await table.createIndex(column, { config: lancedb.Index.btree(), replace: true });
}

/**
 * IVF-HNSW-SQ with partitions for the table's size; see INDEX_SETTINGS for
 * why and the figures behind it. The name records the partitions it was
 * trained with (LanceDB's statistics do not), so a later write can tell
 * when the table has outgrown them.
 */
async function createVectorIndex(table: lancedb.Table): Promise<void> {
  const partitions = partitionsFor(await table.countRows());
  const config = lancedb.Index.hnswSq({ distanceType: "cosine", numPartitions: partitions, m: INDEX_SETTINGS.hnswM, efConstruction: INDEX_SETTINGS.hnswEfConstruction });
  for (const index of await table.listIndices()) if (index.columns.includes("vector")) await table.dropIndex(index.name);
  await table.createIndex("vector", { config, name: `vector_ivf${partitions}` });
}

/** The partitions a vector index was trained with, from its name; 1 for indexes built before names recorded it. */
function trainedPartitions(name: string): number {
  return Number(/_ivf(\d+)$/.exec(name)?.[1] ?? 1);
}

function partitionsFor(rows: number): number {
  return Math.max(1, Math.min(INDEX_SETTINGS.maxPartitions, Math.round(rows / INDEX_SETTINGS.papersPerPartition)));
}

