import type { LibrarySnapshot } from "./snapshot.ts";
import { SETTINGS } from "./settings.ts";
import { searchStem } from "./stem.ts";

/** An adverb's adjective: "suddenly" is "sudden", "easily" "easy". */
const ADJECTIVE: [RegExp, string][] = [
  [/([^aeiou])ily$/, "$1y"],
  [/([a-z]{4,})ly$/, "$1"],
];

/** A noun's adjective, the same stem longer: "idioms" is "idiomatic", "algebra" "algebraic". */
const NOUN_ADJECTIVE: [RegExp, string][] = [
  [/([a-z]{4,}[^aeiouys])s?$/, "$1atic"],
  [/([a-z]{4,}[^aeiouys])s?$/, "$1ic"],
  [/([a-z]{4,})a$/, "$1aic"],
];

/** A doer's verb: "rankers" is "rank", "regressors" "regress" (see libraryForm). */
const AGENT = /([a-z]{4,})(?:er|or)s?$/;

/**
 * An adverb or noun no paper writes, as the adjective papers do write ("suddenly": "a sudden increase in test accuracy"):
 * the stemmer reads the two as different words, so the question would miss the papers; so with a noun whose adjective
 * the papers write ("idioms": EPIE's "Idiomatic Expressions"). Undefined when the word is no such adverb or noun, or the
 * papers write it as it is: "highly" read as "high" would match far more papers. A doer no paper names ("rankers") is
 * what it does, as a title names the activity ("ranking"), when general English hardly knows the doer (`englishRank`).
 */
export function libraryForm(word: string, snapshot: LibrarySnapshot, englishRank = Number.POSITIVE_INFINITY): string | undefined {
  if (word.length < 5 || /[^a-z]/.test(word) || snapshot.text.documentFrequency(searchStem(word)) > 0) return undefined;
  for (const [pattern, replacement] of ADJECTIVE) {
    if (!pattern.test(word)) continue;
    const form = word.replace(pattern, replacement);
    if (searchStem(form) !== searchStem(word) && snapshot.text.documentFrequency(searchStem(form)) > 0) return form;
  }
  // "kernel regressors": the papers write what the regressor does ("kernel ridge regression"), not the doer; said as a
  // title names it, and only when one does ("guesser" is not "guess"). Only a doer general English hardly knows: a
  // "processor" is a thing of its own, not "processing", and "darker" no doer at all.
  const agent = word.replace(AGENT, "$1");
  if (agent !== word && englishRank > SETTINGS.spelling.everydayWords) {
    const activity = snapshot.lookup.completions(agent).find((title) => /(?:ion|ing)$/.test(title) && searchStem(title) === searchStem(agent));
    if (activity) return activity;
  }
  // An adjective's stem begins with its noun's: "idiomat" with "idiom" (a stem that merely comes out so, "replic" of "reply", does not).
  const noun = searchStem(word.replace(/s$/, ""));
  for (const [pattern, replacement] of NOUN_ADJECTIVE) {
    if (!pattern.test(word)) continue;
    const form = word.replace(pattern, replacement);
    const stem = searchStem(form);
    if (stem.length > noun.length && stem.startsWith(noun) && snapshot.text.documentFrequency(stem) > 0) return form;
  }
  return undefined;
}
