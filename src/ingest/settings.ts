/** Ingest's tuning constants, in one place. */
export const INGEST_SETTINGS = {
  /**
   * Papers parsed, compared, embedded and written together: one keyed
   * lookup and one commit each. Memory holds one batch (about 10 KB a paper
   * with its vector), so 10,000 keeps a run near 200 MB whatever its size,
   * while commits stay few enough not to show in the wall time.
   */
  batchPapers: 10_000,
  /** Texts per embedder call: progress moves within a batch, and remote embedders get requests of a sensible size. */
  embedChunk: 64,
  /**
   * Papers to embed in one batch from which a worker thread embeds beside
   * the ingest's own (see embed-helper.ts): starting one takes a few hundred
   * milliseconds, which a few thousand papers repay.
   */
  helpedFrom: 2_000,
} as const;
