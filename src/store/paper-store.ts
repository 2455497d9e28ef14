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
  /** Every paper, without vectors, newest first. */
  list(): Promise<StoredPaper[]>;
  vectorsOf(ids: string[]): Promise<Map<string, number[]>>;
  /** Inserts or replaces papers by id, and deletes `supersededIds` (papers now stored under another id), in one write. */
  upsert(papers: StoredPaperWithVector[], stamp: EmbedderStamp, supersededIds?: string[]): Promise<void>;
  /** Replaces the whole library in one write, e.g. to rebuild it with another embedder. */
  replaceAll(papers: StoredPaperWithVector[], stamp: EmbedderStamp): Promise<void>;
  close(): void;
}
