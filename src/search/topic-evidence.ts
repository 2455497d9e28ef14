import type { ParsedQuestion } from "./question.ts";
import { words } from "../embed/tokens.ts";
import { questionPhrases } from "./query-terms.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { searchStem, stemSet } from "./stem.ts";
import { slipDistance } from "./spelling.ts";

/* What the library's papers hold of a question's words and phrases: the evidence the relevance decision (relevance.ts) reads beside its signals. */

/**
 * Whether the library uses two words as a fixed phrase: in several papers,
 * and in a good share of the papers that use the rarer word at all
 * ("speech recognition", not "model run").
 */
export function isCollocation(pair: string, index: LibrarySnapshot["text"]): boolean {
  const together = index.documentFrequency(pair);
  const [first, second] = pair.split(" ") as [string, string];
  const { collocationPapers, collocationShare } = SETTINGS.relevance;
  return together >= collocationPapers && together >= collocationShare * Math.min(index.documentFrequency(first), index.documentFrequency(second));
}

/**
 * Whether a phrase is the library's background, used by so many of its
 * papers ("deep learning", "machine learning" in a library of ML papers)
 * that the cited ones not saying it tells the reader nothing.
 */
export function isBackground(phrase: string, index: LibrarySnapshot["text"]): boolean {
  return index.documentFrequency(phrase) >= SETTINGS.relevance.backgroundShare * index.size;
}

/** The largest share of one paper's BM25F score that a single query term (word or phrase) gives. */
export function dominance(question: ParsedQuestion, doc: number, snapshot: LibrarySnapshot): number {
  const parts = snapshot.text.termScores(doc, question.parts.terms).filter((part) => part > 0);
  const total = parts.reduce((sum, part) => sum + part, 0);
  return total > 0 ? Math.max(...parts) / total : 1;
}

/** Whether one of these papers' titles holds the topic's rarest main word, when that word is as rare as a name. */
export function namesRarest(question: ParsedQuestion, docs: number[], snapshot: LibrarySnapshot): boolean {
  const main = question.parts.main.filter((stem) => !stem.includes(" "));
  if (main.length < 2) return false;
  const rarest = rarestOf(main, snapshot);
  const papers = snapshot.text.documentFrequency(rarest);
  return papers > 0 && papers <= SETTINGS.queryWeights.contrastNameShare * snapshot.size && docs.some((doc) => stemSet(snapshot.docs.titles.at(doc)).has(rarest));
}

/** Whether one of these papers holds the topic as the question words it: its every word, each two in a row as a phrase. */
export function heldAsPhrase(question: ParsedQuestion, docs: number[], snapshot: LibrarySnapshot): boolean {
  const main = question.parts.main.filter((stem) => !stem.includes(" "));
  const pairs = question.parts.mainPairs;
  if (main.length < 2 || pairs.length === 0 || pairs.length !== main.length - 1) return false;
  return docs.some((doc) => pairs.every((pair) => snapshot.text.contains(doc, pair)));
}

/**
 * Whether a name of content words only, each of which the library uses, has no two of them in a row in any paper
 * ("automatic speech recognition"); "improve on PyramidKV" is no name.
 */
export function namedApart(name: string, snapshot: LibrarySnapshot): boolean {
  const pairs = questionPhrases(name, { adjacent: true }).map((phrase) => phrase.term);
  return pairs.length > 0 && pairs.length === words(name).length - 1 && pairs.every((pair) => snapshot.text.documentFrequency(pair) === 0 && pair.split(" ").every((stem) => snapshot.text.documentFrequency(stem) > 0));
}

/** The share of these stems' IDF weight, each times its own weight, that paper `doc` holds (0 when they weigh nothing). */
export function heldShare(doc: number, weighted: [stem: string, weight: number][], index: LibrarySnapshot["text"]): number {
  let total = 0;
  let found = 0;
  for (const [stem, weight] of weighted) {
    const idf = index.idf(stem) * weight;
    total += idf;
    if (index.contains(doc, stem)) found += idf;
  }
  return total > 0 ? found / total : 0;
}

/** Of these stems (at least one), the one fewest papers use. */
export function rarestOf(stems: string[], snapshot: LibrarySnapshot): string {
  return stems.reduce((a, b) => (snapshot.text.idf(b) > snapshot.text.idf(a) ? b : a));
}

/**
 * Whether paper `doc`'s title holds several of the question's words (`words`, as written) that few papers use: a long
 * description ("… whether wheat is sick with rust or just short on fertilizer, both look yellow") whose rare words one
 * title names ("… Wheat Yellow Rust And Nitrogen Deficiency …") describes that paper, however little of the rest it holds.
 */
export function titlePinned(words: string[], doc: number | undefined, snapshot: LibrarySnapshot): boolean {
  if (doc === undefined) return false;
  const { papers, words: wanted } = SETTINGS.relevance.titlePinned;
  const title = stemSet(snapshot.docs.titles.at(doc));
  const rare = new Set(words.map((word) => searchStem(word)).filter((stem) => title.has(stem) && snapshot.text.documentFrequency(stem) <= papers));
  return rare.size >= wanted;
}

/**
 * Whether the paper's title writes a word as slipped or clipped: "monarch mixr …" answered by Monarch Mixer, "latent
 * dims" by "… Latent Dimensions …" ask for no word the library lacks.
 */
export function titleWrites(word: string, doc: number | undefined, snapshot: LibrarySnapshot): boolean {
  if (doc === undefined) return false;
  const clipped = word.replace(/s$/, "");
  return words(snapshot.docs.titles.at(doc)).some((written) => (Math.abs(written.length - word.length) <= 1 && slipDistance(word, written) <= 1) || (clipped.length >= 3 && written.length > word.length && written.startsWith(clipped)));
}

