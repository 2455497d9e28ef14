import { isStopword, words } from "../embed/tokens.ts";

/** The topic's own words, minus stopwords and numbers: what expansion starts from. */
export function contentWords(topic: string): string[] {
  return words(topic).filter((word) => word.length > 2 && !isStopword(word) && !/^\d/.test(word));
}
