/**
 * `npm run eval`: retrieval, abstention, lookup and answer quality on the
 * project's own labelled set (test/eval/) and, when ../shared/eval is there,
 * on every shared development set and CSFCube, each beside plain BM25 run in
 * the same process. Flags: `--shared DIR`, `--skip-own`, `--misses` (list the
 * tuned half's misses), `--held-out-misses`, `--tuned-only`.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadConfig } from "../src/config.ts";
import type { Embedder } from "../src/embed/embedder.ts";
import { createEmbedder } from "../src/embed/create.ts";
import { Library } from "../src/library/library.ts";
import { formatCsfcube, hasCsfcube, runCsfcube, csfcubeCorpusPath } from "./eval/csfcube.ts";
import { buildLibraryFrom } from "./eval/library.ts";
import { answerSummary, runEval, type LookupOutcome, type Scored } from "./eval/run.ts";
import { formatSetMisses, formatSetReport, type Half, runSharedSet, sharedSets } from "./eval/shared-set.ts";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const SHARED = args.includes("--shared") ? args[args.indexOf("--shared") + 1]! : join(import.meta.dirname, "..", "..", "shared", "eval");
const TODAY = new Date("2026-11-22T12:00:00Z");
/** Question sets written by reviewers before running the bot, over the seed papers (test/eval/review-sets/README.md). */
const REVIEW_SETS = join(import.meta.dirname, "..", "test", "eval", "review-sets");
/** `--tuned-only` keeps the held-out halves unseen while tuning. */
const HALVES: Half[] = flag("--tuned-only") ? ["tuned"] : ["tuned", "held-out"];

async function main(): Promise<void> {
  const embedder = await createEmbedder(loadConfig());
  if (!flag("--skip-own")) await ownSet(embedder);
  await sharedEval(embedder);
}

/** The shared development sets and CSFCube, when ../shared/eval is present. */
async function sharedEval(embedder: Embedder): Promise<void> {
  const sets = sharedSets(SHARED);
  if (sets.length > 0) {
    const corpus = JSON.parse(await readFile(join(SHARED, "corpus.json"), "utf8"));
    const built = await buildLibraryFrom([join(SHARED, "..", "seeds")], embedder, TODAY);
    try {
      const library = new Library(built.store, embedder);
      // The project's review sets are written against the same seed papers, so they share the library.
      const dirs = [...sets.map((name) => ({ name, dir: join(SHARED, name) })), ...sharedSets(REVIEW_SETS).map((name) => ({ name, dir: join(REVIEW_SETS, name) }))];
      for (const { name, dir } of dirs) {
        const report = await runSharedSet(dir, name, library, corpus, TODAY);
        console.log(`\n${formatSetReport(report, HALVES)}`);
        const halves = [...(flag("--misses") ? ["tuned" as const] : []), ...(flag("--held-out-misses") ? ["held-out" as const] : [])];
        if (halves.length > 0) console.log(formatSetMisses(report, halves));
      }
    } finally {
      await built.dispose();
    }
  }
  if (hasCsfcube(SHARED)) {
    const built = await buildLibraryFrom([csfcubeCorpusPath(SHARED)], embedder, TODAY);
    try {
      const library = new Library(built.store, embedder);
      console.log(`\n${formatCsfcube(await runCsfcube(SHARED, library, HALVES))}`);
      for (const form of ["title", "similar"] as const) console.log(formatCsfcube(await runCsfcube(SHARED, library, HALVES, form), form));
    } finally {
      await built.dispose();
    }
  }
}

async function ownSet(embedder: Embedder): Promise<void> {
  const report = await runEval(embedder);
  const questions = report.ours.length;
  console.log(`paperbot eval: ${report.papers} papers, ${questions} questions, ${report.lookups.length} lookups, embedder ${report.embedder}\n`);
  console.log("Retrieval (answerable questions; targets: nDCG@10 all >= 0.80, paraphrase >= 0.55)");
  const f = (value: number) => value.toFixed(3);
  console.log(
    table(
      ["kind", "n", "nDCG@10", "recall@10", "MRR", "BM25 nDCG@10", "BM25 recall@10", "BM25 MRR"],
      report.retrieval.map((row) => [row.group, String(row.n), f(row.ndcg), f(row.recall), f(row.mrr), f(row.bm25.ndcg), f(row.bm25.recall), f(row.bm25.mrr)]),
    ),
  );
  console.log("\nAbstention (targets: no absent topic reported as covered; under 5% of answerable ones reported as not covered)");
  console.log(table(["kind", "n", "reported as covered", "target"], abstentionRows(report.ours)));
  console.log("\nLookup by name (targets: top-1 accuracy >= 98%, every no-match correct)");
  console.log(table(["kind", "n", "correct", "share"], lookupRows(report.lookups)));
  const answers = answerSummary(report.answers);
  console.log("\nAnswers (offline extractive; targets: >= 95% of answerable questions cite a squarely relevant paper, every absent topic not found)");
  console.log(
    table(
      ["measure", "value"],
      [
        ["citations pointing to relevant papers (grade >= 1)", `${pct(answers.relevantCitationShare * answers.citations, answers.citations)} of ${answers.citations}`],
        ["citations pointing to squarely relevant papers", `${pct(answers.squareCitationShare * answers.citations, answers.citations)}`],
        ["answerable questions citing a squarely relevant paper", `${answers.citingSquarely}/${answers.answerable} (${pct(answers.citingSquarely, answers.answerable)})`],
        ...answers.missed.map((question) => ["  not citing one", question]),
        ["absent topics answered as not found", `${answers.absentNotFound}/${answers.absent}`],
      ],
    ),
  );
}

function abstentionRows(ours: Scored[]): string[][] {
  const answerable = ours.filter((entry) => entry.question.kind !== "absent");
  const absent = ours.filter((entry) => entry.question.kind === "absent");
  const covered = (entries: Scored[]) => entries.filter((entry) => entry.relevant).length;
  const row = (label: string, entries: Scored[], target: string) => [label, String(entries.length), `${covered(entries)} (${pct(covered(entries), entries.length)})`, target];
  return [
    row("answerable", answerable, "> 95%"),
    row("  held out", answerable.filter((entry) => entry.question.heldOut), ""),
    row("absent", absent, "0"),
    row("  held out", absent.filter((entry) => entry.question.heldOut), ""),
    ...[...absent, ...answerable].filter((entry) => entry.relevant === (entry.question.kind === "absent")).map((entry) => ["  wrong", "", entry.question.question, ""]),
  ];
}

function lookupRows(results: LookupOutcome[]): string[][] {
  const kinds = [...new Set(results.map((result) => result.entry.kind))];
  const row = (label: string, subset: LookupOutcome[]) => {
    const correct = subset.filter((result) => result.correct).length;
    return [label, String(subset.length), String(correct), pct(correct, subset.length)];
  };
  return [
    ...kinds.map((kind) => row(kind, results.filter((result) => result.entry.kind === kind))),
    row("all", results),
    row("  held out", results.filter((result) => result.entry.heldOut)),
    ...results.filter((result) => !result.correct).map((result) => ["  wrong", "", `${result.entry.query} → ${result.got.slice(0, 70)}`, ""]),
  ];
}

function pct(part: number, whole: number): string {
  return `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd();
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

await main();
