import type { WordVectors } from "../embed/word-vectors/word-vectors.ts";
import { SETTINGS } from "./settings.ts";

/** 0 for everyday words, rising to 1 for words rare in general English (the word vectors are in frequency order). */
export function specificity(vectors: WordVectors, word: string): number {
  const rank = vectors.row(word) ?? Number.POSITIVE_INFINITY;
  const { everydayRank, specialistRank } = SETTINGS.relevance;
  return Math.min(1, Math.max(0, Math.log(rank / everydayRank) / Math.log(specialistRank / everydayRank)));
}

/**
 * How specialised a word is at its most common everyday form: "eats" is rarer in English than "eat", not more
 * specialised; "figuring" is as everyday as "figure" (a silent e dropped before the ending).
 */
export function leastSpecificity(vectors: WordVectors, word: string): number {
  const forms = [word, word.replace(/(?:e?s|ed|ing)$/, ""), word.replace(/(?:ed|ing)$/, "e"), word.replace(/s$/, "")];
  return Math.min(...forms.map((form) => specificity(vectors, form)));
}

/**
 * A manner word: an adverb of an adjective ("quickly"), or a comparative whose word vector lies close to
 * its base's ("faster", "cheaper", "bigger", "larger"; not "user" of "us", "layer" of "lay").
 */
export function isManner(vectors: WordVectors, word: string): boolean {
  if (word.length > 6 && word.endsWith("ly") && vectors.row(word.slice(0, -2)) !== undefined) return true;
  const row = vectors.row(word);
  const stem = word.replace(/(?:er|est)$/, "");
  if (row === undefined || stem === word || stem.length < 3) return false;
  const bases = [stem, `${stem}e`, ...(stem.at(-1) === stem.at(-2) ? [stem.slice(0, -1)] : [])];
  return bases.some((base) => {
    const other = vectors.row(base);
    return other !== undefined && vectors.similarity(row, other) >= SETTINGS.spellings.longerSimilarity;
  });
}
