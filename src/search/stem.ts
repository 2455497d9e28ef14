import { stemmer } from "stemmer";
import { remembered } from "../embed/remembered.ts";
import { nameParts } from "./name-parts.ts";
import { termsOf, words } from "../embed/tokens.ts";

/**
 * A word in American spelling, for the few British endings Porter's
 * stemmer keeps apart ("optimisation" stems to "optimis", "optimization"
 * to "optim"): -ise/-isation, -yse, -our and -tre. A word that only looks
 * British ("precise", "four") becomes some other string, the same in every
 * paper and question, so nothing that matched stops matching.
 */
export function americanSpelling(word: string): string {
  if (word.length < 5) return word;
  return word
    .replace(/(?<=\w{2})is(e|es|ed|ing|ation|ations|er|ers)$/, "iz$1")
    .replace(/(?<=\w{3})ys(e|es|ed|ing)$/, "yz$1")
    .replace(/(?<=\w{3})our(s|ed|ing|hood|hoods|ite|ites|able|al)?$/, "or$1")
    .replace(/(?<=\w{3})tre(s)?$/, "ter$1");
}

/**
 * The stem search compares: British and American spellings of a word are
 * one term ("neighbours" and "neighbors"), in the papers' index and in
 * questions alike. Numbers stay as written. The offline embedder keeps
 * plain stems, so its vectors (and libraries embedded with it) do not change.
 */
export const searchStem = remembered((word: string) => (/^\d/.test(word) ? word : stemmer(sionToNoun(americanSpelling(word))) + adjectiveMark(word)), 500_000);

/**
 * Porter's stemmer strips adjective endings down to the root the verb and noun share: "continual" and "continuous" both
 * stem to "continu", "generalization" and "generation" both to "gener", so "continual learning" ranked papers on
 * continuous kernels and "generalization" papers on generative models. A word ending in "-ual"/"-eral" (and its
 * "-ize", "-ization", "-ity" and "-ly" forms) keeps that ending apart.
 */
function adjectiveMark(word: string): string {
  const light = word.toLowerCase().replace(/(?<![su])s$/, "").replace(/ly$/, "");
  return /(?:ual|eral)(?:i[sz]\w*|it(?:y|ies))?$/.test(light) ? "~al" : "";
}

/**
 * "-sional" words as their "-sion" noun, as Porter's stemmer already reads "-tional" ones ("functional" and "function"
 * share a stem): it stems "dimensional" and "dimensionality" to "dimension" but "dimensions" to "dimens", so a
 * question asking for fewer dimensions never met a paper on low-dimensional embeddings.
 */
function sionToNoun(word: string): string {
  return word.replace(/(?<=\w{3})sional(?:ly|ity|ities)?$/, "sion");
}

/** The search stems of every word of a text (a title), stopwords kept, with the words its names are written from ("ScatterNeRF": "nerf"). */
export function stemSet(text: string): Set<string> {
  return new Set([...words(text), ...nameParts(text)].map((word) => searchStem(word)));
}

/**
 * A title's stems, answering also for the shorter stems of the same word's other forms: "Molecular" holds the
 * "molecules" a question asks for (or rules out), one stem beginning the other, five letters or more.
 */
export function withForms(stems: Set<string>): { has(stem: string): boolean } {
  return { has: (stem) => stems.has(stem) || (stem.length >= 5 && [...stems].some((held) => held.length > stem.length && held.startsWith(stem))) };
}

/** `contentTerms` with search's stems: content words of a text, stopwords dropped. */
export function searchTerms(text: string): string[] {
  return termsOf(words(text), searchStem);
}
