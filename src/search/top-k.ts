import type { Ranked } from "./fusion.ts";

/**
 * The `k` best positive scores, best first, ties by position (as a stable
 * sort of every score would order them). A bounded heap keeps this linear in
 * the library's size: sorting every paper that shares a common word with the
 * question was most of a search's time at 100k papers.
 */
export function topK(scores: Float64Array, k: number, allowed?: (doc: number) => boolean): Ranked[] {
  const heapDocs = new Int32Array(k);
  const heapScores = new Float64Array(k);
  let size = 0;
  // The heap's root is its worst entry: lower score, or on a tie the later position.
  const worse = (a: number, b: number) => heapScores[a]! < heapScores[b]! || (heapScores[a] === heapScores[b] && heapDocs[a]! > heapDocs[b]!);
  const swap = (a: number, b: number) => {
    const doc = heapDocs[a]!;
    heapDocs[a] = heapDocs[b]!;
    heapDocs[b] = doc;
    const score = heapScores[a]!;
    heapScores[a] = heapScores[b]!;
    heapScores[b] = score;
  };
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < size && worse(left, worst)) worst = left;
      if (right < size && worse(right, worst)) worst = right;
      if (worst === at) return;
      swap(at, worst);
      at = worst;
    }
  };
  for (let doc = 0; doc < scores.length; doc++) {
    const score = scores[doc]!;
    if (!(score > 0) || (size === k && score <= heapScores[0]!)) continue;
    if (allowed && !allowed(doc)) continue;
    if (size < k) {
      heapDocs[size] = doc;
      heapScores[size] = score;
      for (let at = size++; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!worse(at, parent)) break;
        swap(at, parent);
        at = parent;
      }
    } else {
      heapDocs[0] = doc;
      heapScores[0] = score;
      siftDown(0);
    }
  }
  const ranked: Ranked[] = [];
  for (let i = 0; i < size; i++) ranked.push({ doc: heapDocs[i]!, score: heapScores[i]! });
  return ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
}
