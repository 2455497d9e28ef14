import { stemmer } from "stemmer";
import { remembered } from "./remembered.ts";

const STOPWORDS = new Set(
  ("a an and are as at be been being but by can could did do does for from had has have how i if in into is it its " +
    "may might more most of on or our over so such than that the their them then there these they this those through " +
    "to under up us using via was we were what when where which while who why will with within without would you your " +
    "based new novel propose proposed paper approach method methods show results also however " +
    "ones thing things stuff way ways lot lots kind kinds might get got").split(" "),
);

/** Lowercased word tokens, accents folded, stopwords dropped, Porter-stemmed. */
export function contentTerms(text: string): string[] {
  return termsOf(words(text));
}

/** `contentTerms` of text already split by `words`. Numbers stay as written. `stem`: Porter's, or search's (src/search/stem.ts). */
export function termsOf(tokens: string[], stem: (word: string) => string = stemOf): string[] {
  const terms: string[] = [];
  for (const word of tokens) if (!STOPWORDS.has(word)) terms.push(/^\d/.test(word) ? word : stem(word));
  return terms;
}

/** Porter stems, remembered (see remembered.ts). */
export const stemOf = remembered(stemmer, 500_000);

/** The text with its accents taken off ("Poincaré" as "Poincare"), so either spelling is one word. */
export function withoutAccents(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "");
}

export function words(text: string): string[] {
  return withoutAccents(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
