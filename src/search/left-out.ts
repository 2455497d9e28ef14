import { escapeRegExp } from "../papers/text.ts";
import { words } from "../embed/tokens.ts";
import type { WordVectors } from "../embed/word-vectors/word-vectors.ts";
import { splitTerms } from "./compounds.ts";
import { heldApart } from "./held-apart.ts";
import { longFormHolds, spellings } from "./held-terms.ts";
import { isQuestionStopword } from "./query-stopwords.ts";
import { questionPhrases } from "./query-terms.ts";
import type { ParsedQuestion } from "./question.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { isBackground, isCollocation, namedApart, rarestOf } from "./topic-evidence.ts";
import { searchStem } from "./stem.ts";
import { isManner, specificity } from "./word-specificity.ts";

/* The part of a question the papers leave out: said in an answer ("none of them mentions speech recognition"), and read by the relevance verdict (relevance.ts). */

/**
 * What of the question none of `docs` (the papers an answer cites) holds,
 * as the question wrote it: phrases other papers in the library use
 * ("speech recognition" in "KV cache compression for speech
 * recognition"), and the setting it is asked for, so the answer can say
 * which part it leaves out.
 */
export function missingIn(question: ParsedQuestion, docs: number[], snapshot: LibrarySnapshot, vectors: WordVectors): string[] {
  const index = snapshot.text;
  const held = (term: string) => docs.some((doc) => index.contains(doc, term));
  // "hyperparameter tuning" is held by a title's "Hyper-Parameter Tuning": a word of the pair written as two.
  const heldSpelt = (pair: string) => held(pair) || docs.some((doc) => spellings(pair).some((parts) => parts.every((part) => index.contains(doc, part))));
  const pairs = new Set(question.parts.mainPairs);
  const phrases = questionPhrases(question.topic)
    .filter((phrase) => pairs.has(phrase.term) && isCollocation(phrase.term, index) && !isBackground(phrase.term, index) && !heldSpelt(phrase.term))
    .map((phrase) => phrase.words);
  // A setting's words count only if other papers use them: a word no paper uses is the asker's own wording
  // ("curved spaces" for hyperbolic ones) more often than a part the library lacks, which the verdict weighs.
  const elsewhere = (word: string) => index.documentFrequency(searchStem(word)) > 0;
  // "nearest neighbours quickly", "for faster LLM generation": a manner adverb ("quickly" of "quick") or a comparative
  // ("faster" of "fast") says how well, which papers put in figures, not a setting.
  const setting = question.setting;
  // (Its alternatives said as offered: "vision or multimodal models".)
  const said = setting?.alternatives.map((group) => group.filter((word) => !isManner(vectors, word.toLowerCase())).join(" ")).filter(Boolean).join(" or ");
  const facet = setting && { text: said!, words: setting.words.filter((word) => !isManner(vectors, word)) };
  // "KV cache compression for speech recognition": a setting none of the papers mentions at all is the part left out.
  // (A word held as the papers write it apart is held: "finetuning" by a title's "Fine-tuning"; an acronym by its long
  // form: "LLMs" by "Multimodal Large Language Models".)
  const holds = longFormHolds(snapshot, question.topic);
  const heldWord = (word: string) => holds(searchStem(word), held) || splitTerms(word, index, 1).some(({ term }) => held(term));
  // ("graph neural networks for drug discovery" over TempME's "Motif Discovery": its rarest word is what it asks.)
  const known = facet?.words.filter(elsewhere) ?? [];
  const rarestStem = known.length > 0 ? rarestOf(known.map(searchStem), snapshot) : undefined;
  const rarest = known.find((word) => searchStem(word) === rarestStem);
  const unheldFacet = facet && facet.words.length > 0 && facet.words.length <= 3 && (facet.words.every((word) => !heldWord(word) && elsewhere(word)) || (rarest !== undefined && !heldWord(rarest))) ? [facet.text] : [];
  // So is what is asked in that setting (see headLeftOut).
  const headLeft = headLeftOut(question, heldWord, snapshot, docs[0], vectors);
  const unheldHead = headLeft ? [headLeft] : [];
  // A single word is not named: in reviews it was mostly the asker's own wording ("curved", "chatbot",
  // "tricks", "speeding"), and a missing word already lowers the verdict.
  // Nothing of it left out, but held only apart: the whole, as asked, is what none of them covers.
  const parts = [...unheldHead, ...unheldFacet, ...phrases];
  if (parts.length === 0 && heldApart(question, docs, snapshot, vectors)) return [question.topic.trim()];
  return [...new Set(parts)];
}

/**
 * What a short "X for Y" question asks in its setting, X, when X is two or three words and none of the papers holds
 * its key word: "weather forecasting" with graph neural networks, over papers on graphs alone; "curriculum learning",
 * which no paper writes. The key word is the rarest weighed by how specialised it is in English ("running" in
 * "running LLM inference on CPUs" is rare in abstracts, but the asker's wording), never an everyday word nor one a good
 * share of the library writes. Only in a question of a few words: in a longer one the part before "for" is a
 * description in the asker's own words, and an aside ("sparse autoencoders (SAEs)") is not asked apart.
 */
export function headLeftOut(question: ParsedQuestion, held: (word: string) => boolean, snapshot: LibrarySnapshot, best: number | undefined, vectors: WordVectors): string | undefined {
  const index = snapshot.text;
  const setting = question.setting;
  if (!setting || words(question.topic).length > SETTINGS.relevance.missingHeadWords) return undefined;
  const head = words(setting.head.replace(/\([^)]*\)?/g, " ")).filter((word) => !isQuestionStopword(word) && !/\d/.test(word));
  if (head.length < 2 || head.length > 3) return undefined;
  // (A word no paper uses has the highest IDF of all. A word of the library's background, "computing" in "brain-inspired
  // computing", is no key: best papers lacking it say little.)
  const weight = (word: string) => index.idf(searchStem(word)) * specificity(vectors, word);
  const key = head.reduce((a, b) => (weight(b) > weight(a) ? b : a));
  // ("automated program repair" with LLMs: words the papers use, but never two of them in a row, nor all in the best
  // paper. Not a deed: "finding nested communities" is the asker's description, and "papers combine hierarchy with …"
  // says what the papers do.)
  const deed = head[0]!.endsWith("ing") || new RegExp(`\\b(?:papers?|works?|ones?)\\s+${escapeRegExp(head[0]!)}\\b`, "i").test(question.text);
  const named = !deed && namedApart(head.join(" "), snapshot);
  if (named && !(best !== undefined && head.every((word) => index.contains(best, searchStem(word))))) return setting.head;
  return specificity(vectors, key) > 0 && !isBackground(searchStem(key), index) && !held(key) ? setting.head : undefined;
}
