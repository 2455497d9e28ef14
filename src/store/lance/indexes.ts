import * as lancedb from "@lancedb/lancedb";

const FTS_OPTIONS = { stem: true, language: "English", removeStopWords: true, lowercase: true, asciiFolding: true } as const;
const TEXT_COLUMNS = ["title", "abstract"] as const;
/** Below this many papers an exact scan is fast enough (a few ms); above it, HNSW (see `npm run bench`). */
export const VECTOR_INDEX_MIN_PAPERS = 5_000;

/** One index the library should have, and how many rows it covers; `present: false` when it was never built. */
export type IndexCoverage = { column: string; present: boolean; indexed: number; unindexed: number };

/** What `repairIndexes` had to do; both empty when every index already covered every row. */
export type IndexRepair = { created: string[]; caughtUp: string[] };

/**
 * Full-text indexes, one per column so that search can weight title above
 * abstract; and, once the library is large enough for a full scan to be
 * slow, an HNSW vector index. New rows join existing indexes through
 * `optimize` instead of a rebuild.
 */
export async function refreshIndexes(table: lancedb.Table, rebuilt: boolean): Promise<void> {
  const existing = new Set((await table.listIndices()).flatMap((index) => index.columns));
  for (const column of TEXT_COLUMNS) {
    if (rebuilt || !existing.has(column)) await createTextIndex(table, column);
  }
  const hasVectorIndex = !rebuilt && existing.has("vector");
  if (!hasVectorIndex && (await table.countRows()) >= VECTOR_INDEX_MIN_PAPERS) await createVectorIndex(table);
  if (!rebuilt) await table.optimize();
}

/**
 * Every index the library should have, with how many rows it covers. Rows
 * are committed before their indexes are built (two commits), so a process
 * killed in between leaves rows outside an index, or no index at all.
 */
export async function indexCoverage(table: lancedb.Table): Promise<IndexCoverage[]> {
  const rows = await table.countRows();
  const indices = await table.listIndices();
  const wanted: string[] = [...TEXT_COLUMNS, ...(rows >= VECTOR_INDEX_MIN_PAPERS ? ["vector"] : [])];
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
    if (column === "vector") await createVectorIndex(table);
    else await createTextIndex(table, column);
    created.push(column);
  }
  const caughtUp = coverage.filter((entry) => entry.present && entry.unindexed > 0).map((entry) => entry.column);
  if (caughtUp.length === 0) return { created, caughtUp };
  await table.optimize();
  // Should optimize leave rows out (an index it cannot extend), build that index afresh.
  for (const entry of await indexCoverage(table)) {
    if (entry.unindexed === 0) continue;
    if (entry.column === "vector") await createVectorIndex(table);
    else await createTextIndex(table, entry.column);
  }
  return { created, caughtUp };
}

async function createTextIndex(table: lancedb.Table, column: string): Promise<void> {
  await table.createIndex(column, { config: lancedb.Index.fts(FTS_OPTIONS), replace: true });
}

async function createVectorIndex(table: lancedb.Table): Promise<void> {
  await table.createIndex("vector", { config: lancedb.Index.hnswSq({ distanceType: "cosine" }), replace: true });
}
