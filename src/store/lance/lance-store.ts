import * as lancedb from "@lancedb/lancedb";
import { PaperbotError } from "../../errors.ts";
import { normalizeTitle } from "../../papers/paper.ts";
import type { EmbedderStamp, PaperFilters, PaperStore, ScoredId, StoredPaper, StoredPaperWithVector } from "../paper-store.ts";
import { LanceDigestStore } from "./digest-tables.ts";
import { filterSql, sqlString } from "./filters.ts";
import { COLUMNS_WITHOUT_VECTOR, fromRow, PAPERS_TABLE, papersSchema, toRow } from "./schema.ts";

/** `readConsistencySeconds`: how stale a long-running process may see the library (writes by other processes). */
export type LanceLocation = { uri: string; apiKey?: string; region?: string; readConsistencySeconds?: number };

const FTS_OPTIONS = { stem: true, language: "English", removeStopWords: true, lowercase: true, asciiFolding: true } as const;

/** The library in LanceDB: a local directory by default, or any URI LanceDB accepts. */
export class LancePaperStore implements PaperStore {
  readonly #db: lancedb.Connection;
  #table: lancedb.Table | undefined;

  private constructor(db: lancedb.Connection, table: lancedb.Table | undefined) {
    this.#db = db;
    this.#table = table;
  }

  static async open(location: LanceLocation): Promise<LancePaperStore> {
    try {
      const db = await lancedb.connect(location.uri, {
        ...(location.apiKey && { apiKey: location.apiKey }),
        ...(location.region && { region: location.region }),
        ...(location.readConsistencySeconds !== undefined && { readConsistencyInterval: location.readConsistencySeconds }),
      });
      const names = await db.tableNames();
      const table = names.includes(PAPERS_TABLE) ? await db.openTable(PAPERS_TABLE) : undefined;
      if (table) await migrate(table);
      return new LancePaperStore(db, table);
    } catch (cause) {
      throw storeError(`open the library at ${location.uri}`, cause);
    }
  }

