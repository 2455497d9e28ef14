import { words } from "../embed/tokens.ts";
import { isQuestionStopword } from "./query-stopwords.ts";
import type { TextIndex, QueryTerm } from "./text-index.ts";
import { searchStem } from "./stem.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import type { WordVectors } from "../embed/word-vectors/word-vectors.ts";

/**
 * Two adjacent words of the question that the library writes as one
 * ("flash attention" for FlashAttention, "mobile net" for MobileNet), as
 * that one word, at `weight` (a second spelling of the question's own
 * words, not more evidence): the index only knows the form the papers use.
 */
export function joinedTerms(topic: string, index: TextIndex, weight: number): QueryTerm[] {
  const found = new Map<string, number>();
  const tokens = words(topic);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [first, second] = [tokens[i]!, tokens[i + 1]!];
    if (isQuestionStopword(first) || isQuestionStopword(second) || /\d/.test(first + second)) continue;
    const joined = searchStem(first + second);
    if (index.documentFrequency(joined) === 0) continue;
    found.set(joined, weight);
    // A version after it ("flash attention 2") pairs with the joined word as the title writes it (FlashAttention-2).
    const next = tokens[i + 2];
    if (next && /^\d+$/.test(next) && index.documentFrequency(`${joined} ${next}`) > 0) found.set(`${joined} ${next}`, weight);
  }
  return [...found].map(([term, termWeight]) => ({ term, weight: termWeight }));
}

/** Every way to cut a word in two with at least three letters each side ("testtime" → … "test time" …). */
export function wordSplits(word: string): [string, string][] {
  const cuts: [string, string][] = [];
  for (let cut = 3; cut <= word.length - 3; cut++) cuts.push([word.slice(0, cut), word.slice(cut)]);
  return cuts;
}

/**
 * A word of the question that papers write as two ("pretrained" for
 * "pre-trained", "multimodal" for "multi-modal"), as that pair, at `weight`:
 * the index splits hyphenated words, so only the pair finds those papers.
 */
export function splitTerms(topic: string, index: TextIndex, weight: number): QueryTerm[] {
  const found = new Map<string, number>();
  for (const word of new Set(words(topic))) {
    if (word.length < 6 || /\d/.test(word) || isQuestionStopword(word)) continue;
    let best: { term: string; papers: number } | undefined;
    for (const [first, second] of wordSplits(word)) {
      if (isQuestionStopword(first) || isQuestionStopword(second)) continue;
      const term = `${searchStem(first)} ${searchStem(second)}`;
      const papers = index.documentFrequency(term);
      if (papers > 0 && papers > (best?.papers ?? 0)) best = { term, papers };
    }
    if (best) found.set(best.term, weight);
  }
  return [...found].map(([term, termWeight]) => ({ term, weight: termWeight }));
}

/**
 * The question with two words in a row written as the one word the papers use and never as the two
 * ("thunder kittens" → "thunderkittens"), or undefined when there is none: for a question nothing covers as
 * written, whose words apart ("kittens") no paper uses. Words the papers also write apart keep their reading.
 */
export function joinedQuestion(text: string, index: TextIndex): string | undefined {
  return joinedPairs(text, (a, b) => index.documentFrequency(searchStem(a + b)) > 0 && index.documentFrequency(`${searchStem(a)} ${searchStem(b)}`) === 0)?.text;
}

/**
 * The question with two words in a row written as the one word more of the library's papers write than the two
 * ("flash attention" → "flashattention": FlashAttention in eleven papers, "Flash Attention" in one), or undefined
 * when there is none. It is then the name the papers use, held as they write it, not two words each matched
 * apart ("flash" of VideoChat-Flash). At least two papers: one paper's spelling is no name of the library's.
 */
export function joinedAsPapersWrite(text: string, index: TextIndex): Joined | undefined {
  return joinedPairs(text, (a, b) => {
    const papers = index.documentFrequency(searchStem(a + b));
    return papers >= 2 && papers > index.documentFrequency(`${searchStem(a)} ${searchStem(b)}`);
  });
}

/** A text with pairs of words joined: `joins` maps each word made to the pair as the text wrote it ("flashattention" → "Flash Attention"). */
export type Joined = { text: string; joins: Map<string, string> };

/**
 * The text with each two words in a row (apart by spaces or a hyphen, neither a stopword) that `joins` accepts
 * written as one, lowercase; undefined when none is. Every word is tried with the next, so "on flash attention"
 * reaches "flash attention" after passing over "on flash".
 */
function joinedPairs(text: string, joins: (first: string, second: string) => boolean): Joined | undefined {
  const tokens = [...text.matchAll(/\p{L}+/gu)];
  const made = new Map<string, string>();
  let joined = "";
  let from = 0;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [first, second] = [tokens[i]!, tokens[i + 1]!];
    const [a, b] = [first[0].toLowerCase(), second[0].toLowerCase()];
    if (!/^[\s-]+$/.test(text.slice(first.index + first[0].length, second.index))) continue;
    if (isQuestionStopword(a) || isQuestionStopword(b) || !joins(a, b)) continue;
    joined += text.slice(from, first.index) + a + b;
    made.set(a + b, text.slice(first.index, second.index + second[0].length));
    from = second.index + second[0].length;
    i++;
  }
  return from > 0 ? { text: joined + text.slice(from), joins: made } : undefined;
}

/**
 * A word of the question in a form whose Porter stem the papers' form of it does not share, as the papers' stem, at
 * `weight`: a verb whose "-ition" noun they write ("recognising" → "recognit", for "Activity Recognition"), and an
 * "-ify" verb or its "-ification" noun ("classifying" → "classif", "classification" → "classifi").
 */
export function formTerms(topic: string, index: TextIndex, weight: number): QueryTerm[] {
  const found = new Map<string, number>();
  for (const word of new Set(words(topic))) {
    if (isQuestionStopword(word)) continue;
    const stem = searchStem(word);
    const forms = [
      ...(/(?:ing|ize|izes|ized|ise|ises|ised|e|es|ed)$/.test(word) ? [`${stem}it`] : []),
      ...(/(?:ify|ifies|ified|ifying)$/.test(word) ? [stem.replace(/i$/, "")] : []),
      ...(/ifications?$/.test(word) ? [`${stem}i`] : []),
    ];
    for (const form of forms) if (form !== stem && stem.length >= 5 && form.length >= 5 && index.documentFrequency(form) > 0) found.set(form, weight);
  }
  return [...found].map(([term, termWeight]) => ({ term, weight: termWeight }));
}

/**
 * A word of the question cut short, as the papers' longer word it begins that general English puts close in meaning
 * (word-vector cosine at least `minSimilarity`), at `weight`: "math" for "Mathematical", "info" for "information";
 * only a word at least three letters longer, with a stem of its own, that two or more papers use.
 */
export function longerForms(topic: string, snapshot: LibrarySnapshot, vectors: WordVectors, weight: number, minSimilarity: number): QueryTerm[] {
  const found = new Map<string, number>();
  for (const word of new Set(words(topic))) {
    const row = vectors.row(word);
    if (row === undefined || word.length < 4 || isQuestionStopword(word) || /\d/.test(word)) continue;
    for (const whole of snapshot.lookup.completions(word)) {
      const stem = searchStem(whole);
      const other = vectors.row(whole);
      if (whole.length < word.length + 3 || stem === searchStem(word) || other === undefined || snapshot.text.documentFrequency(stem) < 2) continue;
      if (vectors.similarity(row, other) >= minSimilarity) found.set(stem, weight);
    }
  }
  return [...found].map(([term, termWeight]) => ({ term, weight: termWeight }));
}

