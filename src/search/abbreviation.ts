import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { searchStem } from "./stem.ts";

/**
 * A word shortened to its consonants, as chat writes one ("attn"): the title word most papers use, at least
 * `minPapers` and `shortenedRatio` times as many as write the word itself (one paper writing "attn" does not make it
 * the library's word), that begins with its first two letters, holds the rest in order and ends with its last
 * ("attention"). Only a word of three to five letters whose letters after the first are all consonants ("teh" keeps
 * a vowel, so it is a slip, not a shortening of "technique"), and no acronym the abstracts define.
 */
export function unshortened(word: string, snapshot: LibrarySnapshot, minPapers: number): string | undefined {
  if (!/^[a-z][b-df-hj-np-tv-z]{2,4}$/.test(word) || snapshot.acronyms.lookup(word)) return undefined;
  const least = Math.max(minPapers, SETTINGS.spelling.shortenedRatio * snapshot.text.documentFrequency(searchStem(word)));
  // Its first two letters begin the word ("at" of "attention"): "rnn" is no shortening of "representation".
  const inOrder = new RegExp(`^${word.slice(0, 2)}${[...word.slice(2)].map((letter) => `[a-z]*${letter}`).join("")}$`);
  let best: { whole: string; papers: number } | undefined;
  for (const whole of snapshot.lookup.beginningWith(word[0]!, word.length + 3)) {
    if (!inOrder.test(whole)) continue;
    const papers = snapshot.text.documentFrequency(searchStem(whole));
    if (papers >= least && papers > (best?.papers ?? 0)) best = { whole, papers };
  }
  return best?.whole;
}

/** Two words clipped into one ("recsys"), no slip explaining it: the pair of title words its halves begin that most papers, at least `clippedPapers`, write. */
export function clippedPair(word: string, snapshot: LibrarySnapshot): string | undefined {
  let best: { pair: string; papers: number } | undefined;
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const heads = snapshot.lookup.completions(word.slice(0, cut), 3);
    const tails = heads.length > 0 ? snapshot.lookup.completions(word.slice(cut), 3) : [];
    for (const head of heads) {
      for (const tail of tails) {
        const papers = snapshot.text.documentFrequency(`${searchStem(head)} ${searchStem(tail)}`);
        if (papers >= SETTINGS.spelling.clippedPapers && papers > (best?.papers ?? 0)) best = { pair: `${head} ${tail}`, papers };
      }
    }
  }
  return best?.pair;
}
