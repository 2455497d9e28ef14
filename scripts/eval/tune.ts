/**
 * Development aid: scores retrieval setting variants on the TUNED halves
 * only (set1 and the review sets' even entries, CSFCube even queries, the
 * project's own set without its held-out questions),
 * building each library once. Usage:
 *   node scripts/eval/tune.ts '{"fusion":{"vectorWeight":0.3}}' '{"bm25":{"titleWeight":3}}'
 * Each argument is merged into SETTINGS for one run; no argument = current settings.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { Library } from "../../src/library/library.ts";
import { modelInput, type ModelInput } from "../../src/search/relevance-model.ts";
import { SETTINGS } from "../../src/search/settings.ts";
import { csfcubeCorpusPath, runCsfcube } from "./csfcube.ts";
import { loadQuestions } from "./dataset.ts";
import { buildEvalLibrary, buildLibraryFrom } from "./library.ts";
import { mean, ndcg } from "./metrics.ts";
import { halfOf, sharedSets } from "./shared-set.ts";

const SHARED = join(import.meta.dirname, "..", "..", "..", "shared", "eval");
const TODAY = new Date("2026-11-22T12:00:00Z");

function merge(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value && typeof value === "object" && !Array.isArray(value)) merge(target[key] as Record<string, unknown>, value as Record<string, unknown>);
    else target[key] = value;
  }
}

const embedder = await LocalEmbedder.create();
const seeds = await buildLibraryFrom([join(SHARED, "..", "seeds")], embedder, TODAY);
const own = await buildEvalLibrary(embedder);
const cube = await buildLibraryFrom([csfcubeCorpusPath(SHARED)], embedder, TODAY);
type Topical = { kind: string; question: string; relevant: { title: string; grade: number }[] };
/** The tuned halves of set1 and of the project's review sets, all over the seed papers. */
const REVIEW_SETS = join(import.meta.dirname, "..", "..", "test", "eval", "review-sets");
const seedSets = await Promise.all(
  [{ name: "set1", dir: join(SHARED, "set1") }, ...sharedSets(REVIEW_SETS).map((name) => ({ name, dir: join(REVIEW_SETS, name) }))].map(async ({ name, dir }) => ({
    name,
    questions: (JSON.parse(await readFile(join(dir, "topical.json"), "utf8")) as Topical[]).filter((_q, i) => halfOf(i) === "tuned"),
  })),
);
// The own set's held-out questions are never tuned on, like the shared sets' odd entries.
const ownSet = await loadQuestions(await own.store.list());
const ownAll = ownSet.questions.filter((q) => !q.heldOut);
const original = structuredClone(SETTINGS);
const fit = process.argv.includes("--fit");
const variants = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
type Signal = ModelInput;
/** `--described`: fit the second model, on the long questions alone (SETTINGS.relevance.described). */
const described = process.argv.includes("--described");
/** The signals `--fit` weighs: `--signals=a,b,c`, or those the model weighs today. */
const SIGNALS = (process.argv.find((arg) => arg.startsWith("--signals="))?.slice("--signals=".length).split(",") ??
  Object.keys(described ? SETTINGS.relevance.described.weights : SETTINGS.relevance.weights)) as Signal[];
type Row = { signals: number[]; answerable: boolean; label: string; p: number; wordiness: number };

