import { termsOf, words } from "../embed/tokens.ts";
import { searchStem } from "./stem.ts";
import type { StoredPaper } from "../store/paper-store.ts";

/** A paper's title and abstract as content terms (stopwords dropped, as `contentTerms` gives them), tokenized once. */
export type PaperTerms = {
  /** Content terms of title and abstract, in order. */
  terms: string[];
  /** Content terms of the title alone (the first of `terms`). */
  titleTerms: string[];
};

export function paperTerms(paper: Pick<StoredPaper, "title" | "abstract">): PaperTerms {
  const titleTerms = termsOf(words(paper.title), searchStem);
  return { terms: [...titleTerms, ...termsOf(words(paper.abstract), searchStem)], titleTerms };
}
