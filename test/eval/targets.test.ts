import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { Library } from "../../src/library/library.ts";
import { csfcubeCorpusPath, hasCsfcube, runCsfcube, type CsfcubeOutcome } from "../../scripts/eval/csfcube.ts";
import { buildLibraryFrom, type EvalLibrary } from "../../scripts/eval/library.ts";
import { answerSummary, runEval, type EvalReport } from "../../scripts/eval/run.ts";
import { runSharedSet, sharedSets, type SetReport } from "../../scripts/eval/shared-set.ts";

/**
 * Quality floors held in CI so that a change cannot quietly lower them.
 * They are what `npm run eval` measures today, not the targets
 * (the closing notes say where those are not yet met).
 */
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

describe("eval floors: the project's own set (offline embedder)", () => {
  let report: EvalReport;
  beforeAll(async () => {
    report = await runEval(await LocalEmbedder.create());
  }, 120_000);
  const row = (group: string) => report.retrieval.find((entry) => entry.group === group)!;

  it("ranks above plain BM25 on every kind", () => {
    for (const kind of ["keyword", "paraphrase", "constraint", "all"]) expect(row(kind).ndcg, kind).toBeGreaterThanOrEqual(row(kind).bm25.ndcg);
    expect(row("all").ndcg).toBeGreaterThanOrEqual(0.68);
  });

  // This set's paraphrases are terse lay descriptions in everyday words ("AI that browses websites on its own",
  // "spotting unusual cases in medical scans"), which the relevance model, fitted on the shared and review sets, reads
  // like a named topic the library lacks: 6 of 78 are called not covered (the seed sets: 1.5%), so the floor here is
  // 8%, not the 5%.
  it("calls fewer than 8% of answerable questions not covered, and every absent topic", () => {
    const answerable = report.ours.filter((entry) => entry.question.kind !== "absent");
    expect(answerable.filter((entry) => !entry.relevant).length / answerable.length).toBeLessThan(0.08);
    expect(report.ours.filter((entry) => entry.question.kind === "absent" && entry.relevant).map((entry) => entry.question.question)).toEqual([]);
  });

  it("answers: at least 75% cite a squarely relevant paper", () => {
    const answers = answerSummary(report.answers);
    expect(answers.citingSquarely / answers.answerable).toBeGreaterThanOrEqual(0.75);
  });

  it("finds papers by name: top-1 >= 98%, every no-match correct", () => {
    const correct = report.lookups.filter((result) => result.correct).length;
    expect(correct / report.lookups.length).toBeGreaterThanOrEqual(0.98);
    expect(report.lookups.filter((result) => result.entry.expect === null && !result.correct)).toEqual([]);
  });
});

const SHARED = join(import.meta.dirname, "..", "..", "..", "shared", "eval");

const REVIEW_SETS = join(import.meta.dirname, "review-sets");

/**
 * Floors for question sets over the seed papers, pooled: every kind above
 * BM25, fewer than 5% of answerable questions called not covered, the
 * answers' citations, and lookups.
 */
