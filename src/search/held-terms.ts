import { words } from "../embed/tokens.ts";
import { phraseUsage } from "./acronyms.ts";
import { wordSplits } from "./compounds.ts";
import { questionTerms } from "./query-terms.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { searchStem } from "./stem.ts";

/**
 * What of a question's words a paper holds, in the other spellings the library uses: a word of a pair written as
 * two ("Hyper-Parameter Tuning"), an acronym's long form ("ANN": approximate nearest neighbours), or an acronym for a
 * long form ("RLHF"). The relevance decision reads them (relevance.ts).
 */

/** A pair of stems with one of its words written as two ("hyperparamet tune" as "hyper paramet" + "paramet tune"), as the phrases that spell it. */
export function spellings(pair: string): string[][] {
  const [first, second] = pair.split(" ") as [string, string];
  const apart = (word: string) => wordSplits(word).map(([a, b]) => [searchStem(a), searchStem(b)] as const);
  return [...apart(first).map(([a, b]) => [`${a} ${b}`, `${b} ${second}`]), ...apart(second).map(([a, b]) => [`${first} ${a}`, `${a} ${b}`])];
}

/** A title's stems with the long forms of the acronyms it writes: "… Offline RLHF" names "reinforcement learning from human feedback". */
export function withLongForms(stems: Set<string>, snapshot: LibrarySnapshot): Set<string> {
  const usage = phraseUsage(snapshot.text);
  const long = [...stems].flatMap((stem) => {
    const acronym = snapshot.acronyms.lookup(stem, usage);
    return acronym ? questionTerms(acronym.long) : [];
  });
  return long.length > 0 ? new Set([...stems, ...long]) : stems;
}

/**
 * Whether a text holds a question's word, or, for an acronym the library's abstracts define, its long form: the
 * title "Approximate Nearest Neighbor Search with Window Filters" names the "ANN search" asked for.
 */
export function longFormHolds(snapshot: LibrarySnapshot, topic: string): (stem: string, has: (term: string) => boolean) => boolean {
  // The acronym as the question wrote it: stemming reads its last "s" as a plural's ("NAS" is "na", itself the
  // library's acronym for neighborhood attention).
  const written = new Map(words(topic).map((word) => [searchStem(word), word]));
  const usage = phraseUsage(snapshot.text);
  return (stem, has) => {
    if (has(stem)) return true;
    const acronym = snapshot.acronyms.lookup(written.get(stem) ?? stem, usage);
    const long = acronym ? questionTerms(acronym.long) : [];
    return long.length > 1 && long.every(has);
  };
}
