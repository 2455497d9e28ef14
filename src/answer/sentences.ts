import { contentTerms } from "../embed/tokens.ts";
import { neutralizeReferenceMarkers, splitSentences } from "../papers/text.ts";

/** Where the code or data can be had: never what a paper says about a question, whatever words it shares with it. */
const AVAILABILITY = /https?:\/\/|\bgithub\.com|\b(?:publicly|freely|open[- ]source[d]?) (?:available|released)|\b(?:is|are|will be|been) (?:made )?(?:available|released) at\b|\bavailable at\b/i;
const CONTRIBUTION = /\b(?:we (?:propose|present|introduce|develop|show|find|demonstrate)|this (?:paper|work)|our (?:method|approach|framework|results))\b/i;

/**
 * The sentences of an abstract that best answer a question: most of the
 * question's (weighted) words, then a statement of what the paper does, in
 * the abstract's own order so they read naturally.
 */
export function bestSentences(abstract: string, queryTerms: Map<string, number>, count: number): string[] {
  const sentences = splitSentences(neutralizeReferenceMarkers(abstract));
  const scored = sentences.map((sentence, index) => {
    const terms = new Set(contentTerms(sentence));
    let score = 0;
    for (const [term, weight] of queryTerms) if (terms.has(term)) score += weight;
    if (CONTRIBUTION.test(sentence)) score += 0.5;
    if (AVAILABILITY.test(sentence)) score -= 1000;
    // Very long or very short sentences read badly on their own.
    if (sentence.length < 40 || sentence.length > 400) score -= 1;
    return { sentence, index, score };
  });
  return scored
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, count)
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.sentence);
}
