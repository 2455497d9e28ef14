import { z } from "zod";
import { fillTemplate } from "../prompt-templates.ts";
import { oneLine } from "../papers/text.ts";
import { structuredCall, type StepModel } from "./llm-call.ts";
import { questionPairs, questionTerms } from "./query-terms.ts";
import { SETTINGS } from "./settings.ts";
import type { QueryTerm } from "./text-index.ts";

/** The question in the library's vocabulary: words a relevant paper would use, and its facets when it asks for two things. */
export type Rewrite = { terms: string[]; facets: string[] };

const Phrase = z.string().trim().min(1).max(120);
// Extra entries are cut rather than refused: a model that is generous with synonyms is not broken.
const RewriteSchema = z.object({
  terms: z.array(Phrase).default([]).transform((terms) => terms.slice(0, SETTINGS.llm.maxTerms)),
  facets: z.array(Phrase).default([]).transform((facets) => facets.slice(0, SETTINGS.llm.maxFacets)),
});

/** Asks the model, in one call, for the question's vocabulary and facets. The model sees the question and nothing else. */
export function rewriteQuestion(model: StepModel, question: string): Promise<Rewrite> {
  const messages = [
    { role: "system" as const, content: fillTemplate("rewrite.system.md", {}) },
    { role: "user" as const, content: fillTemplate("rewrite.user.md", { question: oneLine(question) }) },
  ];
  return structuredCall("rewrite", model, messages, RewriteSchema);
}

/**
 * The rewrite as extra BM25 terms, weighted below the user's own words and
 * never replacing them: a term the question already has keeps its own
 * weight, so the model can add vocabulary but cannot reweigh the question.
 */
export function rewriteQueryTerms(rewrite: Rewrite, own: QueryTerm[]): QueryTerm[] {
  const taken = new Set(own.map((term) => term.term));
  const added: QueryTerm[] = [];
  for (const phrase of [...rewrite.terms, ...rewrite.facets]) {
    for (const term of [...questionTerms(phrase), ...questionPairs(phrase)]) {
      if (taken.has(term)) continue;
      taken.add(term);
      added.push({ term, weight: SETTINGS.llm.rewriteWeight });
    }
  }
  return added;
}
