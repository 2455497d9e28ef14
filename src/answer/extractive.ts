import type { SearchHit } from "../search/search.ts";
import type { PaperOrder } from "../search/question.ts";
import { SETTINGS } from "../search/settings.ts";
import type { PaperFilters, StoredPaper } from "../store/paper-store.ts";
import { describeFilters } from "./not-found.ts";
import { citationOf, type Reply } from "./reply.ts";
import { bestSentences } from "./sentences.ts";

/** How the answer should frame its papers. */
export type Framing = {
  /** The library may only partly cover the question: say so. */
  unsure?: boolean;
  /** Specialised words of the question none of the papers holds (the uncovered part of a two-part question). */
  missing?: string[];
  /** "Papers like X": the X. */
  similarTo?: StoredPaper;
  /** The question was this paper's title: it is listed first, papers like it after. */
  named?: StoredPaper;
  /** No topic, only an order and constraints ("papers from last month"): what the list is. */
  listing?: { order: PaperOrder; filters: PaperFilters };
  /** The papers are in this order, not by relevance ("newest papers on diffusion"). */
  order?: PaperOrder;
  /** The question's dates and upvotes, said beside the topic. */
  filters?: PaperFilters;
  /** "compare X and Y": the two papers, in that order. */
  compared?: [StoredPaper, StoredPaper];
};

const ORDERED: Record<PaperOrder | "relevance", string> = { relevance: "most relevant first", newest: "newest first", oldest: "oldest first", upvotes: "most upvoted first" };
const SUPERLATIVE: Record<PaperOrder, string> = { newest: "newest", oldest: "oldest", upvotes: "most upvoted" };

/** A topic echoed back is cut here: a long question is not worth repeating whole. */
const ECHO_CHARS = 120;

/**
 * The offline answer: one framing sentence, then each paper with the one or
 * two sentences of its abstract that best answer the question, each cited.
 * Everything said about a paper is its own abstract's words.
 */
export function extractiveReply(topic: string, hits: SearchHit[], queryTerms: Map<string, number>, framing: Framing = {}, notes: string[] = []): Reply {
  const citations = hits.map((hit, index) => citationOf(index + 1, hit.paper));
  const items = hits.map((hit, index) => {
    const sentences = bestSentences(hit.paper.abstract, queryTerms, 2);
    // A second sentence only when the pair stays short enough to scan in chat.
    const quote = sentences.join(" ").length > 320 ? sentences[0]! : sentences.join(" ");
    const date = hit.paper.publishedAt ? ` (${hit.paper.publishedAt})` : "";
    return `${index + 1}. **${escapeMarkdown(hit.paper.title)}**${date} [${index + 1}]: ${quote}`;
  });
  // The constraints belong to what was asked: "one paper speaks to sparse attention" reads as all the library has.
  const subject = `**${escapeMarkdown(echo(topic))}**${describeFilters(framing.filters ?? {})}`;
  // An answer lists at most maxPapers: a full list is the best few of perhaps many, not a count of them.
  const lead =
    hits.length === 1 ? `One paper in the library speaks to ${subject}:` : hits.length >= SETTINGS.answer.maxPapers ? `The ${hits.length} papers that best match ${subject}, ${ORDERED[framing.order ?? "relevance"]}:` : `${hits.length} papers in the library speak to ${subject}; ${ORDERED[framing.order ?? "relevance"]}:`;
  let text: string;
  if (framing.compared) text = `Comparing **${escapeMarkdown(framing.compared[0].title)}** [1] and **${escapeMarkdown(framing.compared[1].title)}** [2], each in its own abstract's words:`;
  else if (framing.listing) text = `The ${hits.length === 1 ? "" : `${hits.length} `}${SUPERLATIVE[framing.listing.order]} paper${hits.length === 1 ? "" : "s"} in the library${describeFilters(framing.listing.filters)}:`;
  else if (framing.named) text = `**${escapeMarkdown(framing.named.title)}** is in the library [1]; papers like it follow, most similar first:`;
  else if (framing.similarTo) text = `Papers similar to **${escapeMarkdown(framing.similarTo.title)}**, most similar first:`;
  else if (framing.unsure) text = `I am not sure the library covers ${subject}. The closest papers, which may only partly match:`;
  else text = lead;
  if (!framing.similarTo && !framing.named && !framing.compared && framing.missing && framing.missing.length > 0) text = text.replace(/:$/, ` (none of them mentions ${framing.missing.map((word) => `*${escapeMarkdown(word)}*`).join(" or ")}):`);
  return { text: `${text}\n\n${items.join("\n")}`, citations, found: true, closest: [], notes };
}

/** The topic as the user wrote it, shortened at a word boundary when long. */
export function echo(topic: string): string {
  if (topic.length <= ECHO_CHARS) return topic;
  return `${topic.slice(0, ECHO_CHARS).replace(/\s+\S*$/, "")}…`;
}

/** Titles and abstracts are data: their asterisks and underscores must not turn into formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_`[\]])/g, "\\$1");
}