function seedSetFloors(title: string, sets: () => { name: string; dir: string }[], floors: { ndcg: number; absentCaught: number; citesSquarely: number; citedRelevant: number; lookups: number }): void {
  describe.runIf(sharedSets(SHARED).includes("set1"))(title, () => {
    const today = new Date("2026-11-22T12:00:00Z");
    const reports: SetReport[] = [];
    let built: EvalLibrary;
    // Ninety-odd review sets over the seed library take about four minutes on a busy two-core machine: ten are allowed.
    beforeAll(async () => {
      const embedder = await LocalEmbedder.create();
      built = await buildLibraryFrom([join(SHARED, "..", "seeds")], embedder, today);
      const corpus = JSON.parse(await readFile(join(SHARED, "corpus.json"), "utf8"));
      for (const { name, dir } of sets()) reports.push(await runSharedSet(dir, name, new Library(built.store, embedder), corpus, today));
    }, 600_000);
    afterAll(() => built?.dispose());
    const answerable = () => reports.flatMap((report) => report.questions.filter((q) => !q.absent));
    const lookups = () => reports.flatMap((report) => report.lookups);

    it("ranks above plain BM25 on every kind", () => {
      for (const kind of new Set(answerable().map((q) => q.kind))) {
        const questions = answerable().filter((q) => q.kind === kind);
        expect(mean(questions.map((q) => q.ndcg)), kind).toBeGreaterThan(mean(questions.map((q) => q.bm25Ndcg)));
      }
      expect(mean(answerable().map((q) => q.ndcg))).toBeGreaterThanOrEqual(floors.ndcg);
    });

    it(`calls fewer than 5% of answerable questions not covered, and at least ${floors.absentCaught * 100}% of absent topics`, () => {
      expect(answerable().filter((q) => !q.relevant).length / answerable().length).toBeLessThan(0.05);
      const absent = reports.flatMap((report) => report.questions.filter((q) => q.absent));
      expect(absent.filter((q) => !q.relevant).length / absent.length).toBeGreaterThanOrEqual(floors.absentCaught);
    });

    it(`answers: at least ${floors.citesSquarely * 100}% cite a squarely relevant paper, at least ${floors.citedRelevant * 100}% of citations relevant`, () => {
      expect(answerable().filter((q) => q.citesSquarely).length / answerable().length).toBeGreaterThanOrEqual(floors.citesSquarely);
      const cited = answerable().reduce((sum, q) => sum + q.cited, 0);
      expect(answerable().reduce((sum, q) => sum + q.citedRelevant, 0) / cited).toBeGreaterThanOrEqual(floors.citedRelevant);
    });

    it(`finds papers by name: top-1 >= ${floors.lookups * 100}%, every no-match correct`, () => {
      expect(lookups().filter((l) => l.correct).length / lookups().length).toBeGreaterThanOrEqual(floors.lookups);
      expect(lookups().filter((l) => l.expected === null && !l.correct)).toEqual([]);
    });
  });
}

seedSetFloors("eval floors: shared set1, both halves", () => [{ name: "set1", dir: join(SHARED, "set1") }], { ndcg: 0.77, absentCaught: 0.4, citesSquarely: 0.9, citedRelevant: 0.72, lookups: 0.98 });

// The reviewers' sets, pooled: written from the abstracts before running the bot, each scored once fresh,
// and development data since (their misses drove fixes). Their corpus is the shared one.
seedSetFloors("eval floors: the review sets, pooled", () => sharedSets(REVIEW_SETS).map((name) => ({ name, dir: join(REVIEW_SETS, name) })), { ndcg: 0.77, absentCaught: 0.55, citesSquarely: 0.87, citedRelevant: 0.73, lookups: 0.98 });

describe.runIf(hasCsfcube(SHARED))("eval floors: CSFCube development half", () => {
  let outcomes: CsfcubeOutcome[];
  let byTitle: CsfcubeOutcome[];
  let built: EvalLibrary;
  beforeAll(async () => {
    const embedder = await LocalEmbedder.create();
    built = await buildLibraryFrom([csfcubeCorpusPath(SHARED)], embedder, new Date("2026-11-22T12:00:00Z"));
    outcomes = await runCsfcube(SHARED, new Library(built.store, embedder), ["tuned"]);
    byTitle = await runCsfcube(SHARED, new Library(built.store, embedder), ["tuned"], "title");
  }, 120_000);
  afterAll(() => built?.dispose());

  it("ranks above plain BM25 on the facet text", () => {
    expect(mean(outcomes.map((o) => o.ndcg))).toBeGreaterThan(mean(outcomes.map((o) => o.bm25Ndcg)));
  });

  it("ranks above plain BM25 when searched by the query paper's title", () => {
    expect(mean(byTitle.map((o) => o.ndcg))).toBeGreaterThan(mean(byTitle.map((o) => o.bm25Ndcg)) + 0.05);
  });
});
