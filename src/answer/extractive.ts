import type { SearchHit, SearchResult, Side } from "../search/search-result.ts";
import type { PaperOrder } from "../search/question.ts";
import type { PaperFilters, StoredPaper } from "../store/paper-store.ts";
import { describeFilters } from "./filter-words.ts";
import { citationOf, type Reply } from "./reply.ts";
import type { SentenceCue } from "../library/library.ts";
import { rankedSentences } from "./sentences.ts";
import { counted } from "./counted.ts";

/** How the answer should frame its papers: what kind of list it is. */
export type Framing =
  /** "compare X and Y": the two papers, in that order. */
  | { kind: "compared"; papers: [StoredPaper, StoredPaper] }
  /** No topic, only an order and constraints ("papers from last month"). */
  | { kind: "listing"; order: PaperOrder; filters: PaperFilters; of?: number; undated?: number }
  /** The question was this paper's title: it is listed first, papers like it after. */
  | { kind: "named"; paper: StoredPaper; loosely?: string; quoted?: true }
  /** "Papers like X". */
  | { kind: "similar"; paper: StoredPaper; setting?: string; filters?: PaperFilters }
  /** "papers that outperform FlashAttention-2": the papers writing the name; `own`, its own paper, listed after them. */
  | { kind: "baseline"; name: string; own?: StoredPaper }
  /** "X vs Y" with no paper on both, or two requests in one message (`apart`): the papers on each side, said beside each. */
  | { kind: "sides"; sides: [Side, Side]; meet?: true; apart?: true }
  /**
   * Papers on a topic: `unsure`, the library may only partly cover it; `missing`, the part none of the papers
   * holds; `filters`, the question's dates and upvotes, said beside the topic; `order`, when not by relevance.
   */
  | { kind: "topic"; unsure?: boolean; missing?: string[]; unknown?: string[]; filters?: PaperFilters; order?: PaperOrder; undated?: number };

/**
 * Whether an answer may cover the question only in part: the verdict is unsure, or the papers cited all leave out a
 * part of it: the setting asked for ("KV cache compression for diffusion language models", answered from KV cache
 * papers alone), or a phrase ("time series anomaly detection" from anomaly detection papers that never write "time series").
 */
export function coversInPart(result: SearchResult): boolean {
  const { verdict } = result;
  return verdict.decision === "unsure" || (verdict.decision === "yes" && verdict.missing.length > 0);
}

/** The framing a search result calls for. */
export function framingOf(result: SearchResult): Framing {
  const { query, verdict } = result;
  if (result.compared) return { kind: "compared", papers: result.compared };
  if (query.listing) return { kind: "listing", order: query.listing, filters: query.filters, ...(result.listed !== undefined && { of: result.listed }), ...(result.undatedLeftOut && { undated: result.undatedLeftOut }) };
  if (result.named) return { kind: "named", paper: result.named, ...(result.namedLoosely && { loosely: result.namedLoosely }), ...(result.quoted && { quoted: true as const }) };
  if (result.example) return { kind: "similar", paper: result.example, filters: query.filters, ...(result.query.likeIn && { setting: result.query.likeIn.text }) };
  if (result.baseline) return { kind: "baseline", ...result.baseline };
  if (result.sides) return { kind: "sides", sides: result.sides, ...(result.sidesMeet && { meet: true as const }), ...(result.sidesApart && { apart: true as const }) };
  return { kind: "topic", unsure: coversInPart(result), missing: verdict.missing, unknown: verdict.unknown, filters: query.filters, ...(query.order && { order: query.order }), ...(result.undatedLeftOut && { undated: result.undatedLeftOut }) };
}

const ORDERED: Record<PaperOrder | "relevance", string> = { relevance: "most relevant first", newest: "newest first", oldest: "oldest first", upvotes: "most upvoted first" };
const SUPERLATIVE: Record<PaperOrder, string> = { newest: "newest", oldest: "oldest", upvotes: "most upvoted" };

/** A topic echoed back is cut here: a long question is not worth repeating whole. */
const ECHO_CHARS = 120;
/** A topic of more words than this is a story, not a topic to say back. */
const STORY_WORDS = 20;

/**
 * The offline answer: one framing sentence, then each paper with the one or
 * two sentences of its abstract that best answer the question, each cited.
 * Everything said about a paper is its own abstract's words.
 */
