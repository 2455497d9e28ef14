import type { SearchHit } from "../search/search.ts";
import { citationOf, type Reply } from "./reply.ts";
import { bestSentences } from "./sentences.ts";

/**
 * How many papers an answer shows. When the question used the papers' own
 * words the ranking is sharp and five suffice; when it was phrased in other
 * words the ranking is fuzzier, so the answer casts wider (eight). Chosen on
 * `npm run eval`.
 */
const SHARP_PAPERS = 5;
const FUZZY_PAPERS = 8;
const SHARP_MATCH = 0.9;

/** The papers worth showing from a ranked result. */
export function answerPapers(results: SearchHit[], lexicalMatch: number): SearchHit[] {
  return results.slice(0, lexicalMatch >= SHARP_MATCH ? SHARP_PAPERS : FUZZY_PAPERS);
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
