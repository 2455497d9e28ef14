import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as lancedb from "@lancedb/lancedb";
import { PaperbotError } from "../../errors.ts";
import { normalizeTitle } from "../../papers/paper.ts";
import type { EmbedderStamp, PaperFilters, PaperStore, ScoredId, StoredPaper, StoredPaperWithVector } from "../paper-store.ts";
import { LanceChatState, type ChatStateOptions } from "./chat-state-tables.ts";
import { LanceConversations } from "./conversation-tables.ts";
import { LanceDigestStore } from "./digest-tables.ts";
import { filterSql, sqlString } from "./filters.ts";
import { indexCoverage, refreshIndexes, repairIndexes, type IndexCoverage, type IndexRepair } from "./indexes.ts";
import { COLUMNS_WITHOUT_VECTOR, fromRow, PAPERS_TABLE, papersSchema, toRow } from "./schema.ts";
import { acquireWriteLock, type ReleaseLock } from "./write-lock.ts";

/** `readConsistencySeconds`: how stale a long-running process may see the library (writes by other processes). */
export type LanceLocation = { uri: string; apiKey?: string; region?: string; readConsistencySeconds?: number };

/** `mustExist`: refuse, rather than start an empty library, when there is none at the location (every command but ingest). */
export type OpenOptions = { mustExist?: boolean };

/** The library in LanceDB: a local directory by default, or any URI LanceDB accepts. */
export class LancePaperStore implements PaperStore {
  readonly #db: lancedb.Connection;
  readonly #localDir: string | undefined;
  #table: lancedb.Table | undefined;

  private constructor(db: lancedb.Connection, table: lancedb.Table | undefined, localDir: string | undefined) {
    this.#db = db;
    this.#table = table;
    this.#localDir = localDir;
  }

  static async open(location: LanceLocation, options: OpenOptions = {}): Promise<LancePaperStore> {
    const localDir = localDirOf(location.uri);
    // Connecting creates a local directory; a mistyped --db must not leave one behind.
    if (options.mustExist && localDir !== undefined && !existsSync(localDir)) throw missingLibrary(location.uri);
    let store: LancePaperStore;
    try {
      const db = await lancedb.connect(location.uri, {
        ...(location.apiKey && { apiKey: location.apiKey }),
        ...(location.region && { region: location.region }),
        ...(location.readConsistencySeconds !== undefined && { readConsistencyInterval: location.readConsistencySeconds }),
      });
      const names = await db.tableNames();
      const table = names.includes(PAPERS_TABLE) ? await db.openTable(PAPERS_TABLE) : undefined;
      if (table) await migrate(table);
      store = new LancePaperStore(db, table, localDir);
    } catch (cause) {
      throw storeError(`open the library at ${location.uri}`, cause);
    }
    if (options.mustExist && !store.#table) {
      store.close();
      throw missingLibrary(location.uri);
    }
    return store;
  }

  /** Held by an ingest for its whole run, so that a second one fails clearly instead of interleaving. */
  async lockWrites(): Promise<ReleaseLock> {
    return this.#localDir === undefined ? async () => undefined : acquireWriteLock(this.#localDir);
  }

  /** How many rows each index the library should have covers. */
  async indexCoverage(): Promise<IndexCoverage[]> {
    return this.#table ? indexCoverage(this.#table) : [];
  }

  async ensureIndexes(): Promise<IndexRepair> {
    if (!this.#table) return { created: [], caughtUp: [] };
    const table = this.#table;
    let repair: IndexRepair = { created: [], caughtUp: [] };
    await this.#write(async () => {
      repair = await repairIndexes(table);
    });
    return repair;
  }

  /** Digest subscriptions and the log of what each channel was sent, in the same database. */
  digests(): LanceDigestStore {
    return new LanceDigestStore(this.#db);
  }

  /** Seen chat events and recent questions per user, in the same database, so restarts and replicas share them. */
  chatState(options: ChatStateOptions): LanceChatState {
    return new LanceChatState(this.#db, options);
  }

  /** Chat threads' recent turns, in the same database, so follow-ups work after a restart and across replicas. */
  conversations(onError?: (error: unknown) => void): LanceConversations {
    return new LanceConversations(this.#db, onError ? { onError } : {});
  }

  /** The connection, for the read-only queries in library-stats.ts (paperbot stats). */
  get connection(): lancedb.Connection {
    return this.#db;
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

/** Title matches count double: a word in the title says more about a paper than one in its abstract. */
const TITLE_BOOST = 2;
const VECTOR_SEARCH_EF = 200;

function withFilter<Q extends { where(predicate: string): Q }>(query: Q, filters?: PaperFilters): Q {
  const predicate = filterSql(filters);
  return predicate ? query.where(predicate) : query;
}

function newestFirst(a: StoredPaper, b: StoredPaper): number {
  return (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "") || a.title.localeCompare(b.title);
}

/** The directory of a local library; undefined for remote URIs (s3://, db://, ...). */
export function localDirOf(uri: string): string | undefined {
  if (uri.startsWith("file://")) return fileURLToPath(uri);
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(uri) ? undefined : uri;
}

function missingLibrary(uri: string): PaperbotError {
  return new PaperbotError(
    "LIBRARY_MISSING",
    `There is no paper library at ${uri}. Build one with: paperbot ingest data/samples --db ${uri} (or check --db and PAPERBOT_DB for a typo).`,
  );
}

function storeError(action: string, cause: unknown): PaperbotError {
  return new PaperbotError("STORE_FAILED", `Could not ${action}: ${(cause as Error).message}`, { cause });
}
