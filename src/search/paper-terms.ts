import { stemmer } from "stemmer";
import { isStopword, words } from "../embed/tokens.ts";
import type { StoredPaper } from "../store/paper-store.ts";

/** A paper's title and abstract as content terms (stopwords dropped, as `contentTerms` gives them), tokenized once. */
export type PaperTerms = {
  /** Content terms of title and abstract, in order. */
  terms: string[];
  /** Content terms of the title alone (the first of `terms`). */
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
  // Content terms keep numbers as written and stem the rest, as contentTerms does.
  const contentOf = (text: string) => words(text).flatMap((word) => (isStopword(word) ? [] : [/^\d/.test(word) ? word : stemOf(word)]));
  const titleTerms = contentOf(paper.title);
  return { terms: [...titleTerms, ...contentOf(paper.abstract)], titleTerms };
}
