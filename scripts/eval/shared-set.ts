/**
 * The development sets in ../shared/eval (set1, …): chat questions and
 * lookups written by reading the abstracts, never by running the bot.
 * Each set is split in two halves by position (even entries: the half we
 * tune on; odd entries: held out, looked at to check), and every figure is
 * reported per half beside plain BM25 from the same run.
 */
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Answerer } from "../../src/answer/answerer.ts";
import type { Library } from "../../src/library/library.ts";
import { mean, ndcg } from "./metrics.ts";
import { ReferenceBm25 } from "./reference-bm25.ts";

export type Half = "tuned" | "held-out";
type Topical = { id: string; question: string; kind: string; relevant: { title: string; grade: number }[] };
type Lookup = { id: string; query: string; expected_title: string | null };

export type SetQuestionOutcome = {
  id: string;
  half: Half;
  kind: string;
  question: string;
  absent: boolean;
  ndcg: number;
  bm25Ndcg: number;
  relevant: boolean;
  found: boolean;
  citesSquarely: boolean;
  cited: number;
  citedRelevant: number;
};
export type SetLookupOutcome = { id: string; half: Half; query: string; expected: string | null; got: string | null; correct: boolean };
export type SetReport = { name: string; questions: SetQuestionOutcome[]; lookups: SetLookupOutcome[] };

export const halfOf = (index: number): Half => (index % 2 === 0 ? "tuned" : "held-out");

/** Folders of ../shared/eval holding a question set. */
export function sharedSets(sharedDir: string): string[] {
  if (!existsSync(sharedDir)) return [];
  return readdirSync(sharedDir)
    .filter((name) => existsSync(join(sharedDir, name, "topical.json")))
    .sort();
}

export async function runSharedSet(setDir: string, name: string, library: Library, corpus: { title: string; abstract: string }[], today: Date): Promise<SetReport> {
  const topical: Topical[] = JSON.parse(await readFile(join(setDir, "topical.json"), "utf8"));
  const lookups: Lookup[] = existsSync(join(setDir, "lookup.json")) ? JSON.parse(await readFile(join(setDir, "lookup.json"), "utf8")) : [];
  const bm25 = new ReferenceBm25(corpus.map((paper) => `${paper.title} ${paper.title} ${paper.abstract}`));
  const answerer = new Answerer(library);

  const questions: SetQuestionOutcome[] = [];
  for (const [index, entry] of topical.entries()) {
    const grades = new Map(entry.relevant.map((label) => [label.title, label.grade]));
    const result = await library.search(entry.question, { k: 10, today });
    const reply = await answerer.ask(entry.question, { today });
    const cited = reply.citations.map((citation) => citation.title);
    questions.push({
      id: entry.id,
      half: halfOf(index),
      kind: entry.kind,
      question: entry.question,
      absent: entry.relevant.length === 0,
      ndcg: ndcg(result.results.map((hit) => hit.paper.title), grades),
      bm25Ndcg: ndcg(bm25.rank(entry.question, 10).map((i) => corpus[i]!.title), grades),
      relevant: result.relevant,
      found: reply.found,
      citesSquarely: reply.found && cited.some((title) => grades.get(title) === 2),
      cited: cited.length,
      citedRelevant: cited.filter((title) => grades.has(title)).length,
    });
  }
  const lookupOutcomes: SetLookupOutcome[] = [];
  for (const [index, entry] of lookups.entries()) {
    const found = await library.lookup(entry.query);
    const got = found.match?.title ?? null;
    lookupOutcomes.push({ id: entry.id, half: halfOf(index), query: entry.query, expected: entry.expected_title, got, correct: got === entry.expected_title });
  }
  return { name, questions, lookups: lookupOutcomes };
}

/** One table: per kind and half, our nDCG beside BM25, the relevance errors, lookups and answers. */
export function formatSetReport(report: SetReport, halves: Half[] = ["tuned", "held-out"]): string {
  if (halves.length === 1) report = { ...report, questions: report.questions.filter((q) => q.half === halves[0]), lookups: report.lookups.filter((l) => l.half === halves[0]) };
  const lines = [`Shared set ${report.name} (tuned = even entries, held-out = odd entries)`];
  const f = (value: number) => (Number.isNaN(value) ? "  -  " : value.toFixed(3));
  const kinds = [...new Set(report.questions.filter((q) => !q.absent).map((q) => q.kind))].sort();
  lines.push(`${"nDCG@10".padEnd(16)}${"tuned".padStart(8)}${"bm25".padStart(7)}${"held-out".padStart(10)}${"bm25".padStart(7)}${"all".padStart(8)}${"bm25".padStart(7)}`);
  for (const kind of [...kinds, "all"]) {
    const pick = (half?: Half) => report.questions.filter((q) => !q.absent && (kind === "all" || q.kind === kind) && (!half || q.half === half));
    const cell = (half?: Half) => `${f(mean(pick(half).map((q) => q.ndcg))).padStart(half === "held-out" ? 10 : 8)}${f(mean(pick(half).map((q) => q.bm25Ndcg))).padStart(7)}`;
    lines.push(`${kind.padEnd(16)}${cell("tuned")}${cell("held-out")}${cell()}`);
  }
  for (const half of halves) {
    const qs = report.questions.filter((q) => q.half === half);
    const answerable = qs.filter((q) => !q.absent);
    const absent = qs.filter((q) => q.absent);
    const lookups = report.lookups.filter((l) => l.half === half);
    const nulls = lookups.filter((l) => l.expected === null);
    const cited = answerable.reduce((sum, q) => sum + q.cited, 0);
    lines.push(
      `${half}: absent judged absent ${absent.filter((q) => !q.relevant).length}/${absent.length}; answerable judged absent ${answerable.filter((q) => !q.relevant).length}/${answerable.length}; ` +
        `lookup ${lookups.filter((l) => l.correct).length}/${lookups.length} (no-match ${nulls.filter((l) => l.correct).length}/${nulls.length}); ` +
        `answers cite grade-2 ${answerable.filter((q) => q.citesSquarely).length}/${answerable.length}, cited relevant ${f(answerable.reduce((sum, q) => sum + q.citedRelevant, 0) / Math.max(1, cited))}, absent not found ${absent.filter((q) => !q.found).length}/${absent.length}`,
    );
  }
  return lines.join("\n");
}

/** The misses, for reading (tuned half only unless asked, so the held-out half stays a check). */
export function formatSetMisses(report: SetReport, halves: Half[] = ["tuned"]): string {
  const lines: string[] = [];
  for (const q of report.questions.filter((q) => halves.includes(q.half))) {
    const bad = q.absent ? q.relevant || q.found : !q.relevant || !q.citesSquarely || q.ndcg < q.bm25Ndcg - 0.1;
    if (bad) lines.push(`  ${q.id} ndcg ${q.ndcg.toFixed(2)} (bm25 ${q.bm25Ndcg.toFixed(2)}) relevant=${q.relevant} cites=${q.citesSquarely} cited ${q.citedRelevant}/${q.cited}: ${q.question}`);
  }
  for (const l of report.lookups.filter((l) => halves.includes(l.half) && !l.correct)) lines.push(`  ${l.id} lookup ${JSON.stringify(l.query)} -> ${l.got}`);
  return lines.join("\n");
}