for (const variant of variants.length > 0 ? variants : ["{}"]) {
  const rows: Row[] = [];
  merge(SETTINGS as unknown as Record<string, unknown>, structuredClone(original) as unknown as Record<string, unknown>);
  merge(SETTINGS as unknown as Record<string, unknown>, JSON.parse(variant));
  const seedLibrary = new Library(seeds.store, embedder);
  const seedLines: string[] = [];
  const cites = { good: 0, cited: 0, relevant: 0, answerable: 0 };
  const judge = (cited: string[], grades: Map<string, number>, relevant: boolean) => {
    cites.answerable++;
    if (relevant && cited.some((key) => grades.get(key) === 2)) cites.good++;
    cites.cited += cited.length;
    cites.relevant += cited.filter((key) => grades.has(key)).length;
  };
  for (const set of seedSets) {
    const byKind = new Map<string, number[]>();
    const absent = { ok: 0, of: 0 };
    const answerable = { refused: 0, of: 0 };
    for (const q of set.questions) {
      const result = await seedLibrary.search(q.question, { k: 10, today: TODAY });
      const v = result.verdict;
      rows.push({ signals: SIGNALS.map((name) => modelInput(v.signals, name)), answerable: q.relevant.length > 0, label: `${set.name} ${q.kind}: ${q.question}`, p: v.probability, wordiness: v.signals.wordiness });
      if (q.relevant.length === 0) {
        absent.of++;
        absent.ok += result.relevant ? 0 : 1;
        continue;
      }
      answerable.of++;
      answerable.refused += result.relevant ? 0 : 1;
      const grades = new Map(q.relevant.map((label) => [label.title, label.grade]));
      judge(result.results.filter((hit) => hit.relevant).map((hit) => hit.paper.title), grades, result.relevant);
      byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ndcg(result.results.map((hit) => hit.paper.title), grades)]);
    }
    const f = (values: number[]) => mean(values).toFixed(3);
    seedLines.push(
      `  ${set.name} tuned: ${[...byKind].map(([kind, values]) => `${kind} ${f(values)}`).join("  ")}  all ${f([...byKind.values()].flat())}  absent-ok ${absent.ok}/${absent.of} wrongly-absent ${answerable.refused}/${answerable.of}`,
    );
  }
  const ownLibrary = new Library(own.store, embedder);
  const ownByKind = new Map<string, number[]>();
  for (const q of ownAll) {
    const result = await ownLibrary.search(q.question, { k: 10, today: ownSet.now });
    const v = result.verdict;
    rows.push({ signals: SIGNALS.map((name) => modelInput(v.signals, name)), answerable: q.kind !== "absent", label: `own ${q.kind}: ${q.question}`, p: v.probability, wordiness: v.signals.wordiness });
    if (q.kind === "absent") continue;
    judge(result.results.filter((hit) => hit.relevant).map((hit) => hit.paper.id), q.relevant, result.relevant);
    ownByKind.set(q.kind, [...(ownByKind.get(q.kind) ?? []), ndcg(result.results.map((hit) => hit.paper.id), q.relevant)]);
  }
  const csf = await runCsfcube(SHARED, new Library(cube.store, embedder), ["tuned"]);
  const similar = await runCsfcube(SHARED, new Library(cube.store, embedder), ["tuned"], "similar");
  const f = (values: number[]) => mean(values).toFixed(3);
  console.log(
    `${variant}\n${seedLines.join("\n")}` +
      `\n  relevance, all tuned rows incl. own: ${rows.filter((r) => !r.answerable && r.p >= SETTINGS.relevance.unsureAbove).length} absent answered, ${rows.filter((r) => r.answerable && r.p < SETTINGS.relevance.unsureAbove).length} answerable refused of ${rows.length}` +
      `\n  answers (seed sets' tuned halves + own): cite grade-2 ${cites.good}/${cites.answerable}, cited relevant ${(cites.relevant / Math.max(1, cites.cited)).toFixed(3)} (${cites.cited} citations)` +
      `\n  own: ${[...ownByKind].map(([kind, values]) => `${kind} ${f(values)}`).join("  ")}\n  csfcube dev: ${f(csf.map((o) => o.ndcg))} (bm25 ${f(csf.map((o) => o.bm25Ndcg))}), as "similar to <title>": ${f(similar.map((o) => o.ndcg))}`,
  );
  if (fit) fitLogistic(described ? rows.filter((r) => r.wordiness >= SETTINGS.relevance.described.from) : rows);
}
await Promise.all([seeds.dispose(), own.dispose(), cube.dispose()]);

/** Class-balanced logistic regression with a little L2, by gradient descent; prints weights and the separation. */
function fitLogistic(rows: Row[]): void {
  const dims = rows[0]!.signals.length;
  const w = new Array<number>(dims + 1).fill(0);
  const positives = rows.filter((r) => r.answerable).length;
  const weightOf = (r: Row) => (r.answerable ? rows.length / (2 * positives) : rows.length / (2 * (rows.length - positives)));
  for (let step = 0; step < 20000; step++) {
    const grad = new Array<number>(dims + 1).fill(0);
    for (const r of rows) {
      const z = w[dims]! + r.signals.reduce((sum, x, i) => sum + x * w[i]!, 0);
      const error = (1 / (1 + Math.exp(-z)) - (r.answerable ? 1 : 0)) * weightOf(r);
      r.signals.forEach((x, i) => (grad[i]! += error * x));
      grad[dims]! += error;
    }
    for (let i = 0; i <= dims; i++) w[i]! -= 0.5 * (grad[i]! / rows.length + (i < dims ? 0.002 * w[i]! : 0));
  }
  console.log(`  fitted: ${SIGNALS.map((name, i) => `${name} ${w[i]!.toFixed(2)}`).join(" ")} bias ${w[dims]!.toFixed(2)}`);
  const scored = rows.map((r) => ({ ...r, q: 1 / (1 + Math.exp(-(w[dims]! + r.signals.reduce((sum, x, i) => sum + x * w[i]!, 0)))) })).sort((a, b) => a.q - b.q);
  const answerable = scored.filter((r) => r.answerable).length;
  for (const threshold of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4]) {
    console.log(`  threshold ${threshold}: answerable refused ${scored.filter((r) => r.answerable && r.q < threshold).length}/${answerable}, absent caught ${scored.filter((r) => !r.answerable && r.q < threshold).length}/${scored.length - answerable}`);
  }
  if (process.argv.includes("--rows")) for (const r of scored.slice(0, 200)) console.log(`  ${r.q.toFixed(3)} ${r.answerable ? "answerable" : "ABSENT    "} [${r.signals.map((x) => x.toFixed(2)).join(" ")}] ${r.label.slice(0, 110)}`);
}
