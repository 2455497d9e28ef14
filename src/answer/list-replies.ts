import { keptSaid } from "./filter-words.ts";
import type { PaperFilters, StoredPaper } from "../store/paper-store.ts";
import { escapeMarkdown } from "./extractive.ts";
import { citationOf, type Reply } from "./reply.ts";
import type { SentenceCue } from "../library/library.ts";
import { bestSentences } from "./sentences.ts";
import { counted } from "./counted.ts";

/**
 * The replies to follow-ups about a thread's numbered list: one paper's
 * details, the list reordered, filtered or shown again, its next page (what
 * needs no papers is in thread-replies.ts). Offline text only: everything
 * said about a paper is its own metadata or abstract.
 */

export function textReply(text: string): Reply {
  return { text, citations: [], found: false, closest: [], notes: [] };
}

/** "is there code?": the links each paper's abstract gives, or that it gives none, before the rest of the reply. */
export function withCodeLinks(reply: Reply, question: string, papers: StoredPaper[]): Reply {
  if (!asksForCode(question)) return reply;
  if (papers.length > 1) return codeListReply(papers);
  const lines = papers.map((paper, index) => {
    const links = codeLinks(paper);
    const which = papers.length === 1 ? "Its" : `[${index + 1}]`;
    return links.length > 0 ? `${which} code: ${links.join(", ")}` : `${papers.length === 1 ? "Its abstract gives" : `[${index + 1}]'s abstract gives`} no code link.`;
  });
  return { ...reply, text: `${lines.join("\n")}\n\n${reply.text}` };
}

/** "is there code?", "which ones have code on github?". */
export function asksForCode(question: string): boolean {
  return /\b(?:code|github|repo|repository|implementation|open[- ]sourced?|source)\b/i.test(question);
}

/** "which ones have code?" of a list: the papers whose abstracts give a link, numbered as listed, or that none does. */
function codeListReply(papers: StoredPaper[]): Reply {
  const linked = papers.map((paper, i) => ({ paper, n: i + 1, links: codeLinks(paper) })).filter((entry) => entry.links.length > 0);
  if (linked.length === 0) return textReply(`None of the ${papers.length} papers listed gives a code link in its abstract.`);
  const head = linked.length === papers.length ? `Each of the ${papers.length} papers listed gives a link in its abstract:` : `${linked.length === 1 ? "One" : linked.length} of the ${papers.length} papers listed ${linked.length === 1 ? "gives a link in its abstract" : "give links in their abstracts"}; the others give none:`;
  const lines = linked.map(({ paper, n, links }) => `${n}. **${escapeMarkdown(paper.title)}** [${n}]: ${links.join(", ")}`);
  return { text: `${head}\n\n${lines.join("\n")}`, citations: linked.map(({ paper, n }) => citationOf(n, paper)), found: true, closest: [], notes: [] };
}

/** The links a paper's abstract gives (code, project pages), each once. */
export function codeLinks(paper: StoredPaper): string[] {
  return [...new Set(paper.abstract.match(/https?:\/\/[^\s)\]}>,;]+[^\s)\]}>,;.]/g) ?? [])];
}

/** "back to the first list": that list again, numbered as it was. */
export function backReply(turn: { question: string; topic: string; papers: StoredPaper[] }): Reply {
  const lines = turn.papers.map((paper, index) => `${index + 1}. **${escapeMarkdown(paper.title)}** [${index + 1}]${meta(paper)}`);
  // The list's topic, not the last message said in it ("compare 2 and 7").
  return { text: `Back to *${escapeMarkdown(turn.topic || turn.question)}*:\n\n${lines.join("\n")}`, citations: turn.papers.map((paper, index) => citationOf(index + 1, paper)), found: true, closest: [], notes: [] };
}

/** Said with "compare them", "which is better?": the abstracts report each paper's own results, not a ranking. */
export const NO_VERDICT = "Each paper's abstract reports its own results, not a comparison with the others, so here is what each says rather than a verdict.";

/** Said with papers like one when citing work was asked for. */
export const NO_CITATIONS = "The library does not record citations, so these are the papers most like it instead.";

