import { parseArxivId } from "../papers/arxiv-id.ts";
import type { SentenceCue } from "../library/library.ts";
import type { PaperDetail } from "../search/question.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { escapeMarkdown } from "./extractive.ts";
import { codeLinks, detailReply } from "./list-replies.ts";
import type { Reply } from "./reply.ts";
import { bestSentences } from "./sentences.ts";

/* The replies to a detail asked of a paper or of the papers listed (who wrote it, when, its code, its arXiv id), and what the library lacks of it. */

/** A question about who wrote a paper, or when: what the library may lack of it. */
const ASKS_WHO = /\b(?:who|wrote|authors?|written by)\b/;
const ASKS_WHEN = /\b(?:when|date|published|year|how old)\b/;

/** "who wrote FlashAttention-2?", "when was MobileNetV2 published?": the detail, or what the library lacks, then the paper's gist. */
export function paperDetailReply(paper: StoredPaper, detail: PaperDetail, cue?: SentenceCue): Reply {
  const title = `**${escapeMarkdown(paper.title)}** [1]`;
  const links = codeLinks(paper);
  const arxiv = parseArxivId(paper.url);
  // (A title opening with "From" is quoted "In" it: "From From Commands to Prompts" read as a stammer.)
  const said =
    detail === "content"
      ? `${/^from\b/i.test(paper.title) ? "In" : "From"} ${title}:`
      : detail === "code"
      ? links.length > 0 ? `Code for ${title}: ${links.join(", ")}` : `The abstract of ${title} gives no code link.`
      : detail === "id"
      ? arxiv ? `${title} is arXiv ${arxiv}: ${paper.url}` : `The library has no arXiv id for ${title}: it was read from a saved listing. Its title search: ${paper.url}`
      : detail === "date"
      ? paper.publishedAt ? `${title} was published on ${paper.publishedAt}.` : `The library has no publication date for ${title}.`
      : paper.authors?.length ? `${title} is by ${paper.authors.join(", ")}.`
      : paper.organization ? `${title} is from ${paper.organization}; the library does not record its authors' names.`
      : paper.authorCount ? `The library records that ${title} has ${authorsUnnamed(paper.authorCount)}.`
      : `The library does not record who wrote ${title}.`;
  return { ...detailReply(paper, cue), text: `${said}\n\n${bestSentences(paper, cue ?? { terms: new Map() }, 2).join(" ")}` };
}

/** "who wrote it?", "when was it published?" of a paper whose listing did not say: what the library lacks, said plainly. */
function missingDetailNotes(question: string, paper: StoredPaper): string[] {
  const text = question.toLowerCase();
  const notes: string[] = [];
  // "who made it?" of a paper listed with its lab: the lab answers, though its authors' names are not recorded.
  const from = paper.organization ? `It is from ${paper.organization}; the library` : "The library";
  if (ASKS_WHO.test(text) && !paper.authors?.length) notes.push(paper.authorCount ? `${from} records that it has ${authorsUnnamed(paper.authorCount)}.` : `${from} does not record its authors${paper.organization ? "' names" : ""}.`);
  if (ASKS_WHEN.test(text) && !paper.publishedAt) notes.push("The library has no publication date for it.");
  return notes;
}

/** A reply about these papers with what the library lacks of what was asked said first ("who wrote it?" of papers whose authors it lacks). */
export function withMissingDetails(reply: Reply, question: string, papers: StoredPaper[]): Reply {
  const notes = papers.length === 1 ? missingDetailNotes(question, papers[0]!) : missingOfSeveral(question, papers);
  return notes.length > 0 ? { ...reply, text: [...notes, reply.text].join("\n\n") } : reply;
}

/** "who wrote it?" over several papers listed: one sentence for them all, not an author count beside some and silence. */
function missingOfSeveral(question: string, papers: StoredPaper[]): string[] {
  const text = question.toLowerCase();
  const notes: string[] = [];
  if (ASKS_WHO.test(text) && papers.every((paper) => !paper.authors?.length)) {
    notes.push(`The library does not record these papers' authors${papers.some((paper) => paper.authorCount) ? "' names, only how many each has (beside it below)" : ""}.`);
  }
  const undated = papers.filter((paper) => !paper.publishedAt).length;
  if (ASKS_WHEN.test(text) && undated > 0) notes.push(`The library has no publication date for ${undated === papers.length ? "any of them" : `${undated} of them`}.`);
  return notes;
}

function authorsUnnamed(count: number): string {
  return count === 1 ? "one author, but not the name" : `${count} authors, but not their names`;
}
