import { stemmer } from "stemmer";
import { contentTerms, isStopword, words } from "../embed/tokens.ts";
import type { WordVectors } from "../embed/word-vectors/word-vectors.ts";
import type { PaperTerms } from "./paper-terms.ts";

/** How many of the best papers must account for the topic's words. */
const EVIDENCE_PAPERS = 3;
/**
 * A topic word absent from those papers still counts when they hold a word
 * this close in meaning; a word the library never uses needs a closer one.
 */
const SYNONYM_SIMILARITY = 0.6;
const UNKNOWN_WORD_SIMILARITY = 0.66;
/** Words rarer than this in general English (or unknown) are names: "PyramidKV", "HNSW". */
const NAME_RANK = 40_000;
/** Two adjacent topic words, one used by at most this many papers, must appear together ("sign language"). */
const PHRASE_RARITY = 3;

export type RelevanceVerdict = { relevant: boolean; unmatched: string[] };

/**
 * Decides whether the best papers are about the topic, so the bot can say
 * "nothing in the library covers that" instead of citing near misses. Each
 * topic word must be accounted for by the best papers: present in them,
 * bridged by the glossary, close in meaning to one of their words, or a
 * name the library knows. One unaccounted word ("blockchain", "seismic")
 * means the library does not cover the topic. Calibrated on `npm run eval`.
 */
export class RelevanceJudge {
  readonly #vectors: WordVectors;

  constructor(vectors: WordVectors) {
    this.#vectors = vectors;
  }

  /** `top`: the best papers' tokens, best first. */
  judge(topic: string, bridged: Set<string>, top: PaperTerms[], papersWith: (stem: string) => number): RelevanceVerdict {
    const evidence = top.slice(0, EVIDENCE_PAPERS);
    if (evidence.length === 0) return { relevant: false, unmatched: [] };
    const evidenceWords = [...new Set(evidence.flatMap((paper) => paper.words))].filter((word) => word.length > 2 && !isStopword(word));
    const evidenceStems = new Set(evidenceWords.map((word) => stemmer(word)));
    const evidenceRows = evidenceWords.map((word) => this.#vectors.row(word)).filter((row): row is number => row !== undefined);

    const unmatched = topicWords(topic).filter((word) => {
      const stem = stemmer(word);
      if (bridged.has(stem) || evidenceStems.has(stem)) return false;
      const row = this.#vectors.row(word);
      const known = papersWith(stem) > 0;
      if ((row === undefined || row > NAME_RANK) && known) return false;
      return row === undefined || this.#closest(row, evidenceRows) < (known ? SYNONYM_SIMILARITY : UNKNOWN_WORD_SIMILARITY);
    });
    unmatched.push(...this.#splitPhrases(topic, evidence, evidenceStems, papersWith));
    return { relevant: unmatched.length === 0, unmatched };
  }

  /**
   * Adjacent topic words that the best papers only contain apart: "sign" and
   * "language" each appear, "sign language" does not. Only checked when one
   * of the words is rare in the library, where apart means unrelated.
   */
  #splitPhrases(topic: string, evidence: PaperTerms[], evidenceStems: Set<string>, papersWith: (stem: string) => number): string[] {
    const sequence = words(topic);
    const texts = evidence.map((paper) => ` ${paper.stems.join(" ")} `);
    const split: string[] = [];
    for (let i = 1; i < sequence.length; i++) {
      const [first, second] = [sequence[i - 1]!, sequence[i]!];
      const [a, b] = [stemmer(first), stemmer(second)];
      if (isStopword(first) || isStopword(second) || !evidenceStems.has(a) || !evidenceStems.has(b) || this.#isName(first) || this.#isName(second)) continue;
      if (Math.min(papersWith(a), papersWith(b)) > PHRASE_RARITY) continue;
      if (!texts.some((text) => text.includes(` ${a} ${b} `))) split.push(`${first} ${second}`);
    }
    return split;
  }

  #isName(word: string): boolean {
    const row = this.#vectors.row(word);
    return row === undefined || row > NAME_RANK;
  }

  #closest(row: number, candidates: number[]): number {
    let best = 0;
    for (const candidate of candidates) best = Math.max(best, this.#vectors.similarity(row, candidate));
    return best;
  }
}

function topicWords(topic: string): string[] {
  return [...new Set(words(topic))].filter((word) => word.length > 2 && !isStopword(word) && !/^\d/.test(word));
}

/**
 * The largest share of the topic's content words that any one of the best
 * papers contains; search uses it to decide how far to trust BM25 over
 * vectors, and whether to search again with feedback.
 */
export function topicCoverage(topic: string, papers: PaperTerms[]): number {
  const wanted = [...new Set(contentTerms(topic))];
  if (wanted.length === 0) return 0;
  let best = 0;
  for (const paper of papers) best = Math.max(best, wanted.filter((term) => paper.termSet.has(term)).length / wanted.length);
  return best;
}
