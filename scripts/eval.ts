/**
 * `npm run eval`: retrieval, lookup and abstention quality on the labelled
 * set in test/eval/, with plain BM25 run in the same process for comparison.
 */
import { MultiMatchQuery } from "@lancedb/lancedb";
import { loadConfig } from "../src/config.ts";
import { createEmbedder } from "../src/embed/create.ts";
import { fromRow } from "../src/store/lance/schema.ts";
import { Library } from "../src/library/library.ts";
import { PaperLookup } from "../src/lookup/lookup.ts";
import type { StoredPaper } from "../src/store/paper-store.ts";
import { loadLookups, loadQuestions, titleResolver, type LabelledQuestion, type LabelledLookup } from "./eval/dataset.ts";
import { buildEvalLibrary } from "./eval/library.ts";
import { mean, ndcg, recall, reciprocalRank } from "./eval/metrics.ts";

type Scored = { question: LabelledQuestion; ranked: string[]; relevant: boolean };

const GROUPS: [string, (question: LabelledQuestion) => boolean][] = [
  ["keyword", (q) => q.kind === "keyword"],
  ["paraphrase", (q) => q.kind === "paraphrase"],
  ["  tuned on", (q) => q.kind === "paraphrase" && !q.heldOut],
  ["  held out", (q) => q.kind === "paraphrase" && q.heldOut],
  ["constraint", (q) => q.kind === "constraint"],
  ["all", (q) => q.kind !== "absent"],
];

function retrievalRows(ours: Scored[], baseline: Scored[]): string[][] {
  return GROUPS.map(([kind, belongs]) => {
    const pick = (scored: Scored[]) => scored.filter((entry) => belongs(entry.question));
    const metric = (scored: Scored[], fn: (ranked: string[], grades: Map<string, number>) => number) =>
      mean(pick(scored).map((entry) => fn(entry.ranked, entry.question.relevant))).toFixed(3);
    return [kind, String(pick(ours).length), metric(ours, ndcg), metric(ours, recall), metric(ours, reciprocalRank), metric(baseline, ndcg), metric(baseline, recall), metric(baseline, reciprocalRank)];
  });
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

function lookupRows(lookups: LabelledLookup[], papers: StoredPaper[]): string[][] {
  const lookup = new PaperLookup(papers);
  const resolve = titleResolver(papers);
  const results = lookups.map((entry) => {
    const found = lookup.find(entry.query);
    let correct: boolean;
    if (entry.expect === null) correct = found.match === null;
    else if (Array.isArray(entry.expect)) correct = found.match === null && entry.expect.every((title) => found.alternatives.some((paper) => paper.id === resolve(title)));
    else correct = found.match?.id === resolve(entry.expect);
    const got = found.match ? found.match.title : found.alternatives.length > 0 ? `ask: ${found.alternatives.map((paper) => paper.title.slice(0, 30)).join(" / ")}` : "no match";
    return { entry, correct, got };
  });
  const kinds = [...new Set(lookups.map((entry) => entry.kind))];
  const row = (label: string, subset: typeof results) => [label, String(subset.length), String(subset.filter((result) => result.correct).length), pct(subset.filter((result) => result.correct).length, subset.length)];
  return [
    ...kinds.map((kind) => row(kind, results.filter((result) => result.entry.kind === kind))),
    row("all (target 98%)", results),
    row("  held out", results.filter((result) => result.entry.heldOut)),
    row("no-match (target all)", results.filter((result) => result.entry.expect === null)),
    ...results.filter((result) => !result.correct).map((result) => ["  wrong", "", `${result.entry.query} → ${result.got.slice(0, 70)}`, ""]),
  ];
}

function pct(part: number, whole: number): string {
  return `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join("  ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

async function main(): Promise<void> {
  const config = loadConfig();
  const embedder = await createEmbedder(config);
  const today = new Date("2026-11-22T12:00:00Z");
  const library = await buildEvalLibrary(embedder, today);
  try {
    const papers = await library.store.list();
    const { now, questions } = await loadQuestions(papers);
    const search = new Library(library.store, embedder);

    const ours: Scored[] = [];
    const bm25: Scored[] = [];
    for (const question of questions) {
      const result = await search.search(question.question, { k: 10, today: now });
      ours.push({ question, ranked: result.results.map((hit) => hit.paper.id), relevant: result.relevant });
      const rows = await library.store.table!.query().fullTextSearch(new MultiMatchQuery(question.question, ["title", "abstract"])).limit(10).toArray();
      bm25.push({ question, ranked: rows.map((row) => fromRow(row).id), relevant: rows.length > 0 });
    }

    console.log(`paperbot eval: ${papers.length} papers, ${questions.length} questions, embedder ${embedder.id}\n`);
    console.log("Retrieval (answerable questions)");
    console.log(table(["kind", "n", "nDCG@10", "recall@10", "MRR", "BM25 nDCG@10", "BM25 recall@10", "BM25 MRR"], retrievalRows(ours, bm25)));
    console.log("\nAbstention");
    console.log(table(["kind", "n", "reported as covered", "target"], abstentionRows(ours)));
    console.log("\nLookup by name");
    console.log(table(["kind", "n", "correct", "share"], lookupRows(await loadLookups(), papers)));
  } finally {
    await library.dispose();
  }
}

await main();
