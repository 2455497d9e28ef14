import { stemmer } from "stemmer";
import type { WordVectors } from "../embed/word-vectors/word-vectors.ts";
import { isQuestionStopword } from "./query-stopwords.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";

/**
 * The question with its misspelt words replaced by the library's own
 * spelling ("kv cashe compresion" → "kv cache compression"), or undefined
 * when there is nothing to correct; a word the papers write as two
 * ("testtime") is split. A word is taken for a typo only when
 * no paper uses it and general English does not know it either (a word
 * like "teaching" is a paraphrase, not a typo of "reaching"); its
 * correction is the title word one or two letters away (as lookup
 * accepts typos) that most papers use.
 */
export function correctSpelling(text: string, snapshot: LibrarySnapshot, english: WordVectors): string | undefined {
  let changed = false;
  // Tokens as the index makes them (letters and digits together): "mobilenetv2" is one word, not "mobilenetv" and "2".
  const corrected = text.replace(/[\p{L}\p{N}]+/gu, (token) => {
    const word = token.toLowerCase();
    if (word.length < SETTINGS.spelling.minLetters || /[^a-z]/.test(word) || isQuestionStopword(word) || snapshot.text.documentFrequency(stemmer(word)) > 0) return token;
    if ((english.row(word) ?? Number.POSITIVE_INFINITY) < SETTINGS.spelling.englishRank) return token;
    let best: { word: string; papers: number } | undefined;
    for (const candidate of snapshot.lookup.spellings(word)) {
      const papers = snapshot.text.documentFrequency(stemmer(candidate));
      if (papers > (best?.papers ?? 0)) best = { word: candidate, papers };
    }
    best ??= split(word, snapshot);
    if (!best) return token;
    changed = true;
    return best.word;
  });
  return changed ? corrected : undefined;
}

/** A word the papers write as two ("testtime" for test-time): the two words, where the library pairs them most. */
function split(word: string, snapshot: LibrarySnapshot): { word: string; papers: number } | undefined {
  let best: { word: string; papers: number } | undefined;
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const [first, second] = [word.slice(0, cut), word.slice(cut)];
    const papers = snapshot.text.documentFrequency(`${stemmer(first)} ${stemmer(second)}`);
    if (papers > (best?.papers ?? 0)) best = { word: `${first} ${second}`, papers };
  }
  return best;
}
