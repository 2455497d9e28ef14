import { termsOf, words } from "../embed/tokens.ts";
import { nameParts } from "./name-parts.ts";
import { searchStem } from "./stem.ts";
import type { StoredPaper } from "../store/paper-store.ts";

/** A paper's title and abstract as content terms (stopwords dropped, as `contentTerms` gives them), tokenized once. */
export type PaperTerms = {
  /** Content terms of title and abstract, in order, each field's name parts (see `nameParts`) after its words. */
  terms: string[];
  /** Content terms of the title alone (the first of `terms`), its name parts last. */
  titleTerms: string[];
  /** Where each field's name parts begin in `terms` (title, abstract): they are words of the paper, but in no phrase. */
  partsFrom: [number, number];
};

export function paperTerms(paper: Pick<StoredPaper, "title" | "abstract">): PaperTerms {
  const titleWords = termsOf(words(paper.title), searchStem);
  const titleTerms = [...titleWords, ...termsOf(nameParts(paper.title), searchStem)];
  const abstractWords = termsOf(words(paper.abstract), searchStem);
  const terms = [...titleTerms, ...abstractWords, ...termsOf(nameParts(paper.abstract), searchStem)];
  return { terms, titleTerms, partsFrom: [titleWords.length, titleTerms.length + abstractWords.length] };
}
