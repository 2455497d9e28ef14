import { z } from "zod";
import { oneLine, readableAbstract, splitSentences } from "../papers/text.ts";
import { fillTemplate } from "../prompt-templates.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { structuredCall, type StepModel } from "./llm-call.ts";
import type { SearchResult } from "./search-result.ts";
import { SETTINGS } from "./settings.ts";

/** The model's relevance grade per paper id; a paper it did not grade is absent. */
export type Grades = Map<string, boolean>;

const GradeSchema = z.object({
  grades: z.array(z.object({ n: z.coerce.number().int(), relevant: z.boolean() })),
});

/**
 * Grades the candidates for relevance in one listwise call: each is shown
 * as its number, title and the start of its abstract. Numbers the model
 * invents are ignored and a number graded twice keeps its first grade.
 */
export async function gradeCandidates(model: StepModel, question: string, candidates: StoredPaper[]): Promise<Grades> {
  const listed = candidates.map((paper, index) => `[${index + 1}] ${oneLine(paper.title)}\n${opening(paper.abstract)}`).join("\n\n");
  const messages = [
    { role: "system" as const, content: fillTemplate("grade.system.md", {}) },
    { role: "user" as const, content: fillTemplate("grade.user.md", { question: oneLine(question), candidates: listed }) },
  ];
  const { grades } = await structuredCall("grading", model, messages, GradeSchema);
  const byId: Grades = new Map();
  for (const { n, relevant } of grades) {
    const paper = candidates[n - 1];
    if (paper && !byId.has(paper.id)) byId.set(paper.id, relevant);
  }
  return byId;
}

/** The first sentences of an abstract, cut to a length that keeps a dozen candidates in one small request. */
function opening(abstract: string): string {
  const text = splitSentences(oneLine(readableAbstract(abstract))).slice(0, SETTINGS.llm.gradeSentences).join(" ");
  return text.length > SETTINGS.llm.gradeChars ? `${text.slice(0, SETTINGS.llm.gradeChars).replace(/\s+\S*$/, "")} …` : text;
}

/**
 * The search result with the model's grades applied: a graded paper is
 * relevant exactly when the model says so, an ungraded one keeps its
 * offline judgement, and at most `answer.maxPapers` are cited, best ranked
 * first. The decision follows: nothing relevant means the library does not
 * cover the question; a paper the model vouches for means it does.
 */
export function applyGrades(result: SearchResult, grades: Grades): SearchResult {
  if (grades.size === 0) return result;
  let kept = 0;
  const results = result.results.map((hit) => {
    const relevant = (grades.get(hit.paper.id) ?? hit.relevant) && kept < SETTINGS.answer.maxPapers;
    if (relevant) kept++;
    return { ...hit, relevant };
  });
  const vouched = results.some((hit) => hit.relevant && grades.get(hit.paper.id) === true);
  const decision = kept === 0 ? "no" : vouched ? "yes" : result.verdict.decision;
  return { ...result, results, relevant: decision !== "no", verdict: { ...result.verdict, decision } };
}