export function extractiveReply(topic: string, hits: SearchHit[], cue: SentenceCue, framing: Framing = { kind: "topic" }, notes: string[] = []): Reply {
  const citations = hits.map((hit, index) => citationOf(index + 1, hit.paper));
  const items = hits.map((hit, index) => {
    const [best, next] = rankedSentences(hit.paper, cue);
    // A second sentence only when the pair stays short enough to scan in chat; else the better one, which need not come first.
    const pair = next ? [best!, next].sort((a, b) => a.index - b.index).map((entry) => entry.sentence).join(" ") : (best?.sentence ?? "");
    const quote = pair.length > 320 ? best!.sentence : pair;
    // Ranked by upvotes, the counts are what the asker checks the order against.
    const byUpvotes = (framing.kind === "listing" || framing.kind === "topic") && framing.order === "upvotes";
    // Ordered by date, an undated paper says so: placed last, it would otherwise read as the oldest.
    const byDate = (framing.kind === "listing" || framing.kind === "topic") && framing.order !== undefined && framing.order !== "upvotes";
    const facts = [hit.paper.publishedAt ?? (byDate ? "no date" : undefined), byUpvotes ? counted(hit.paper.upvotes ?? 0, "upvote") : undefined].filter(Boolean);
    const date = facts.length > 0 ? ` (${facts.join(", ")})` : "";
    const side = framing.kind === "sides" ? framing.sides.find((entry) => entry.ids.includes(hit.paper.id)) : undefined;
    // Beside each paper, which side it is on; two requests of which one found nothing need no such word.
    const on = side && framing.kind === "sides" && framing.sides.every((entry) => entry.ids.length > 0) ? `, on *${escapeMarkdown(side.topic)}*` : "";
    return `${index + 1}. **${escapeMarkdown(hit.paper.title)}**${date}${on} [${index + 1}]: ${quote}`;
  });
  const undated = hits.every((hit) => !hit.paper.publishedAt);
  return { text: `${lead(topic, hits.length, framing, undated)}\n\n${items.join("\n")}`, citations, found: true, closest: [], notes };
}

/**
 * Papers on the topic an answer in date order leaves out for want of a date: after "the newest paper on X" (`one`),
 * " with a date (4 more papers on it have none)"; after a list, " (4 more on it have no date and are left out)".
 */
function undatedSaid(undated: number | undefined, one: boolean): string {
  if (!undated) return "";
  const [has, is] = undated === 1 ? ["has", "is"] : ["have", "are"];
  return one ? ` with a date (${counted(undated, "more paper")} on it ${has} none)` : ` (${undated} more on it ${has} no date and ${is} left out)`;
}

/** The answer's first line: what the list below it is. `undated`: the library dates none of the papers listed. */
function lead(topic: string, count: number, framing: Framing, undated: boolean): string {
  switch (framing.kind) {
    case "compared":
      return `Comparing **${escapeMarkdown(framing.papers[0].title)}** [1] and **${escapeMarkdown(framing.papers[1].title)}** [2], each in its own abstract's words:`;
    case "listing":
      // "papers from October 2024" with six and five shown: the five are said to be of six, not all there is.
      if (framing.of !== undefined && framing.of > count) return `The ${count === 1 ? "" : `${count} `}${SUPERLATIVE[framing.order]} of the ${framing.of} papers in the library${describeFilters(framing.filters)}:`;
      // All there is within the dates ("papers from 2019": two) are not "the 2 newest", as if of more.
      // (One paper has no order: "The one paper …, most upvoted first" read oddly.)
      if (framing.of === count && Object.keys(framing.filters).length > 0) return count === 1 ? `The only paper in the library${describeFilters(framing.filters)}:` : `The ${count} papers in the library${describeFilters(framing.filters)}, ${ORDERED[framing.order]}:`;
      // "The oldest paper in the library" is of the dated ones: papers without a date may be older.
      if (framing.undated) return `The ${count === 1 ? "" : `${count} `}${SUPERLATIVE[framing.order]} paper${count === 1 ? "" : "s"} in the library with a date (${framing.undated} have none, so they have no place in this order):`;
      return `The ${count === 1 ? "" : `${count} `}${SUPERLATIVE[framing.order]} paper${count === 1 ? "" : "s"} in the library${describeFilters(framing.filters)}:`;
    case "named":
      // Found by words its title holds further on: the paper with them in its title, perhaps not the one meant.
      if (framing.quoted) return `Your text is from **${escapeMarkdown(framing.paper.title)}** [1]; papers like it come after it, most similar first:`;
      if (framing.loosely) return `The paper in the library with *${escapeMarkdown(framing.loosely)}* in its title is **${escapeMarkdown(framing.paper.title)}** [1]; papers like it come after it, most similar first:`;
      return `**${escapeMarkdown(framing.paper.title)}** is in the library [1]; papers like it come after it, most similar first:`;
    case "similar":
      // "anything newer?" after a paper: the dates are part of what was asked ("published 2024-01-18 or later").
      return `Papers similar to **${escapeMarkdown(framing.paper.title)}**${framing.setting ? ` for **${escapeMarkdown(framing.setting)}**` : ""}${describeFilters(framing.filters ?? {})}, most similar first:`;
    case "baseline": {
      // What a paper says of the name is quoted: the asker sees whether it is compared against or built on.
      const besides = framing.own ? `, besides its own paper (listed after ${count === 1 ? "it" : "them"})` : "";
      const name = `**${escapeMarkdown(framing.name)}**`;
      return count === 1 ? `The paper that mentions ${name}${besides}:` : `The ${count} papers that mention ${name}${besides}, most relevant first:`;
    }
    case "sides": {
      const both = wordsOr(framing.sides.map((side) => side.topic)).replace(" or ", " and ");
      if (framing.apart) {
        // Two requests: the one nothing covers is said to be so, not left out without a word.
        const [uncovered] = framing.sides.filter((side) => side.ids.length === 0);
        const covered = framing.sides.find((side) => side.ids.length > 0)!;
        return uncovered
          ? `Nothing in the library covers ${topicSaid(uncovered.topic)}. The papers that best match ${topicSaid(covered.topic)}:`
          : `The papers that best match each of ${framing.sides.map((side) => topicSaid(side.topic)).join(" and ")}:`;
      }
      return framing.meet ? `The papers that best match each of ${both}:` : `No paper in the library covers both ${both}; the papers that best match each:`;
    }
  }
  // The constraints belong to what was asked: "the papers that best match sparse attention from 2024", not of all time.
  const subject = `${topicSaid(topic)}${describeFilters(framing.filters ?? {})}`;
  // Asked in date order with no date for any of them: said so, not "the oldest" of papers the library cannot date.
  if (undated && (framing.order === "newest" || framing.order === "oldest")) {
    return count === 1
      ? `The library has no date for the paper that best matches ${subject}, so whether it is the ${framing.order} cannot be told:`
      : `The library has no date for any of the ${count} papers that best match ${subject}, so they cannot be put in date order; most relevant first:`;
  }
  const order = ORDERED[framing.order ?? "relevance"];
  // The list is the papers judged to match best, not a count of all the library has on it: "3 papers in
  // the library speak to X" was read as "only 3", and a paper worded differently may still be missed.
  const text = framing.unsure
    ? count === 1
      ? `This paper comes closest to ${subject}, though it may cover it only in part:`
      : `These papers come closest to ${subject}, though they may cover it only in part:`
    : count === 1
      ? framing.order ? `The ${SUPERLATIVE[framing.order]} paper on ${subject}${undatedSaid(framing.undated, true)}:` : `The paper that best matches ${subject}:`
      : `The ${count} papers that best match ${subject}, ${order}${undatedSaid(framing.undated, false)}:`;
  // A word no paper in the library uses says more than what the cited ones leave out ("federated learning across hospitals").
  // Not in a sure answer to a story, where it is the asker's telling ("… when I crank up the batch size"), not a part left out.
  const told = !framing.unsure && topicSaid(topic) === YOUR_QUESTION;
  const unknown = told ? [] : (framing.unknown ?? []);
  if (unknown.length > 0) return text.replace(/:$/, ` (no paper in the library mentions ${wordsOr(unknown)}):`);
  const missing = framing.missing ?? [];
  const which = count === 1 ? "it does not mention" : "none of them mentions";
  return missing.length > 0 ? text.replace(/:$/, ` (${which} ${wordsOr(missing)}):`) : text;
}

