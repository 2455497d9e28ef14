import { stemmer } from "stemmer";
import { isStopword, words } from "../embed/tokens.ts";
import type { StoredPaper } from "../store/paper-store.ts";

/**
 * A paper's title and abstract, tokenized once: its words, their stems,
 * and its content terms (stopwords dropped, as `contentTerms` gives them).
 */
export type PaperTerms = {
  /** Every word of title and abstract, lowercased, in order. */
  words: string[];
  /** Each word's stem, in order. */
  stems: string[];
  stemSet: Set<string>;
  /** Content terms of title and abstract, in order. */
  terms: string[];
  termSet: Set<string>;
  /** Content terms of the title alone. */
  titleTerms: string[];
};

/** Stems of the words seen so far: a library repeats the same few tens of thousands of words millions of times. */
const STEMS = new Map<string, string>();
const STEMS_KEPT = 500_000;

function stemOf(word: string): string {
  let stem = STEMS.get(word);
  if (stem === undefined) {
    if (STEMS.size >= STEMS_KEPT) STEMS.clear();
    stem = stemmer(word);
    STEMS.set(word, stem);
  }
  return stem;
}

export function paperTerms(paper: Pick<StoredPaper, "title" | "abstract">): PaperTerms {
  const titleWords = words(paper.title);
  const all = [...titleWords, ...words(paper.abstract)];
  const stems = all.map(stemOf);
  // Content terms keep numbers as written and stem the rest, as contentTerms does.
  const terms = all.flatMap((word, index) => (isStopword(word) ? [] : [/^\d/.test(word) ? word : stems[index]!]));
  const titleTerms = terms.slice(0, titleWords.filter((word) => !isStopword(word)).length);
  return { words: all, stems, stemSet: new Set(stems), terms, termSet: new Set(terms), titleTerms };
}
