import { stemmer } from "stemmer";
import { words } from "../../embed/tokens.ts";
import data from "./ml-glossary.json" with { type: "json" };

type Concept = { terms: string[]; cues: string[][] };

/**
 * Bridges everyday words to the field's terms ("fewer bits" → quantization,
 * "specialist sub-networks" → mixture-of-experts), which no amount of
 * lexical matching can do and general-purpose word vectors do poorly.
 */
export class Glossary {
  readonly #concepts: { terms: string[]; cues: string[][] }[];

  constructor(concepts: Concept[] = data.concepts) {
    this.#concepts = concepts.map((concept) => ({ terms: concept.terms, cues: concept.cues.map((cue) => cue.map(stemWord)) }));
  }

  /** The field's terms for every concept whose cue appears in the question, and the (stemmed) question words those cues used. */
  match(question: string): { terms: string[]; cueStems: Set<string> } {
    const present = new Set(words(question).map(stemWord));
    const terms = new Set<string>();
    const cueStems = new Set<string>();
    for (const concept of this.#concepts) {
      const cues = concept.cues.filter((cue) => cue.every((stem) => present.has(stem)));
      if (cues.length === 0) continue;
      concept.terms.forEach((term) => terms.add(term));
      cues.flat().forEach((stem) => cueStems.add(stem));
    }
    return { terms: [...terms], cueStems };
  }
}

function stemWord(word: string): string {
  return stemmer(word.toLowerCase());
}
