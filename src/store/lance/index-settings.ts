/**
 * How the library's indexes are sized, in one place. Figures behind them:
 * README "Scaling" and `npm run bench`.
 */
export const INDEX_SETTINGS = {
  /** Below this many papers an exact vector scan is fast enough (a few ms) and no vector index is built. */
  vectorIndexMinPapers: 5_000,
  /**
   * IVF partitions hold about this many papers each. k-means training costs
   * partitions² × sample rate, so partitions grow with the square root of the
   * table rather than with it; searches probe `nprobes` partitions.
   */
  papersPerPartition: 4_096,
  maxPartitions: 1_024,
  /** Once the table is this many times the rows the vector index was trained on, its partitions no longer fit: train it again. */
  retrainGrowth: 2,
  /** Vector values per product-quantisation sub-vector: 8 or 16 keep LanceDB on its SIMD paths when the dimensions allow. */
  pqValuesPerSubVector: [16, 8, 4, 2] as const,
  /** Versions older than this are removed after a write; readers move to the latest within seconds (readConsistencySeconds). */
  keepVersionsMs: 60_000,
} as const;
