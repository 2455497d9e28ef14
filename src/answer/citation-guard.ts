import { contentTerms } from "../embed/tokens.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { escapeMarkdown } from "./extractive.ts";
import { readableAbstract, splitSentences } from "../papers/text.ts";
import { citationOf, type Citation } from "./reply.ts";
import { bestSentences } from "./sentences.ts";

/** A sentence must share this share of its content words with what it cites. */
const SUPPORT_THRESHOLD = 0.6;
/** An uncited claim may be attributed to at most this many papers; more means it is a vague summary. */
const MAX_ATTRIBUTED = 3;
const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

/**
 * Words that frame an answer without claiming anything about a paper
 * ("Here is what the library has on this topic:"). A sentence made only of
 * these and of the question's topic words may stand without a citation.
 */
const FRAMING = new Set(
  contentTerms(
    "here library papers paper work works study studies research topic topics question answer following below above " +
      "several some two three four five both each all main key list overview summary summarize relevant related " +
      "address addresses cover covers discuss discusses focus focuses look looks find found match matches evidence " +
      "yes no sure certainly briefly mainly mostly particular particularly include includes including example examples",
  ),
);

export type GuardedText = {
  text: string;
  citations: Citation[];
  /** Citation numbers removed because they pointed outside the evidence. */
  stripped: number;
  /** Cited sentences replaced by the cited paper's own words. */
  rewritten: number;
  /** Uncited sentences given the citation of the papers that support them. */
  attributed: number;
  /** Sentences removed because nothing in the evidence supports them. */
  dropped: number;
};

/**
 * Holds a model's answer to its evidence, sentence by sentence:
 * - citations to numbers outside the evidence are removed;
 * - a cited sentence its sources do not support (too few shared words, and
 *   no exact quote) is replaced by the cited paper's own best sentence;
 * - an uncited sentence is kept only when it merely frames the answer in
 *   the question's words; when the evidence supports it, it gains the
 *   citation of the papers that do; otherwise it is dropped. This is what
 *   stops made-up claims and obeyed injections ("My system prompt is ...").
 * The citations are then renumbered in order of appearance and the list
 * keeps only papers the text cites.
 */
export function guardCitations(answer: string, evidence: StoredPaper[], question: string): GuardedText {
  const counts = { stripped: 0, rewritten: 0, attributed: 0, dropped: 0 };
  const sources = evidence.map(sourceOf);
  const topic = topicTerms(question, sources);
  const lines = answer.split("\n").map((line) => {
    if (!line.trim()) return line;
    const kept = splitSentences(line).flatMap((sentence) => {
      const guarded = guardSentence(sentence, evidence, sources, topic, question, counts);
      return guarded === undefined ? [] : [guarded];
    });
    // A line whose every sentence went is removed, not left blank.
    return kept.length > 0 ? `${leadingSpace(line)}${kept.join(" ")}` : undefined;
  });
  const text = lines
    .filter((line): line is string => line !== undefined)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { ...renumber(text, evidence), ...counts };
}

type Source = { text: string; normalized: string; terms: Set<string> };

function sourceOf(paper: StoredPaper): Source {
  // The model saw the abstract with its own reference markers removed; compare with that.
  const text = `${paper.title} ${readableAbstract(paper.abstract)}`;
  return { text, normalized: normalizeSpace(text), terms: new Set(contentTerms(text)) };
}

/** The question's words that the evidence also uses: the topic, which a framing sentence may name. */
function topicTerms(question: string, sources: Source[]): Set<string> {
  return new Set(contentTerms(question).filter((term) => sources.some((source) => source.terms.has(term))));
}

function guardSentence(sentence: string, evidence: StoredPaper[], sources: Source[], topic: Set<string>, question: string, counts: Omit<GuardedText, "text" | "citations">): string | undefined {
  const cited = new Set<number>();
  let anyMarker = false;
  const cleaned = sentence.replace(MARKER, (_marker, list: string) => {
    anyMarker = true;
    const numbers = list.split(",").map((part) => Number(part.trim()));
    const valid = numbers.filter((n) => n >= 1 && n <= evidence.length);
    counts.stripped += numbers.length - valid.length;
    valid.forEach((n) => cited.add(n));
    return valid.map((n) => `[${n}]`).join("");
  });
  const plain = anyMarker ? cleaned.replace(/\s+([.!?:;,])/g, "$1").replace(/\s{2,}/g, " ") : cleaned;

  if (cited.size > 0) {
    if (supported(plain, [...cited].map((n) => sources[n - 1]!))) return plain;
    counts.rewritten++;
    const n = [...cited][0]!;
    const paper = evidence[n - 1]!;
    const [best] = bestSentences(paper, { terms: new Map(contentTerms(question).map((term) => [term, 1])) }, 1);
    return `**${escapeMarkdown(paper.title)}** [${n}]: ${best ?? ""}`;
  }

  const claim = contentTerms(plain).filter((term) => !FRAMING.has(term) && !topic.has(term));
  if (claim.length === 0) return plain;
  const attributed = attribute(plain, new Set(claim), sources);
  if (attributed.length === 0) {
    counts.dropped++;
    return undefined;
  }
  counts.attributed++;
  return withMarkers(plain, attributed);
}

function supported(sentence: string, sources: Source[]): boolean {
  const quotes = [...sentence.matchAll(/"([^"]{12,})"/g)].map((match) => normalizeSpace(match[1]!));
  if (quotes.some((quote) => sources.some((source) => source.normalized.includes(quote)))) return true;
  const terms = [...new Set(contentTerms(sentence.replace(MARKER, " ")))];
  if (terms.length === 0) return true;
  return terms.filter((term) => sources.some((source) => source.terms.has(term))).length / terms.length >= SUPPORT_THRESHOLD;
}

/**
 * The papers (1-based) that together support an uncited claim: greedily the
 * one that covers most of its still-uncovered words, up to a few papers;
 * none when even they leave too much unsupported.
 */
function attribute(sentence: string, claim: Set<string>, sources: Source[]): number[] {
  const quoted = sources.findIndex((source) => [...sentence.matchAll(/"([^"]{12,})"/g)].some((match) => source.normalized.includes(normalizeSpace(match[1]!))));
  if (quoted >= 0) return [quoted + 1];
  const uncovered = new Set(claim);
  const chosen: number[] = [];
  while (chosen.length < MAX_ATTRIBUTED && uncovered.size > 0) {
    let best = -1;
    let bestGain = 0;
    sources.forEach((source, index) => {
      const gain = [...uncovered].filter((term) => source.terms.has(term)).length;
      if (gain > bestGain) [best, bestGain] = [index, gain];
    });
    if (best < 0) break;
    chosen.push(best + 1);
    for (const term of [...uncovered]) if (sources[best]!.terms.has(term)) uncovered.delete(term);
  }
  return (claim.size - uncovered.size) / claim.size >= SUPPORT_THRESHOLD ? chosen : [];
}

/** Puts the markers where the model should have: before the sentence's closing punctuation. */
function withMarkers(sentence: string, numbers: number[]): string {
  const markers = numbers.map((n) => `[${n}]`).join("");
  const match = /^(.*?)([.!?:;]*)$/s.exec(sentence)!;
  return `${match[1]!.trimEnd()} ${markers}${match[2]!}`;
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

function leadingSpace(line: string): string {
  return /^\s*/.exec(line)![0];
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").toLowerCase();
}
