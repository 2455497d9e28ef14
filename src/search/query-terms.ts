import { stemmer } from "stemmer";
import { words } from "../embed/tokens.ts";
import { isQuestionStopword } from "./query-stopwords.ts";
import { SETTINGS } from "./settings.ts";
import type { QueryTerm } from "./text-index.ts";

/** The parts of a topic, by how much they say about what is wanted. */
export type TopicParts = {
  /** Stems of the topic proper: what a relevant paper must be about. */
  main: string[];
  /** Stems of asides: parenthesised examples and aliases ("(LoRA, adapters)", "(SAE)"); support, never required. */
  aside: string[];
  /** Stems of what is contrasted away ("rather than decoding", "not text-only LLMs"). */
  contrast: string[];
  /** Weighted words and adjacent pairs for BM25. */
  terms: QueryTerm[];
};

const CONTRAST = /\b(?:rather than|instead of|as opposed to|not)\b([^,;.()]*)/g;

/** A question's content words, stemmed as the index stems them (numbers kept as written). */
export function questionTerms(text: string): string[] {
  return words(text)
    .filter((word) => !isQuestionStopword(word))
    .map((word) => (/^\d/.test(word) ? word : stemmer(word)));
}

/**
 * Splits a topic into its main words, its asides and what it contrasts
 * away, and weighs each: people put examples and acronyms in parentheses
 * and the thing they do not want after "rather than", and neither should
 * count as much as the topic itself.
 */
export function topicParts(topic: string): TopicParts {
  const asides: string[] = [];
  const contrasts: string[] = [];
  const main = topic
    .replace(/\(([^)]*)\)?/g, (_all, inner: string) => {
      asides.push(inner);
      return " , ";
    })
    .replace(CONTRAST, (_all, rest: string) => {
      contrasts.push(rest);
      return " , ";
    });
  const { aside, contrast } = SETTINGS.queryWeights;
  const weights = new Map<string, number>();
  const add = (segments: string[], weight: number) => {
    for (const segment of segments) {
      // Commas and slashes separate alternatives; a phrase never spans them.
      for (const piece of segment.split(/[,;/]|\bor\b|\band\b/)) {
        const stems = questionTerms(piece);
        stems.forEach((stem, i) => {
          weights.set(stem, Math.max(weights.get(stem) ?? 0, weight));
          if (i > 0) weights.set(`${stems[i - 1]} ${stem}`, Math.max(weights.get(`${stems[i - 1]} ${stem}`) ?? 0, weight));
        });
      }
    }
  };
  add(contrasts, contrast);
  add(asides, aside);
  add([main], 1);
  const mainStems = [...new Set(questionTerms(main))];
  return {
    main: mainStems,
    aside: [...new Set(asides.flatMap((text) => questionTerms(text)))].filter((stem) => !mainStems.includes(stem)),
    contrast: [...new Set(contrasts.flatMap((text) => questionTerms(text)))].filter((stem) => !mainStems.includes(stem)),
    terms: [...weights].filter(([, weight]) => weight > 0).map(([term, weight]) => ({ term, weight })),
  };
}
