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

export type StoredPaperWithVector = StoredPaper & { vector: number[] };

/** Constraints applied inside a search, not after it. Dates are inclusive ISO dates. */
export type PaperFilters = { from?: string; to?: string; minUpvotes?: number };

/** A search hit: the paper's id and how well it scored (higher is better). */
export type ScoredId = { id: string; score: number };

/** Which embedder built the vectors in a library. */
export type EmbedderStamp = { embedder: string; dims: number };

/**
 * The paper library. Writes are all-or-nothing: `upsert` either stores every
 * row it was given or none of them.
 */
export interface PaperStore {
  /** The embedder the library was built with; undefined while it is empty. */
  builtWith(): Promise<EmbedderStamp | undefined>;
  count(): Promise<number>;
  /** Changes whenever the library does, so derived indexes know when to rebuild. */
  version(): Promise<number>;
  /** Every paper, without vectors, newest first. */
  list(): Promise<StoredPaper[]>;
  vectorsOf(ids: string[]): Promise<Map<string, number[]>>;
  /** BM25 full-text search, title weighted above abstract; best first. */
  textSearch(text: string, limit: number, filters?: PaperFilters): Promise<ScoredId[]>;
  /** Nearest papers by cosine similarity (score = similarity); best first. */
  vectorSearch(vector: number[], limit: number, filters?: PaperFilters): Promise<ScoredId[]>;
  /** How many papers pass the filters, and the date range they span. */
  coverage(filters?: PaperFilters): Promise<{ papers: number; earliest?: string; latest?: string }>;
  /** Inserts or replaces papers by id, and deletes `supersededIds` (papers now stored under another id), in one write. */
  upsert(papers: StoredPaperWithVector[], stamp: EmbedderStamp, supersededIds?: string[]): Promise<void>;
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
