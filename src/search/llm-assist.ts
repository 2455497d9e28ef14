import type OpenAI from "openai";
import type { Logger } from "pino";
import type { StoredPaper } from "../store/paper-store.ts";
import { gradeCandidates, applyGrades, type Grades } from "./llm-grade.ts";
import { rewriteQuestion, type Rewrite } from "./llm-rewrite.ts";
import { parseQuestion } from "./question.ts";
import type { SearchOptions, SearchResult } from "./search-result.ts";
import { SETTINGS } from "./settings.ts";

/** What a language model adds to retrieval: the question in the library's words, and relevance grades for the best candidates. */
export interface RetrievalAssist {
  rewrite(question: string): Promise<Rewrite>;
  grade(question: string, candidates: StoredPaper[]): Promise<Grades>;
}

/** The assist over an OpenAI-compatible chat model; each call gets `timeoutMs` and no retries. */
export class LlmRetrievalAssist implements RetrievalAssist {
  readonly #model: { client: OpenAI; model: string; timeoutMs: number };

  constructor(client: OpenAI, options: { model: string; timeoutMs?: number }) {
    this.#model = { client, model: options.model, timeoutMs: options.timeoutMs ?? SETTINGS.llm.timeoutMs };
  }

  rewrite(question: string): Promise<Rewrite> {
    return rewriteQuestion(this.#model, question);
  }

  grade(question: string, candidates: StoredPaper[]): Promise<Grades> {
    return gradeCandidates(this.#model, question, candidates);
  }
}

type Search = (question: string, options: SearchOptions) => Promise<SearchResult>;

/** The result, and whether the model failed on the way (the result is then the offline one). */
export type AssistedResult = { result: SearchResult; modelFailed: boolean };

/**
 * Search with the model's help, within a budget of two calls (rewrite, then
 * grade), each with its own timeout. Any failure abandons the model for this
 * question and returns exactly what offline search returns, so the answer
 * falls back as a whole instead of mixing a half-assisted search with it.
 */
export async function assistedSearch(search: Search, assist: RetrievalAssist, question: string, options: SearchOptions, logger?: Logger): Promise<AssistedResult> {
  const offline = async (error: unknown): Promise<AssistedResult> => {
    logger?.warn({ err: error }, "language model failed during retrieval; searching offline");
    return { result: await search(question, options), modelFailed: true };
  };
  // "Papers like X" searches by X's own words, so a rewrite of the question would be ignored: spare the call.
  // A question with no topic ("papers from last month") lists papers in an order: there is nothing to rewrite or grade.
  const parsed = parseQuestion(question, options.today ?? new Date());
  if (parsed.listing) return { result: await search(question, options), modelFailed: false };
  const byExample = options.example !== undefined || parsed.similarTo !== undefined;
  let rewrite: Rewrite | undefined;
  try {
    rewrite = byExample ? undefined : await assist.rewrite(question);
  } catch (error) {
    return offline(error);
  }
  const result = await search(question, { ...options, k: Math.max(options.k ?? 10, SETTINGS.llm.gradeCandidates), ...(rewrite && { rewrite }) });
  if (result.results.length === 0) return { result, modelFailed: false };
  let grades: Grades;
  try {
    grades = await assist.grade(question, result.results.slice(0, SETTINGS.llm.gradeCandidates).map((hit) => hit.paper));
  } catch (error) {
    return offline(error);
  }
  logger?.debug({ rewrite, graded: grades.size, relevant: [...grades.values()].filter(Boolean).length }, "language model assisted retrieval");
  return { result: applyGrades(result, grades), modelFailed: false };
}
