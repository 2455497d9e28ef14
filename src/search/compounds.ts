import { words } from "../embed/tokens.ts";
import { isQuestionStopword } from "./query-stopwords.ts";
import type { TextIndex, QueryTerm } from "./text-index.ts";
import { searchStem } from "./stem.ts";

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
