import type { SearchHit } from "../search/search.ts";
import { citationOf, type Reply } from "./reply.ts";
import { bestSentences } from "./sentences.ts";

/** Between these many papers are shown: enough to be useful, few enough to read in chat. */
const MIN_PAPERS = 3;
const MAX_PAPERS = 6;
/** A paper is shown when its fused score is at least this share of the best one's. */
const SCORE_SHARE = 0.5;

/** The papers worth showing from a ranked result. */
export function answerPapers(results: SearchHit[]): SearchHit[] {
  const top = results[0]?.score ?? 0;
  const strong = results.filter((hit) => hit.score >= top * SCORE_SHARE);
  return results.slice(0, Math.min(MAX_PAPERS, Math.max(MIN_PAPERS, strong.length)));
}

/**
 * The offline answer: one framing sentence, then each paper with the one or
 * two sentences of its abstract that best answer the question, each cited.
 * Everything said about a paper is its own abstract's words.
 */
export function extractiveReply(topic: string, hits: SearchHit[], queryTerms: Map<string, number>, notes: string[] = []): Reply {
  const citations = hits.map((hit, index) => citationOf(index + 1, hit.paper));
  const items = hits.map((hit, index) => {
    const sentences = bestSentences(hit.paper.abstract, queryTerms, 2);
    // A second sentence only when the pair stays short enough to scan in chat.
    const quote = sentences.join(" ").length > 320 ? sentences[0]! : sentences.join(" ");
    const date = hit.paper.publishedAt ? ` (${hit.paper.publishedAt})` : "";
    return `${index + 1}. **${escapeMarkdown(hit.paper.title)}**${date} [${index + 1}]: ${quote}`;
  });
  const framing = `${hits.length === 1 ? "One paper" : `${hits.length} papers`} in the library speak to **${escapeMarkdown(topic)}**; most relevant first:`;
  return { text: `${framing}\n\n${items.join("\n")}`, citations, found: true, closest: [], notes };
}

/** Titles and abstracts are data: their asterisks and underscores must not turn into formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_`[\]])/g, "\\$1");
}
