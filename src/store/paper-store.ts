import type { Paper } from "../papers/paper.ts";

/** A paper as kept in the library, with what ingest needs to spot changes. */
export type StoredPaper = Paper & {
  /** Hash of the embedded text: a change means the vector must be rebuilt. */
  contentHash: string;
  /** Hash of every field: a change means the row must be rewritten. */
  recordHash: string;
  /** When the library first saw this paper (ISO timestamp). */
  addedAt: string;
};

/** Float32Array where vectors flow in bulk (ingest): a quarter of the memory of a number[], and the layout LanceDB stores. */
export type Vector = Float32Array | number[];

export type StoredPaperWithVector = StoredPaper & { vector: Vector };

/** Constraints applied inside a search, not after it. Dates are inclusive ISO dates. */
export type PaperFilters = { from?: string; to?: string; minUpvotes?: number };

/** A search hit: the paper's id and how well it scored (higher is better). */
export type ScoredId = { id: string; score: number };

/** Which embedder built the vectors in a library. */
export type EmbedderStamp = { embedder: string; dims: number };

/**
 * The paper library. Each write is all-or-nothing: `upsert` and `writeBatch`
 * either store every row they were given or none of them.
 */
/** The fields `scanFields` can read alone. */
export type ScanField = "id" | "title" | "abstract" | "publishedAt" | "upvotes" | "organization";

export interface PaperStore {
  /** The embedder the library was built with; undefined while it is empty. */
  builtWith(): Promise<EmbedderStamp | undefined>;
  count(): Promise<number>;
  /** Changes whenever the library does, so derived indexes know when to rebuild. */
  version(): Promise<number>;
  /** Every paper, without vectors, newest first. */
  list(): Promise<StoredPaper[]>;
  /**
   * Every paper once, without vectors, a batch at a time, so a caller that reads the whole library never holds
   * all of it. In the store's own order (the fastest to read), the same for two scans of an unchanged library.
   */
  scan(batchSize: number): AsyncIterable<StoredPaper[]>;
  /** `scan`, reading only these fields of each paper (the search snapshot's build reads a third of the columns, four times faster). */
  scanFields<K extends ScanField>(batchSize: number, fields: readonly K[]): AsyncIterable<Pick<StoredPaper, K>[]>;
  /** The papers with these ids, without vectors, in no particular order; ids not in the library are left out. A keyed lookup, not a scan in JS. */
  get(ids: string[]): Promise<StoredPaper[]>;
  /** The papers stored under any of these ids or normalised titles (`normalizeTitle`): how ingest finds what a batch changes. */
  findExisting(ids: string[], titleKeys: string[]): Promise<StoredPaper[]>;
  vectorsOf(ids: string[]): Promise<Map<string, number[]>>;
  /** `vectorsOf` as stored, as Float32Array, for ingest. */
  storedVectors(ids: string[]): Promise<Map<string, Float32Array>>;
  /** Nearest papers by cosine similarity (score = similarity); best first. */
  vectorSearch(vector: number[], limit: number, filters?: PaperFilters): Promise<ScoredId[]>;
  /** How many papers pass the filters, and the date range they span. */
  /** `undated`: how many of the papers have no publication date (absent when none). */
  coverage(filters?: PaperFilters): Promise<{ papers: number; earliest?: string; latest?: string; undated?: number }>;
  /** Inserts or replaces papers by id, and deletes `supersededIds` (papers now stored under another id), in one write; then brings the indexes up to date. */
  upsert(papers: StoredPaperWithVector[], stamp: EmbedderStamp, supersededIds?: string[]): Promise<void>;
  /**
   * `upsert` without the index work: one commit per batch of a bulk ingest,
   * idempotent (rewriting a batch changes nothing), so a killed run's rerun
   * converges. `finishWrites` brings the indexes up once at the end.
   * `allNew`: the caller has looked up every id (under the write lock) and
   * none is stored, so the rows are appended without a merge.
   */
  writeBatch(papers: StoredPaperWithVector[], stamp: EmbedderStamp, supersededIds?: string[], options?: { allNew?: boolean }): Promise<void>;
  /**
   * After writes: builds or extends every index to cover every row (a vector
   * index rebuilt, with partitions for its size, once the library has
   * outgrown it), merges index segments and small files, and drops old
   * versions.
   */
  finishWrites(): Promise<{ created: string[]; caughtUp: string[] }>;
  /** Replaces the whole library in one write, e.g. to rebuild it with another embedder. */
  replaceAll(papers: StoredPaperWithVector[], stamp: EmbedderStamp): Promise<void>;
  /**
   * Brings every search index up to every row. Rows and indexes are separate
   * commits, so a writer killed in between leaves rows no index covers; this
   * finds and repairs that, and writes nothing when all is covered.
   */
  ensureIndexes(): Promise<{ created: string[]; caughtUp: string[] }>;
  /** Takes the library's single-writer lock; the second writer gets a LIBRARY_BUSY error. Returns the release. */
  lockWrites(): Promise<() => Promise<void>>;
  close(): void;
}
