import type { LibrarySnapshot } from "./snapshot.ts";
import { searchStem } from "./stem.ts";

/** An adverb's adjective: "suddenly" is "sudden", "easily" "easy". */
const ADJECTIVE: [RegExp, string][] = [
  [/([^aeiou])ily$/, "$1y"],
  [/([a-z]{4,})ly$/, "$1"],
];

/**
 * An adverb no paper writes, as the adjective papers do write ("suddenly": "a sudden increase in test accuracy"):
 * the stemmer reads the two as different words, so the question would miss the papers. Undefined when the word is
 * no such adverb, or the papers write it as it is: "highly" read as "high" would match far more papers.
 */
export function libraryForm(word: string, snapshot: LibrarySnapshot): string | undefined {
  if (word.length < 5 || /[^a-z]/.test(word) || snapshot.text.documentFrequency(searchStem(word)) > 0) return undefined;
  for (const [pattern, replacement] of ADJECTIVE) {
    if (!pattern.test(word)) continue;
    const form = word.replace(pattern, replacement);
    if (searchStem(form) !== searchStem(word) && snapshot.text.documentFrequency(searchStem(form)) > 0) return form;
  }
  return undefined;
}