/** "compare them" over a long list takes its first few: says so, and how to pick others. */
export function withFirstFewNote(reply: Reply, taken: number, of: number | undefined): Reply {
  if (!of || of <= taken) return reply;
  return { ...reply, notes: [...reply.notes, `These are the first ${taken} of the ${of} papers listed; name others by number ("compare 2 and ${of}") to see them.`] };
}

export function detailReply(paper: StoredPaper, cue?: SentenceCue): Reply {
  return detailsReply([paper], cue);
}

/**
 * Each paper's gist from its own abstract, one paragraph each ("compare 1 and 3" offline: the reader compares);
 * `cue`, what was asked of them ("what are its results?"), picks the sentences that answer it.
 */
export function detailsReply(papers: StoredPaper[], cue: SentenceCue = { terms: new Map() }): Reply {
  // Something asked of them ("how much faster is it?") is answered by its best two sentences, not lost among the gist's four.
  const asked = cue.terms.size > 0;
  const sentences = asked ? 2 : papers.length === 1 ? 4 : 3;
  const paragraphs = papers.map((paper, index) => {
    const by = paper.authors?.join(", ") ?? paper.organization ?? (paper.authorCount ? counted(paper.authorCount, "author") : undefined);
    const details = [paper.publishedAt && `published ${paper.publishedAt}`, paper.upvotes > 0 && counted(paper.upvotes, "upvote"), by].filter(Boolean).join(", ");
    return `**${escapeMarkdown(paper.title)}** [${index + 1}]${details ? ` (${details})` : ""}: ${bestSentences(paper, cue, sentences).join(" ")}`;
  });
  return { text: paragraphs.join("\n\n"), citations: papers.map((paper, index) => citationOf(index + 1, paper)), found: true, closest: [], notes: [] };
}

/**
 * The list reordered: newest, oldest or most upvoted first. Papers with no
 * date stay in the list, last, so it keeps every paper and "more" goes on
 * from its end.
 */
export function orderedReply(by: "newest" | "oldest" | "upvotes", papers: StoredPaper[]): Reply {
  const key = (paper: StoredPaper) => (by === "upvotes" ? String(paper.upvotes).padStart(6, "0") : paper.publishedAt ?? "");
  // A listing without upvote counts gives every paper 0: nothing to order by.
  if (by === "upvotes" && papers.every((paper) => paper.upvotes === 0)) return textReply("None of those papers has upvotes in the library, so I cannot tell which is most popular. The library records no citation counts.");
  const dated = by === "upvotes" ? papers : papers.filter((paper) => paper.publishedAt);
  if (dated.length === 0) return textReply(`None of those papers shows a publication date in the library, so I cannot tell which is ${by}.`);
  const sorted = [...dated].sort((a, b) => key(a).localeCompare(key(b)));
  if (by !== "oldest") sorted.reverse();
  const undated = papers.filter((paper) => !sorted.includes(paper));
  const listed = [...sorted, ...undated];
  // No upvotes is none recorded (a paper from a source without them), said as elsewhere, not as a count of 0.
  const describe = (paper: StoredPaper) => (by === "upvotes" ? (paper.upvotes > 0 ? counted(paper.upvotes, "upvote") : "no upvotes in the library") : paper.publishedAt ? `published ${paper.publishedAt}` : "no date in the library");
  const label = { newest: "most recent", oldest: "oldest", upvotes: "most upvoted" }[by];
  const lines = listed.map((paper, index) => `${index + 1}. **${escapeMarkdown(paper.title)}** [${index + 1}], ${describe(paper)}`);
  const tail = undatedNote(undated.length, true);
  return {
    text: `The ${label} of those is **${escapeMarkdown(sorted[0]!.title)}** [1], ${describe(sorted[0]!)}.\n\n${lines.join("\n")}${tail}`,
    citations: listed.map((paper, index) => citationOf(index + 1, paper)),
    found: true,
    closest: [],
    notes: [],
  };
}

