import { beforeAll, describe, expect, it } from "vitest";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { answerSummary, runEval, type EvalReport } from "../../scripts/eval/run.ts";

/** The quality targets of `npm run eval`, held in CI so that a change cannot quietly lower them. */
describe("eval targets (offline embedder)", () => {
  let report: EvalReport;
  beforeAll(async () => {
    report = await runEval(await LocalEmbedder.create());
  }, 120_000);

  const row = (group: string) => report.retrieval.find((entry) => entry.group === group)!;

  it("ranks well: nDCG@10 >= 0.80 overall and >= 0.55 on paraphrases", () => {
    expect(row("all").ndcg).toBeGreaterThanOrEqual(0.8);
    expect(row("paraphrase").ndcg).toBeGreaterThanOrEqual(0.55);
    expect(row("all").ndcg).toBeGreaterThan(row("all").bm25.ndcg);
  });

  it("reports every absent topic as not covered, and almost no answerable one", () => {
    const absent = report.ours.filter((entry) => entry.question.kind === "absent");
    const answerable = report.ours.filter((entry) => entry.question.kind !== "absent");
    expect(absent.filter((entry) => entry.relevant).map((entry) => entry.question.question)).toEqual([]);
    expect(answerable.filter((entry) => !entry.relevant).length / answerable.length).toBeLessThan(0.05);
  });

  it("answers: >= 95% of answerable questions cite a squarely relevant paper, every absent topic is not found", () => {
    const answers = answerSummary(report.answers);
    expect(answers.citingSquarely / answers.answerable).toBeGreaterThanOrEqual(0.95);
    expect(answers.absentNotFound).toBe(answers.absent);
  });

  it("finds papers by name: top-1 >= 98%, every no-match correct", () => {
    const correct = report.lookups.filter((result) => result.correct).length;
    expect(correct / report.lookups.length).toBeGreaterThanOrEqual(0.98);
    expect(report.lookups.filter((result) => result.entry.expect === null && !result.correct)).toEqual([]);
  });
});