  /** Digest subscriptions and the log of what each channel was sent, in the same database. */
  digests(): LanceDigestStore {
    return new LanceDigestStore(this.#db);
  }

  /** The LanceDB table, for search; undefined while the library is empty. */
  get table(): lancedb.Table | undefined {
    return this.#table;
  }

  async builtWith(): Promise<EmbedderStamp | undefined> {
    if (!this.#table) return undefined;
    const [row] = await this.#table.query().select(["embedder"]).limit(1).toArray();
    if (!row) return undefined;
    const vectorField = (await this.#table.schema()).fields.find((field) => field.name === "vector");
    const dims = (vectorField?.type as { listSize?: number } | undefined)?.listSize ?? 0;
    return { embedder: row.embedder as string, dims };
  }

  async count(): Promise<number> {
    return this.#table ? this.#table.countRows() : 0;
  }

  async version(): Promise<number> {
    return this.#table ? this.#table.version() : 0;
  }

  async list(): Promise<StoredPaper[]> {
    if (!this.#table) return [];
    const rows = await this.#table.query().select(COLUMNS_WITHOUT_VECTOR).toArray();
    return rows.map(fromRow).sort(newestFirst);
  }

  async vectorsOf(ids: string[]): Promise<Map<string, number[]>> {
    const vectors = new Map<string, number[]>();
    if (!this.#table || ids.length === 0) return vectors;
    const rows = await this.#table.query().where(`id IN (${ids.map(sqlString).join(", ")})`).select(["id", "vector"]).toArray();
    for (const row of rows) vectors.set(row.id as string, Array.from(row.vector as Iterable<number>));
    return vectors;
  }

  async textSearch(text: string, limit: number, filters?: PaperFilters): Promise<ScoredId[]> {
    if (!this.#table || !text.trim()) return [];
    const query = new lancedb.MultiMatchQuery(text, ["title", "abstract"], { boosts: [TITLE_BOOST, 1] });
    const rows = await withFilter(this.#table.query().fullTextSearch(query), filters).select(["id", "_score"]).limit(limit).toArray();
    return rows.map((row) => ({ id: row.id as string, score: Number(row._score) }));
  }

  async vectorSearch(vector: number[], limit: number, filters?: PaperFilters): Promise<ScoredId[]> {
    if (!this.#table) return [];
    // ef only matters once the vector index exists; it trades a little speed for recall.
    const query = this.#table.vectorSearch(vector).distanceType("cosine").ef(VECTOR_SEARCH_EF).select(["id", "_distance"]).limit(limit);
    const rows = await withFilter(query, filters).toArray();
    return rows.map((row) => ({ id: row.id as string, score: 1 - Number(row._distance) }));
  }

  async coverage(filters?: PaperFilters): Promise<{ papers: number; earliest?: string; latest?: string }> {
    if (!this.#table) return { papers: 0 };
    const rows = await withFilter(this.#table.query(), filters).select(["published_at"]).toArray();
    const dates = rows.map((row) => row.published_at as string | null).filter((date): date is string => Boolean(date)).sort();
    return { papers: rows.length, ...(dates.length > 0 && { earliest: dates[0], latest: dates.at(-1) }) };
  }

  async upsert(papers: StoredPaperWithVector[], stamp: EmbedderStamp, supersededIds: string[] = []): Promise<void> {
    if (papers.length === 0) return;
    if (!this.#table) return this.replaceAll(papers, stamp);
    const table = this.#table;
    await this.#write(async () => {
      // One merge is one commit: readers see all of these rows or none.
      let merge = table.mergeInsert("id").whenMatchedUpdateAll().whenNotMatchedInsertAll();
      if (supersededIds.length > 0) merge = merge.whenNotMatchedBySourceDelete({ where: `id IN (${supersededIds.map(sqlString).join(", ")})` });
      await merge.execute(toRows(papers, stamp));
      await refreshIndexes(table, false);
    });
  }

  async replaceAll(papers: StoredPaperWithVector[], stamp: EmbedderStamp): Promise<void> {
    await this.#write(async () => {
      const schema = papersSchema(stamp.dims);
      const mode = this.#table ? "overwrite" : "create";
      this.#table = await this.#db.createTable(PAPERS_TABLE, toRows(papers, stamp), { schema, mode });
      await refreshIndexes(this.#table, true);
    });
  }

  close(): void {
    this.#table?.close();
    this.#db.close();
  }

  async #write(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (cause) {
      throw storeError("write to the library", cause);
    }
  }
}

/** Libraries written by earlier versions lack later columns; add them, empty. */
async function migrate(table: lancedb.Table): Promise<void> {
  const columns = new Set((await table.schema()).fields.map((field) => field.name));
  if (!columns.has("extra")) await table.addColumns([{ name: "extra", valueSql: "CAST(NULL AS STRING)" }]);
}

function toRows(papers: StoredPaperWithVector[], stamp: EmbedderStamp) {
  return papers.map((paper) => toRow(paper, normalizeTitle(paper.title), stamp.embedder));
}

/**
 * Full-text indexes, one per column so that search can weight title above
 * abstract; and, once the library is large enough for a full scan to be
 * slow, an HNSW vector index. New rows join existing indexes through
 * `optimize` instead of a rebuild.
 */
async function refreshIndexes(table: lancedb.Table, rebuilt: boolean): Promise<void> {
  const existing = new Set((await table.listIndices()).flatMap((index) => index.columns));
  for (const column of ["title", "abstract"]) {
    if (rebuilt || !existing.has(column)) await table.createIndex(column, { config: lancedb.Index.fts(FTS_OPTIONS), replace: true });
  }
  const hasVectorIndex = !rebuilt && existing.has("vector");
  if (!hasVectorIndex && (await table.countRows()) >= VECTOR_INDEX_MIN_PAPERS) {
    await table.createIndex("vector", { config: lancedb.Index.hnswSq({ distanceType: "cosine" }), replace: true });
  }
  if (!rebuilt) await table.optimize();
}

/** Title matches count double: a word in the title says more about a paper than one in its abstract. */
const TITLE_BOOST = 2;
/** Below this many papers an exact scan is fast enough (a few ms); above it, HNSW (see `npm run bench`). */
const VECTOR_INDEX_MIN_PAPERS = 5_000;
const VECTOR_SEARCH_EF = 200;

function withFilter<Q extends { where(predicate: string): Q }>(query: Q, filters?: PaperFilters): Q {
  const predicate = filterSql(filters);
  return predicate ? query.where(predicate) : query;
}

function newestFirst(a: StoredPaper, b: StoredPaper): number {
  return (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "") || a.title.localeCompare(b.title);
}

function storeError(action: string, cause: unknown): PaperbotError {
  return new PaperbotError("STORE_FAILED", `Could not ${action}: ${(cause as Error).message}`, { cause });
}
