import { distance } from "fastest-levenshtein";
import { stemmer } from "stemmer";
import { parseArxivId } from "../papers/arxiv-id.ts";
import { normalizeTitle } from "../papers/paper.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { compact, namesOf, nameTokens } from "./names.ts";

export type LookupResult = { match: StoredPaper | null; alternatives: StoredPaper[] };

/** Below this, the best candidate is not the paper asked for. */
const MATCH_THRESHOLD = 0.8;
/** Candidates this close to the best are equally likely: ask which one. */
const TIE_MARGIN = 0.03;
const MAX_ALTERNATIVES = 5;

type Entry = {
  paper: StoredPaper;
  title: string;
  shortName?: string;
  titleWords: string[];
  titleStems: Set<string>;
  /** Initials of every run of consecutive title words: "mixture of block attention" → "moba". */
  titleInitials: string;
  own: Set<string>;
  mentioned: Set<string>;
};

/**
 * Finds a paper by what people call it: its title in any case or
 * punctuation, its short name ("PyramidKV"), a name its abstract introduces
 * ("FLUTE", "the HNSW paper"), a fragment of its title, a typo'd version of
 * any of these, or its arXiv id or link. Says "no match" rather than guess,
 * and offers every equally good candidate when a name is ambiguous.
 */
export class PaperLookup {
  readonly #entries: Entry[];

  constructor(papers: StoredPaper[]) {
    const usage = new Map<string, number>();
    for (const paper of papers) for (const name of nameTokens(paper.abstract)) usage.set(name, (usage.get(name) ?? 0) + 1);
    this.#entries = papers.map((paper) => {
      const names = namesOf(paper, (name) => usage.get(name) === 1);
      const entry: Entry = {
        paper,
        title: normalizeTitle(paper.title),
        titleWords: normalizeTitle(paper.title).split(" ").filter(Boolean),
        titleStems: new Set(normalizeTitle(paper.title).split(" ").filter(Boolean).map((word) => stemmer(word))),
        titleInitials: normalizeTitle(paper.title).split(" ").filter(Boolean).map((word) => word[0]).join(""),
        own: new Set(names.own.map(compact)),
        mentioned: new Set(names.mentioned.map(compact)),
      };
      if (names.shortName) entry.shortName = compact(names.shortName);
      return entry;
    });
  }

  /** Every candidate's score, best first: for debugging and tuning. */
  explain(rawQuery: string, top = 5): { title: string; score: number }[] {
    const query = prepare(stripFraming(rawQuery));
    return this.#entries
      .map((entry) => ({ title: entry.paper.title, score: this.#score(entry, query) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, top);
  }

  /** `limit` caps the alternatives offered. */
  find(rawQuery: string, limit = MAX_ALTERNATIVES): LookupResult {
    const query = stripFraming(rawQuery);
    const arxivId = parseArxivId(query);
    if (arxivId) {
      const paper = this.#entries.find((entry) => entry.paper.id === arxivId)?.paper;
      return { match: paper ?? null, alternatives: [] };
    }
    const prepared = prepare(query);
    if (!prepared.squeezed) return { match: null, alternatives: [] };

    const scored = this.#entries
      .map((entry) => ({ paper: entry.paper, score: this.#score(entry, prepared) }))
      .filter((candidate) => candidate.score >= MATCH_THRESHOLD)
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    if (!best) return { match: null, alternatives: [] };
    const tied = scored.filter((candidate) => best.score - candidate.score <= TIE_MARGIN);
    if (tied.length > 1) return { match: null, alternatives: tied.slice(0, limit).map((candidate) => candidate.paper) };
    return { match: best.paper, alternatives: scored.slice(1, 1 + limit).filter((candidate) => candidate.score >= best.score - 0.1).map((c) => c.paper) };
  }

  #score(entry: Entry, { normalized, squeezed, words, stems }: Query): number {
    if (normalized === entry.title) return 1;
    let score = 0;
    if (entry.shortName) score = Math.max(score, squeezed === entry.shortName ? 0.97 : 0.92 * editSimilarity(squeezed, entry.shortName));

    if (entry.own.has(squeezed)) score = Math.max(score, 0.95);
    // A name the abstract only uses identifies the paper when the title spells it out ("MoBA": Mixture of Block Attention).
    if (entry.mentioned.has(squeezed) && squeezed.length >= 3 && entry.titleInitials.includes(squeezed)) score = Math.max(score, 0.88);
    return Math.max(score, tokenMatch(words, stems, entry.titleWords, entry.titleStems));
  }
}

/**
 * Every query word found among the title's words (exactly, as two query
 * words written together, or with a typo), scored higher the more of the
 * title the query covers. A lone word only names a paper when it is the
 * title's first word ("Matryoshka").
 */
function tokenMatch(query: string[], queryStems: string[], title: string[], titleStems: Set<string>): number {
  if (query.length === 0) return 0;
  const has = (word: string, stem: string) => titleStems.has(stem) || title.some((candidate) => nearlyEqual(word, candidate));
  let matched = 0;
  for (let i = 0; i < query.length; i++) {
    const word = query[i]!;
    const next = query[i + 1] ?? "";
    // "scissor hands" → "scissorhands"; a one-letter part ("2") is a word of its own.
    const joined = word.length >= 3 && next.length >= 3 ? word + next : "";
    if (joined && has(joined, joined)) {
      matched += 2;
      i++;
    } else if (has(word, queryStems[i]!)) {
      matched += 1;
    } else {
      // A partial match scores below the match threshold whatever else matches.
      return 0;
    }
  }
  const coverage = Math.min(1, query.length / title.length);
  if (query.length === 1 && title[0] !== query[0]) return 0.75;
  return 0.86 + 0.1 * coverage;
}

function nearlyEqual(a: string, b: string): boolean {
  // Typos rarely hit both of the first two letters; checking that first skips most distance computations.
  if (Math.min(a.length, b.length) < 5 || (a[0] !== b[0] && a[1] !== b[1])) return false;
  const allowed = Math.max(a.length, b.length) >= 8 ? 2 : 1;
  return Math.abs(a.length - b.length) <= allowed && distance(a, b) <= allowed;
}

function editSimilarity(a: string, b: string): number {
  // Similarity can be no higher than the length ratio; skip the distance when that already rules it out.
  if (!a || !b || Math.min(a.length, b.length) / Math.max(a.length, b.length) < 0.8) return 0;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

type Query = { normalized: string; squeezed: string; words: string[]; stems: string[] };

function prepare(query: string): Query {
  const normalized = normalizeTitle(query);
  const words = normalized.split(" ").filter(Boolean);
  return { normalized, squeezed: normalized.replace(/ /g, ""), words, stems: words.map((word) => stemmer(word)) };
}

/** "the HNSW paper", "look up 'PyramidKV'", "paper called X" → the name itself. */
export function stripFraming(query: string): string {
  const quotes = /^["'“”‘’`]+|["'“”‘’`?.!]+$/g;
  return query
    .trim()
    .replace(quotes, "")
    .replace(/^(?:please\s+)?(?:look\s*up|find|show(?:\s+me)?|get|open|search(?:\s+for)?)\s+/i, "")
    .replace(/^(?:the\s+)?(?:paper|article)\s+(?:called|named|titled)\s+/i, "")
    .replace(/^the\s+(.+?)\s+(?:paper|article)$/i, "$1")
    .replace(/\s+(?:paper|article)$/i, "")
    .replace(quotes, "")
    .trim();
}
