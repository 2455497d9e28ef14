import { contentTerms } from "../embed/tokens.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { escapeMarkdown } from "./extractive.ts";
import { citationOf, type Citation } from "./reply.ts";
import { bestSentences, splitSentences } from "./sentences.ts";

/** A cited sentence must share this share of its content words with what it cites. */
const SUPPORT_THRESHOLD = 0.6;
const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

export type GuardedText = { text: string; citations: Citation[]; stripped: number; rewritten: number };

/**
 * Holds a model's answer to its evidence: citations to numbers outside the
 * evidence are removed; a cited sentence its sources do not support (too few
 * shared words, and no exact quote) is replaced by the cited paper's own
 * best sentence; the citations are renumbered in order of appearance and
 * the list keeps only papers the text cites.
 */
export function guardCitations(answer: string, evidence: StoredPaper[], question: string): GuardedText {
  let stripped = 0;
  let rewritten = 0;
  const lines = answer.split("\n").map((line) =>
    splitSentences(line)
      .map((sentence) => {
        const cited = new Set<number>();
        const cleaned = sentence.replace(MARKER, (_marker, list: string) => {
          const valid = list.split(",").map((part) => Number(part.trim())).filter((n) => n >= 1 && n <= evidence.length);
          stripped += list.split(",").length - valid.length;
          valid.forEach((n) => cited.add(n));
          return valid.map((n) => `[${n}]`).join("");
        });
        if (cited.size === 0 || supported(cleaned, [...cited].map((n) => evidence[n - 1]!))) return cleaned;
        rewritten++;
        const n = [...cited][0]!;
        const paper = evidence[n - 1]!;
        const [best] = bestSentences(paper.abstract, new Map(contentTerms(question).map((term) => [term, 1])), 1);
        return `**${escapeMarkdown(paper.title)}** [${n}]: ${best ?? ""}`;
      })
      .join(" "),
  );
  return { ...renumber(lines.join("\n"), evidence), stripped, rewritten };
}

function supported(sentence: string, sources: StoredPaper[]): boolean {
  const sourceText = sources.map((paper) => `${paper.title} ${paper.abstract}`).join(" ");
  const quotes = [...sentence.matchAll(/"([^"]{12,})"/g)].map((match) => match[1]!);
  if (quotes.some((quote) => normalizeSpace(sourceText).includes(normalizeSpace(quote)))) return true;
  const terms = [...new Set(contentTerms(sentence.replace(MARKER, " ")))];
  if (terms.length === 0) return true;
  const available = new Set(contentTerms(sourceText));
  return terms.filter((term) => available.has(term)).length / terms.length >= SUPPORT_THRESHOLD;
}

function renumber(text: string, evidence: StoredPaper[]): { text: string; citations: Citation[] } {
  const order: number[] = [];
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    const n = Number(match[1]);
    if (!order.includes(n)) order.push(n);
  }
  const renumbered = text.replace(/\[(\d+)\]/g, (_marker, n: string) => `[${order.indexOf(Number(n)) + 1}]`);
  return { text: renumbered, citations: order.map((n, index) => citationOf(index + 1, evidence[n - 1]!)) };
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").toLowerCase();
}
