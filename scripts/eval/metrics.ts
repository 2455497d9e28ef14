/** nDCG@k with exponential gains (2^grade - 1) over the labelled grades. */
export function ndcg(ranked: string[], grades: Map<string, number>, k = 10): number {
  const gain = (grade: number) => 2 ** grade - 1;
  const dcg = ranked.slice(0, k).reduce((sum, id, index) => sum + gain(grades.get(id) ?? 0) / Math.log2(index + 2), 0);
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((sum, grade, index) => sum + gain(grade) / Math.log2(index + 2), 0);
  return idcg === 0 ? 0 : dcg / idcg;
}

/** Share of the squarely relevant papers (grade 2) in the top k, out of at most k. */
export function recall(ranked: string[], grades: Map<string, number>, k = 10): number {
  const squarely = [...grades].filter(([, grade]) => grade === 2).map(([id]) => id);
  if (squarely.length === 0) return 0;
  const found = ranked.slice(0, k).filter((id) => squarely.includes(id)).length;
  return found / Math.min(k, squarely.length);
}

/** Reciprocal rank of the first squarely relevant paper in the top k. */
export function reciprocalRank(ranked: string[], grades: Map<string, number>, k = 10): number {
  const index = ranked.slice(0, k).findIndex((id) => grades.get(id) === 2);
  return index === -1 ? 0 : 1 / (index + 1);
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
