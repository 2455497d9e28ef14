/**
 * Reciprocal rank fusion: each ranked list votes 1/(k + rank) for its items,
 * scaled by the list's weight. Rank-based, so BM25 scores and cosine
 * distances need no common scale.
 */
export function reciprocalRankFusion(lists: { ids: string[]; weight: number }[], k = 60): Map<string, number> {
  const scores = new Map<string, number>();
  for (const { ids, weight } of lists) {
    ids.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + weight / (k + rank + 1)));
  }
  return scores;
}
