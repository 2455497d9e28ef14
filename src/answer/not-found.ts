import { allWriteName } from "../papers/text.ts";
import { asWritten } from "../search/as-written.ts";
import type { SearchHit } from "../search/search-result.ts";
import type { PaperFilters } from "../store/paper-store.ts";
import { echo, escapeMarkdown, topicSaid, wordsOr } from "./extractive.ts";
import { datesSaid, describeFilters } from "./filter-words.ts";
import { citationOf, type Citation, type Reply } from "./reply.ts";
import { counted } from "./counted.ts";

const CLOSEST = 3;

export type Coverage = { papers: number; earliest?: string; latest?: string; undated?: number };

/** A topic that is only a venue, "from NeurIPS 2023", "at ICLR": conferences, by their usual short names. */
const VENUE = /^(?:(?:from|at|in|accepted (?:at|to)|published (?:at|in))\s+)?((?:neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|aaai|ijcai|kdd|sigir|colm|coling|wacv|interspeech|icassp)(?:\s*'?\d{2}(?:\d{2})?)?)(?:\s+papers?)?$/i;

/** " (publication dates A to B; N undated)": undated papers are said apart, or the range reads as dating them all. */
export function datesSearched(coverage: Coverage): string {
  if (!coverage.earliest || !coverage.latest) return "";
  return ` (publication dates ${coverage.earliest} to ${coverage.latest}${coverage.undated ? `; ${coverage.undated} undated` : ""})`;
}

export type NotFoundOptions = {
  /** Words of the topic no paper uses. */
  unknown?: string[];
  /** The whole library's dates, said when only dates were asked. */
  library?: Coverage;
  /** Refused near the line: said as not clearly covered (SETTINGS.relevance.nearAbove). */
  near?: boolean;
  /** The topic is a name no paper has as its title (said before this reply): its closest are the nearest titles. */
  untitled?: boolean;
};

/** What a numbered list of closest papers says it is for: a thread's "2" opens the second (a one-off reply drops it). */
export const OPEN_BY_NUMBER = " (reply with a number to open one)";

/**
 * An honest "no": the topic, what was searched (how many papers, which
 * dates), and up to three closest papers, clearly marked as not a match.
 */
export function notFoundReply(topic: string, filters: PaperFilters, coverage: Coverage, nearest: SearchHit[], { unknown = [], library, near = false, untitled = false }: NotFoundOptions = {}): Reply {
  const closest = nearest.slice(0, CLOSEST).map((hit, index) => citationOf(index + 1, hit.paper));
  const range = datesSearched(coverage);
  const constraint = describeFilters(filters);
  // One parenthesis, not two side by side: "(published 2024-01-01 to 2024-12-31; publication dates 2024-01-03 to …)".
  const both = constraint.endsWith(")") && range.startsWith(" (") ? `${constraint.slice(0, -1)}; ${range.slice(2)}` : `${constraint}${range}`;
  const searched = `I searched ${counted(coverage.papers, "paper")}${both}.`;
  // A question with no topic ("papers from 1990") had only its constraints to match.
  // Naming a word no paper uses ("federated") says why, and what to try instead.
  // (As the question wrote them, "OCR" not "ocr", but for a capital that only starts it: "Federated learning …" mentions no "Federated".)
  const said = (word: string) => {
    const written = asWritten(word, topic);
    return topic.startsWith(written) && written.slice(1) === word.slice(1) ? word : written;
  };
  const why = unknown.length > 0 ? `; no paper in it mentions ${wordsOr(unknown.map(said))}` : "";
  // With only dates asked ("papers from last month"), the dates the library does hold say what to ask instead.
  const held = library?.latest ? ` Its papers were published ${library.earliest} to ${library.latest}${library.undated ? ` (${library.undated} undated)` : ""}: ask for "the newest papers" to see the latest.` : "";
  const refused = (text: string): Reply => ({ text, citations: [], found: false, closest: [], notes: [] });
  const listing = (lines: string[]): Reply => ({ text: [...lines, ...closestLines(closest)].join("\n"), citations: [], found: false, closest, notes: [] });
  // "Mamba", which no paper is about but several compare against: saying nothing covers it would hide them.
  if (closest.length > 0 && allWriteName(topic, nearest.slice(0, CLOSEST).map((hit) => hit.paper))) {
    return listing([`No paper in the library is about ${topicSaid(topic)}, but ${closest.length === 1 ? "this one mentions it" : "these mention it"}${OPEN_BY_NUMBER}:`, ""]);
  }
  // "do we have MCUNet?": the reply has said no paper is titled so; what follows are the titles nearest the name, not a
  // topic nothing covers ("no paper mentions mcunet" over MCUNetV2).
  if (untitled && closest.length > 0) return listing([`The closest papers in the library${OPEN_BY_NUMBER}:`, ""]);
  // "papers by Tri Dao": a person, whom no search of titles and abstracts finds (an organization a page names is looked up before).
  const author = /^(?:written |authored |published )?by\s+(\S.*)$/i.exec(topic.trim());
  if (author) return refused(`I cannot search the library by author, so I cannot list papers by **${escapeMarkdown(author[1]!)}**. Ask about their topic instead, or for a paper by its title.`);
  // "papers from neurips 2023": where a paper appeared is not recorded, which a search of its words cannot make up for.
  const venue = VENUE.exec(topic.trim());
  if (venue) return refused(`The library does not record where its papers were published, so I cannot list papers from **${escapeMarkdown(venue[1]!)}**. Ask about their topic instead, or for papers from a year ("papers from 2023").`);
  // "anything from meta ai": a lab no paper is recorded as from, which a search of titles and abstracts cannot find.
  const lab = /^from\s+(?:the\s+)?(\S.*)$/i.exec(topic.trim());
  if (lab) return refused(`No paper in the library is recorded as from **${escapeMarkdown(lab[1]!)}**, and I cannot tell a paper's lab from its title and abstract. Ask about their topic instead, or for a paper by its title.`);
  // Near the line (`near`), said as not clearly covered: most answerable questions refused lie there.
  const none = near ? `I found nothing in the library that clearly covers ${topicSaid(topic)}` : `Nothing in the library covers ${topicSaid(topic)}`;
  // (A topic cut short with "…" takes no full stop after it.)
  const lines = [topic.trim() ? `${none}${why}. ${searched}`.replace(/…(\**)\./, "…$1") : `No paper in the library ${fitsNone(filters)}.${held}`];
  // Numbered, as the thread's list: "2" then opens the second.
  if (closest.length > 0) lines.push("", `The closest papers, ${near ? "none a clear match" : "which did not look like a match"}${OPEN_BY_NUMBER}:`);
  return listing(lines);
}

/** The closest papers, numbered, linked and dated. */
function closestLines(closest: Citation[]): string[] {
  return closest.map((paper, index) => `${index + 1}. [${escapeMarkdown(paper.title)}](${paper.url})${paper.publishedAt ? ` (${paper.publishedAt})` : ""}`);
}

/**
 * The topic is covered, just not within the question's dates or upvotes:
 * say that, and show the newest papers on it instead of "nothing covers it".
 */
export function outsideFiltersReply(topic: string, filters: PaperFilters, onTopic: SearchHit[]): Reply {
  const newest = [...onTopic].sort((a, b) => (b.paper.publishedAt ?? "").localeCompare(a.paper.publishedAt ?? "")).slice(0, CLOSEST);
  const closest = newest.map((hit, index) => citationOf(index + 1, hit.paper));
  const lines = [`Nothing on **${escapeMarkdown(echo(topic))}** matches${describeFilters(filters)}. The papers on it in the library, newest first:`, ""];
  lines.push(...closest.map((paper, index) => `${index + 1}. [${escapeMarkdown(paper.title)}](${paper.url})${paper.publishedAt ? ` (${paper.publishedAt})` : " (no date)"}`));
  // A date filter cannot place a paper the library has no date for: it may well be within the dates asked.
  // (Those listed are the newest; the undated ones come last and may be cut, so they are counted, not only shown.)
  const undated = onTopic.filter((hit) => !hit.paper.publishedAt).length;
  if ((filters.from || filters.to) && undated > 0) lines.push("", `${undated === 1 ? "1 paper on it has" : `${undated} papers on it have`} no date, so ${undated === 1 ? "it" : "they"} may be from those dates too: ${undated === 1 ? "its" : "their"} source gave none. Ask without the dates to see ${undated === 1 ? "it" : "them"}.`);
  return { text: lines.join("\n"), citations: [], found: false, closest, notes: [] };
}

/** "was published 2024-01-01 to 2024-12-31 and has at least 5 upvotes": what no paper does, as a clause. */
function fitsNone(filters: PaperFilters): string {
  const dates = datesSaid(filters);
  const parts = [dates && `was ${dates}`, filters.minUpvotes !== undefined && `has at least ${filters.minUpvotes} upvotes`].filter(Boolean);
  return parts.length > 0 ? parts.join(" and ") : "matches that";
}
