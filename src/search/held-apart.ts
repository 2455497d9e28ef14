import { words } from "../embed/tokens.ts";
import type { WordVectors } from "../embed/word-vectors/word-vectors.ts";
import { formTerms, splitTerms } from "./compounds.ts";
import { longFormHolds } from "./held-terms.ts";
import { isQuestionStopword } from "./query-stopwords.ts";
import type { ParsedQuestion } from "./question.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { searchStem } from "./stem.ts";
import { leastSpecificity } from "./word-specificity.ts";

/**
 * Whether the papers an answer cites hold a short "X for Y" only apart: some write X's key word, some Y's, none both
 * ("hyperbolic embeddings for recommender systems" answered from hyperbolic papers and recommender papers). The answer
 * then says none of them covers the whole. Each key word is the side's rarest, weighed by how specialised it is in
 * English at its most common form, and must be the library's own vocabulary (specialised, used by a few papers), so a
 * side in the asker's words ("medical scans") is never said to be left out. Only said, never a verdict: tried as one
 * ("no paper holds both, so absent"), it refused as many answerable questions as it caught absent topics held out.
 */
export function heldApart(question: ParsedQuestion, docs: number[], snapshot: LibrarySnapshot, vectors: WordVectors): boolean {
  const setting = question.setting;
  const { words: most, specialised, papers } = SETTINGS.relevance.heldApart;
  if (!setting || setting.alternatives.length > 1 || docs.length < 2 || words(question.topic).length > most) return false;
  const index = snapshot.text;
  const content = (text: string) => words(text.replace(/\([^)]*\)?/g, " ")).filter((word) => !isQuestionStopword(word) && !/\d/.test(word) && index.documentFrequency(searchStem(word)) > 0);
  const weight = (word: string) => index.idf(searchStem(word)) * leastSpecificity(vectors, word);
  const keyOf = (side: string[]) => (side.length === 0 ? undefined : side.reduce((a, b) => (weight(b) > weight(a) ? b : a)));
  const [head, asked] = [keyOf(content(setting.head)), keyOf(content(setting.words.join(" ")))];
  const known = (word: string | undefined): word is string => word !== undefined && leastSpecificity(vectors, word) >= specialised && index.documentFrequency(searchStem(word)) >= papers;
  if (!known(head) || !known(asked) || searchStem(head) === searchStem(asked)) return false;
  // A word is held as the papers write it too: "pretrained" by "pre-trained", "classifying" by "classification", an acronym by its long form.
  const holds = longFormHolds(snapshot, question.topic);
  const held = (doc: number, word: string) => [searchStem(word), ...[...splitTerms(word, index, 1), ...formTerms(word, index, 1)].map(({ term }) => term)].some((term) => holds(term, (written) => index.contains(doc, written)));
  const [withHead, withAsked] = [docs.filter((doc) => held(doc, head)), docs.filter((doc) => held(doc, asked))];
  return withHead.length > 0 && withAsked.length > 0 && !withHead.some((doc) => withAsked.includes(doc));
}
