import { ASK_ROUNDS, type SizeResult, type WarmResult } from "./phases.ts";
import type { Timing } from "./stats.ts";

/** `malloc`: MALLOC_ARENA_MAX as the CLI's processes got it (the launcher sets 2 on Linux unless the environment sets it). */
export type RunInfo = { date: string; commit: string; node: string; cpus: string; memoryGiB: number; malloc: string; loadBefore: number[]; loadAfter?: number[]; rounds: number; note?: string };

/** The issue's targets (issue 15), shown next to the figures. */
const TARGETS: Record<string, string> = {
  ingest: "100k < 60 s; 1M < 15 min",
  ingestRss: "100k < 1 GB; 1M < 2 GB",
  cold: "100k < 1 s; 1M < 2 s",
  search: "100k: median < 30, p95 < 60 ms; 1M: p95 < 150 ms",
  lookup: "p95 < 30 ms (100k)",
  overhead: "< 1.5×",
};

const size = (n: number) => (n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const mib = (value: number | undefined) => (value === undefined ? "–" : value >= 1024 ? `${(value / 1024).toFixed(1)} GiB` : `${value.toFixed(0)} MiB`);
const seconds = (value: number) => (value >= 120 ? `${Math.floor(value / 60)} min ${Math.round(value % 60)} s` : `${value.toFixed(1)} s`);
const timing = (t: Timing) => `${ms(t.median)} / ${ms(t.p95)}`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const warm = (w: WarmResult) => timing(w.timing);

/** One row per measurement, one column per size, as issue 15 tabulates them. */
export function markdownTable(results: SizeResult[]): string {
  const rows: [string, (r: SizeResult) => string, string?][] = [
    ["papers (JSONL size)", (r) => (r.ingest ? `${r.ingest.summary.papers ?? "?"} (${mib(r.corpusMiB)})` : `${r.size} (given library)`)],
    ["ingest wall (papers/s)", (r) => (r.ingest ? `${seconds(r.ingest.seconds)} (${Math.round(r.ingest.papersPerSecond)})` : "–"), TARGETS.ingest],
    ["ingest: writing batches / LanceDB indexes / search snapshot", (r) => (r.ingest ? ingestPhases(r.ingest) : "–")],
    ["ingest peak RSS", (r) => (r.ingest ? mib(r.ingest.peakRssMiB) : "–"), TARGETS.ingestRss],
    ["ingest from shards: wall (papers/s), peak RSS", (r) => (r.ingestShards ? `${r.ingestShards.shards} files: ${seconds(r.ingestShards.seconds)} (${Math.round(r.ingestShards.papersPerSecond)}), ${mib(r.ingestShards.peakRssMiB)}` : r.skipped.includes("shards") ? "skipped" : "–")],
    ["index build from scratch, each index (peak RSS)", (r) => (r.indexBuild ? `${seconds(r.indexBuild.seconds)}: ${Object.entries(r.indexBuild.perIndex).map(([column, s]) => `${column} ${seconds(s)}`).join(", ")} (${mib(r.indexBuild.peakRssMiB)})` : "skipped")],
    ["disk: after ingest / after queries", (r) => `${mib(r.diskMiB)} / ${mib(r.diskAfterQueriesMiB)}`],
    ["cold start to first answer, `search` (1st / 2nd run)", (r) => r.cold.search.map(ms).join(" / "), TARGETS.cold],
    ["cold start to first answer, `paper` (1st / 2nd run)", (r) => r.cold.paper.map(ms).join(" / "), TARGETS.cold],
    ["warm search median / p95", (r) => warm(r.warm.search), TARGETS.search],
    ["warm lookup (`paper`) median / p95", (r) => warm(r.warm.lookup), TARGETS.lookup],
    ["warm `ask` median / p95", (r) => warm(r.warm.ask)],
    ["first answer of a `--stdin` process (search / paper / ask)", (r) => [r.warm.search, r.warm.lookup, r.warm.ask].map((w) => ms(w.firstMs)).join(" / ")],
    ["peak RSS of a warm process (search / paper / ask)", (r) => [r.warm.search, r.warm.lookup, r.warm.ask].map((w) => mib(w.peakRssMiB)).join(" / ")],
    ["raw LanceDB full-text only, median / p95", (r) => timing(r.raw.fts)],
    ["raw LanceDB vector only, median / p95", (r) => timing(r.raw.vector)],
    ["raw LanceDB hybrid (RRF), median / p95", (r) => timing(r.raw.hybrid)],
    ["our search in the raw calls' process, median / p95", (r) => timing(r.raw.ours)],
    ["our search ÷ (raw full-text + raw vector), medians, in turns in one process", (r) => ratio(r.raw.ours.median, r.raw.fts.median + r.raw.vector.median), TARGETS.overhead],
    ["warm search over `--stdin` ÷ (raw full-text + raw vector), medians", (r) => ratio(r.warm.search.timing.median, r.raw.fts.median + r.raw.vector.median)],
    ["our search ÷ raw full-text (BM25), medians", (r) => ratio(r.warm.search.timing.median, r.raw.fts.median)],
    ["our lookup ÷ raw full-text (BM25), medians", (r) => ratio(r.warm.lookup.timing.median, r.raw.fts.median)],
    ["answered: searches with results / lookups matched / asks found", (r) => `${r.warm.search.answered} / ${r.warm.lookup.answered} / ${r.warm.ask.answered}`],
    ["errors in warm answers", (r) => String(r.warm.search.errors + r.warm.lookup.errors + r.warm.ask.errors)],
  ];
  const header = `| | ${results.map((r) => size(r.size)).join(" | ")} | target |`;
  const divider = `|---|${results.map(() => "---|").join("")}---|`;
  const body = rows.map(([label, cell, target]) => `| ${label} | ${results.map(cell).join(" | ")} | ${target ?? ""} |`);
  return [header, divider, ...body].join("\n");
}

export function markdownReport(info: RunInfo, results: SizeResult[]): string {
  const load = (values: number[] | undefined) => (values ? values.map((value) => value.toFixed(2)).join(", ") : "–");
  return [
    `# paperbot bench, ${info.date}`,
    "",
    `Commit ${info.commit}, Node ${info.node}, ${info.cpus}, ${info.memoryGiB.toFixed(0)} GiB RAM, MALLOC_ARENA_MAX ${info.malloc}; offline embedder; warm figures over ${info.rounds} rounds of the eval's questions and lookups (\`ask\`: ${Math.min(info.rounds, ASK_ROUNDS)}).`,
    `Load average (1, 5, 15 min) before: ${load(info.loadBefore)}; after: ${load(info.loadAfter)}.${info.note ? ` Also running: ${info.note}.` : ""}`,
    "",
    markdownTable(results),
    "",
    `Indexes (last size): ${results.at(-1)?.raw.indices.join("; ") ?? "–"}`,
    "",
  ].join("\n");
}

/** The ingest's wall time split by its own debug log; older ingests logged only their batches. */
function ingestPhases(ingest: NonNullable<SizeResult["ingest"]>): string {
  const { batchesSeconds, indexesSeconds } = ingest;
  if (batchesSeconds === undefined) return "– (no batch log)";
  if (indexesSeconds === undefined) return `${seconds(batchesSeconds)} / ${seconds(ingest.seconds - batchesSeconds)} (indexes and snapshot)`;
  return `${seconds(batchesSeconds)} / ${seconds(indexesSeconds - batchesSeconds)} / ${seconds(ingest.seconds - indexesSeconds)}`;
}