/** The papers of a list that pass a follow-up's dates or upvotes ("which of those are from 2024?"). */
export function passesFilters(paper: StoredPaper, filters: PaperFilters): boolean {
  if (filters.minUpvotes !== undefined && paper.upvotes < filters.minUpvotes) return false;
  if (!filters.from && !filters.to) return true;
  if (!paper.publishedAt) return false;
  return (!filters.from || paper.publishedAt >= filters.from) && (!filters.to || paper.publishedAt.slice(0, 10) <= filters.to);
}

export function filteredReply(papers: StoredPaper[], filters: PaperFilters): Reply {
  const kept = papers.filter((paper) => passesFilters(paper, filters));
  // Undated papers cannot pass a date filter, and the reader should know they were not checked.
  const undated = filters.from || filters.to ? papers.filter((paper) => !paper.publishedAt).length : 0;
  const which = keptSaid(filters);
  // With no dates at all there is nothing to filter by: say that, not "none is from 2024".
  if (kept.length === 0 && undated === papers.length && papers.length > 0) return textReply(`${papers.length === 1 ? "That paper has no date" : `None of those ${papers.length} papers has a date`} in the library, so I cannot tell which are ${which}. Ask for the topic with the dates to search the whole library.`);
  if (kept.length === 0) return textReply(`${papers.length === 1 ? "That paper is not" : `None of those ${papers.length} papers is`} ${which}.${undatedNote(undated)}`);
  const lines = kept.map((paper, index) => `${index + 1}. **${escapeMarkdown(paper.title)}** [${index + 1}]${meta(paper)}`);
  const count = papers.length === 1 ? "That paper is" : kept.length === 1 ? `One of those ${papers.length} papers is` : `${kept.length} of those ${papers.length} papers are`;
  return { text: `${count} ${which}:\n\n${lines.join("\n")}${undatedNote(undated)}`, citations: kept.map((paper, index) => citationOf(index + 1, paper)), found: true, closest: [], notes: [] };
}

/**
 * The next page of a list, numbered on from where it stopped ("6." after
 * five), each paper with the sentence of its abstract that best fits the topic.
 */
export function pageReply(subject: { topic: string } | { like: StoredPaper }, page: StoredPaper[], first: number, cue: SentenceCue): Reply {
  // A list by date or upvotes ("papers from last month") has no topic: its next page is just the next papers in that order.
  const listing = "topic" in subject && subject.topic.trim() === "";
  const about = "like" in subject ? `papers like **${escapeMarkdown(subject.like.title)}**` : `**${escapeMarkdown(subject.topic)}**`;
  if (page.length === 0) return textReply(listing ? "That is all: no further papers in the library fit." : `That is all: the library has no further papers close enough to ${about}${/[.!?]$/.test(about) ? "" : "."}`);
  const lines = page.map((paper, index) => {
    const [sentence] = bestSentences(paper, cue, 1);
    return `${first + index}. **${escapeMarkdown(paper.title)}**${paper.publishedAt ? ` (${paper.publishedAt})` : ""} [${first + index}]${sentence ? `: ${sentence}` : ""}`;
  });
  const last = first + page.length - 1;
  const range = page.length === 1 ? `${first}` : `${first} to ${last}`;
  return {
    text: listing ? `More (${range}):\n\n${lines.join("\n")}` : `More ${"like" in subject ? about : `on ${about}`} (${range}; each a less close match than the ones before):\n\n${lines.join("\n")}`,
    citations: page.map((paper, index) => citationOf(first + index, paper)),
    found: true,
    closest: [],
    notes: [],
  };
}

/** " (2024-03-13, 5 upvotes)": what a listed paper shows beside its title. */
export function meta(paper: StoredPaper): string {
  const parts = [paper.publishedAt, paper.upvotes > 0 && counted(paper.upvotes, "upvote")].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/** "(2 of them show no date in the library, so they come last.)"; `last`: the list put them last. */
function undatedNote(undated: number, last = false): string {
  const one = undated === 1;
  return undated > 0 ? `\n\n(${one ? "1 of them shows" : `${undated} of them show`} no date in the library${last ? `, so ${one ? "it comes" : "they come"} last` : ""}.)` : "";
}