/** Words of the question said back in italics, as alternatives: "*federated* or *hospitals*". */
export function wordsOr(words: string[]): string {
  return words.map((word) => `*${escapeMarkdown(word)}*`).join(" or ");
}

const YOUR_QUESTION = "your question";

/**
 * What a topic left as a clause ("large companies build their recommendation models", "they train nets without
 * backprop", "graph neural network that aren't about molecules") holds: a subject or possessive pronoun, or a
 * verb of saying what is or is not, "ever" ("chain of thought ever hurt performance", from "does …?") or "talk about".
 * Said back whole after "best match", such a clause reads as garbled.
 */
const CLAUSE = /\b(?:they|them|their|you|your|are|aren't|isn't|don't|doesn't|can't|won't|can|could|should|would)\b|\bever\b(?!-)|\b(?:talks?|says?)\s+about\b/i;
/** A topic led by a verb of doing ("shrink the memory a chatbot keeps", "try to figure out what …"), left from "how do people …?". */
const HOW_TO = /^(?:people|someone|somebody|anyone|make|get|build|shrink|try|figure|find|use|train|run|keep|stop|reduce|improve|speed|tell|teach|turn|avoid|fix|handle|choose|pick|help|let|cut|save|spend|write|design|explain|deal)\b/i;

/**
 * The topic as said back in bold, or "your question" when it is several
 * sentences, a long story ("Our model takes 10 s per picture. What tricks
 * …") or told in the first person ("i'm tired of grid search - anything on
 * …"): said back whole, that reads as a garbled title.
 */
export function topicSaid(topic: string): string {
  // A clause left from a question ("GPUs was DeepSeek-V3 trained on", once "which" is gone) reads as garbled echoed back.
  const clause = /\s(?:was|were|did|does|do|has|have|had)\s/i.test(topic) || CLAUSE.test(topic) || HOW_TO.test(topic);
  const story = clause || /[.?!;]\s+\S/.test(topic) || topic.split(/\s+/).length > STORY_WORDS || /\b(?:i|i'm|i've|my|we|we're|we've|our)\b/i.test(topic);
  return story ? YOUR_QUESTION : `**${escapeMarkdown(echo(topic))}**`;
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
