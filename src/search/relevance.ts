import { contentTerms } from "../embed/tokens.ts";
import type { StoredPaper } from "../store/paper-store.ts";

/**
 * Share of the topic's content words that the best papers contain. A topic
 * the library covers has its key words in some paper; an absent topic only
 * brushes against a few.
 */
export function topicCoverage(topic: string, papers: StoredPaper[]): number {
  const wanted = [...new Set(contentTerms(topic))];
  if (wanted.length === 0) return 0;
  let best = 0;
  for (const paper of papers) {
    const present = new Set(contentTerms(`${paper.title} ${paper.abstract}`));
    best = Math.max(best, wanted.filter((term) => present.has(term)).length / wanted.length);
  }
  return best;
}

export const RELEVANCE_THRESHOLD = 0.6;

export function judgeRelevance(topic: string, results: { paper: StoredPaper }[]): boolean {
  return results.length > 0 && topicCoverage(topic, results.slice(0, 3).map((hit) => hit.paper)) >= RELEVANCE_THRESHOLD;
}
