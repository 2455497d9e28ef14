/**
 * How the library's indexes are sized, in one place. Figures behind them:
 * README "Scaling" and `npm run bench`.
 */
export const INDEX_SETTINGS = {
  /** Below this many papers an exact vector scan is fast enough (a few ms) and no vector index is built. */
  vectorIndexMinPapers: 5_000,
  /**
   * IVF-HNSW-SQ: the table is split into k-means partitions of about this
   * many papers, each with its own HNSW graph over 8-bit quantised vectors.
   * A graph's build cost grows with its size times a log, so partitions of
   * a fixed size keep the whole build linear in the table, and LanceDB builds
   * partitions on all cores. Measured at 100k (2 cores, shared): IVF-PQ took
   * 109 s for 10k papers (product quantisation of 1,124 dimensions, which
   * only split into 4-value sub-vectors); IVF-flat built in 5-13 s but
   * recalled 0.63-0.98 of the true 10 nearest at 42-295 ms a query (the
   * hashed-word vectors do not cluster); IVF-HNSW-SQ with 8 partitions,
   * efConstruction 100 and m 16 built in 103 s and recalled 0.91 at 8 ms.
   */
  papersPerPartition: 16_384,
  maxPartitions: 1_024,
  /** Neighbours per graph node, and candidates kept while building: LanceDB's defaults (20, 300) cost 2.5x the build time for a few points of recall. */
  hnswM: 16,
  hnswEfConstruction: 100,
  /** Once the table wants this many times the partitions its vector index was trained with, train it again (each retraining doubles the partitions, so their total cost stays about one final build). */
  retrainGrowth: 2,
  /** Versions older than this are removed after a write; readers move to the latest within seconds (readConsistencySeconds). */
  keepVersionsMs: 60_000,
} as const;
