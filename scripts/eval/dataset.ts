import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { normalizeTitle } from "../../src/papers/paper.ts";
import type { StoredPaper } from "../../src/store/paper-store.ts";

export const EVAL_DIR = join(import.meta.dirname, "..", "..", "test", "eval");

export type QuestionKind = "keyword" | "paraphrase" | "constraint" | "absent";
export type LabelledQuestion = { kind: QuestionKind; heldOut: boolean; question: string; relevant: Map<string, number> };
export type LabelledLookup = { kind: string; heldOut?: boolean; query: string; expect: string | null | string[] };

/** Resolves a unique title prefix to a paper id, failing loudly on a typo or an ambiguous prefix. */
export function titleResolver(papers: StoredPaper[]): (prefix: string) => string {
  return (prefix) => {
    const key = normalizeTitle(prefix);
    const exact = papers.filter((paper) => normalizeTitle(paper.title) === key);
    const matches = exact.length > 0 ? exact : papers.filter((paper) => normalizeTitle(paper.title).startsWith(key));
    if (matches.length !== 1) throw new Error(`eval label "${prefix}" matches ${matches.length} papers; make it a unique title prefix`);
    return matches[0]!.id;
  };
}

/** The day the project's own set was written as of ("now" in questions.json): its "this year" and "last two weeks" mean that day's. */
export async function ownSetNow(): Promise<Date> {
  return new Date(`${JSON.parse(await readFile(join(EVAL_DIR, "questions.json"), "utf8")).now}T12:00:00Z`);
}

export async function loadQuestions(papers: StoredPaper[]): Promise<{ now: Date; questions: LabelledQuestion[] }> {
  const raw = JSON.parse(await readFile(join(EVAL_DIR, "questions.json"), "utf8"));
  const resolve = titleResolver(papers);
  const questions = raw.questions.map((entry: { kind: QuestionKind; heldOut?: boolean; question: string; relevant: Record<string, number> }) => ({
    kind: entry.kind,
    heldOut: entry.heldOut ?? false,
    question: entry.question,
    relevant: new Map(Object.entries(entry.relevant).map(([title, grade]) => [resolve(title), grade])),
  }));
  return { now: new Date(`${raw.now}T12:00:00Z`), questions };
}

/** The question texts alone, for benchmarks over other libraries. */
export async function loadQuestionTexts(): Promise<string[]> {
  return JSON.parse(await readFile(join(EVAL_DIR, "questions.json"), "utf8")).questions.map((entry: { question: string }) => entry.question);
}

export async function loadLookups(): Promise<LabelledLookup[]> {
  return JSON.parse(await readFile(join(EVAL_DIR, "lookups.json"), "utf8")).lookups;
}
