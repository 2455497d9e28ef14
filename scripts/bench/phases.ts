import { readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LineSession, runChild } from "./child.ts";
import type { SeedPaper } from "./corpus.ts";
import { summarize, type Timing } from "./stats.ts";
import { writeCorpus } from "./write-corpus.ts";

const EVAL_DIR = join(import.meta.dirname, "..", "..", "test", "eval");
/** What `npm run demo` asks: one question and one paper name, each started cold this many times (the first may build caches). */
const COLD_QUESTION = "which papers cover KV cache compression?";
const COLD_PAPER = "the HNSW paper";
const COLD_RUNS = 2;
/** What the ingest logs (at debug) after each batch it wrote: the split between writing batches and finishing the indexes. */
const INGEST_BATCH_LOG = "ingest batch";
const INGEST_INDEXES_LOG = "ingest indexes built";
/** `ask` does a search and then writes the answer; fewer rounds keep the run short. */
export const ASK_ROUNDS = 2;

export type WarmResult = { firstMs: number; timing: Timing; peakRssMiB: number | undefined; answered: number; errors: number };
/**
 * `batchesSeconds`: until the last batch was written; `indexesSeconds`: until LanceDB's indexes were built, both
 * from the ingest's own debug log; the rest of `seconds` is the search snapshot (and exiting).
 */
export type IngestResult = { seconds: number; papersPerSecond: number; peakRssMiB: number | undefined; summary: Record<string, number>; batchesSeconds?: number; indexesSeconds?: number };
export type SizeResult = {
  size: number;
  /** Absent when the bench measured a library it was given (--library) rather than one it built. */
  corpusMiB?: number;
  ingest?: IngestResult;
  ingestShards?: IngestResult & { shards: number };
  /** Phases left out with --skip; their rows say so. */
  skipped: Phase[];
  diskMiB: number;
  diskAfterQueriesMiB: number;
  cold: { search: number[]; paper: number[] };
  warm: { search: WarmResult; lookup: WarmResult; ask: WarmResult };
  raw: { fts: Timing; vector: Timing; hybrid: Timing; ours: Timing; peakRssMiB: number | undefined; indices: string[] };
  indexBuild?: { seconds: number; peakRssMiB: number | undefined; perIndex: Record<string, number> };
};

/** Phases that --skip can leave out of a long run (the 1M one, say). */
export const OPTIONAL_PHASES = ["index", "shards"] as const;
export type Phase = (typeof OPTIONAL_PHASES)[number];

export type SizeOptions = { size: number; seed: SeedPaper[]; workDir: string; shards: number; rounds: number; skip: Phase[]; log: (line: string) => void };

/** Every measurement at one library size; each phase is its own process, so one phase's memory cannot inflate another's. */
export async function benchSize(options: SizeOptions): Promise<SizeResult> {
  const { size, seed, workDir, rounds, skip, log } = options;
  const shards = skip.includes("shards") ? 0 : options.shards;
  const dir = join(workDir, `size-${size}`);
  const db = join(dir, "db");
  try {
    log(`writing ${size} papers${shards > 0 ? ` (and ${shards} shards)` : ""}`);
    const corpus = await writeCorpus(seed, size, join(dir, "corpus"), shards);

    log("ingest");
    const ingest = await ingestInto(db, corpus.file, dir);
    log(`  ${ingest.seconds.toFixed(1)} s, ${Math.round(ingest.papersPerSecond)} papers/s, peak ${ingest.peakRssMiB?.toFixed(0)} MiB`);
    const measured = await measureLibrary(db, dir, rounds, skip, log);

    let ingestShards: SizeResult["ingestShards"];
    if (corpus.shardDir) {
      log(`ingest from ${shards} shards`);
      ingestShards = { ...(await ingestInto(join(dir, "db-shards"), corpus.shardDir, dir)), shards };
      await rm(join(dir, "db-shards"), { recursive: true, force: true });
    }
    return { size, corpusMiB: corpus.bytes / 2 ** 20, ingest, ...(ingestShards && { ingestShards }), ...measured };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The measurements of a library that exists (one the bench ingested, or one
 * given with --library): disk, cold starts, warm sessions, the raw LanceDB
 * calls and, unless skipped, the index build. `dir`: a scratch folder.
 */
export async function measureLibrary(db: string, dir: string, rounds: number, skip: Phase[], log: (line: string) => void): Promise<Omit<SizeResult, "size" | "corpusMiB" | "ingest" | "ingestShards">> {
  const diskMiB = await diskUsage(db);

  log("cold starts");
  const cold = { search: [] as number[], paper: [] as number[] };
  for (let run = 0; run < COLD_RUNS; run++) {
    cold.search.push(firstOutput(await runChild("bin/paperbot.js", ["search", COLD_QUESTION, "--db", db, "--json"], dir)));
    cold.paper.push(firstOutput(await runChild("bin/paperbot.js", ["paper", COLD_PAPER, "--db", db, "--json"], dir)));
  }

  const questions = await evalQueries("questions.json", "questions", "question");
  const lookups = await evalQueries("lookups.json", "lookups", "query");
  log("warm search, lookup, ask");
  const warm = {
    search: await warmSession(["search", "--stdin", "--db", db], questions, rounds, dir, (answer) => Array.isArray(answer.results) && answer.results.length > 0),
    lookup: await warmSession(["paper", "--stdin", "--db", db], lookups, rounds, dir, (answer) => answer.match != null),
    ask: await warmSession(["ask", "--stdin", "--db", db], questions, Math.min(rounds, ASK_ROUNDS), dir, (answer) => answer.found === true),
  };

  log("raw LanceDB queries");
  const queriesFile = join(dir, "raw-queries.json");
  await writeFile(queriesFile, JSON.stringify({ questions, rounds }));
  const rawRun = await runChild("scripts/bench/raw-lance.ts", [db, queriesFile], dir);
  const raw = { ...JSON.parse(rawRun.stdout), peakRssMiB: rawRun.peakRssMiB };
  const diskAfterQueriesMiB = await diskUsage(db);

  let indexBuild: SizeResult["indexBuild"];
  if (!skip.includes("index")) {
    log("index build from scratch");
    const indexRun = await runChild("scripts/bench/index-build.ts", [db], dir);
    indexBuild = { ...JSON.parse(indexRun.stdout), peakRssMiB: indexRun.peakRssMiB };
  }
  return { skipped: skip, diskMiB, diskAfterQueriesMiB, cold, warm, raw, ...(indexBuild && { indexBuild }) };
}

async function ingestInto(db: string, input: string, workDir: string): Promise<IngestResult> {
  const run = await runChild("bin/paperbot.js", ["ingest", input, "--db", db, "--json"], workDir, { env: { LOG_LEVEL: "debug" }, keepStderr: true });
  const summary = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as Record<string, number>;
  const seconds = run.wallMs / 1000;
  const lastBatch = lastLogTime(run.stderr ?? "", INGEST_BATCH_LOG);
  const indexed = lastLogTime(run.stderr ?? "", INGEST_INDEXES_LOG);
  return {
    seconds, papersPerSecond: (summary.papers ?? 0) / seconds, peakRssMiB: run.peakRssMiB, summary,
    ...(lastBatch && { batchesSeconds: (lastBatch - run.startedAt) / 1000 }),
    ...(indexed && { indexesSeconds: (indexed - run.startedAt) / 1000 }),
  };
}

/** The epoch ms of the last JSON log line with this message; undefined when the ingest logs none (its log changed). */
function lastLogTime(log: string, message: string): number | undefined {
  let last: number | undefined;
  for (const line of log.split("\n")) {
    if (!line.includes(message)) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; time?: number };
      if (entry.msg === message && typeof entry.time === "number") last = entry.time;
    } catch {
      // Not a log line (a warning printed by a library): skip it.
    }
  }
  return last;
}

function firstOutput(run: { firstOutputMs: number | undefined; wallMs: number }): number {
  return run.firstOutputMs ?? run.wallMs;
}

/** One CLI process answering every query `rounds` times over `--stdin`; its first answer includes its start-up and is reported apart. */
async function warmSession(args: string[], queries: string[], rounds: number, workDir: string, answered: (answer: Record<string, unknown>) => boolean): Promise<WarmResult> {
  const session = new LineSession(args, workDir);
  try {
    const first = await session.ask(queries[0]!);
    const samples: number[] = [];
    let hits = 0;
    let errors = 0;
    for (let round = 0; round < rounds; round++) {
      for (const query of queries) {
        const { ms, answer } = await session.ask(query);
        samples.push(ms);
        if (answer.error) errors++;
        else if (round === 0 && answered(answer)) hits++;
      }
    }
    return { firstMs: first.ms, timing: summarize(samples), peakRssMiB: await session.close(), answered: hits, errors };
  } catch (error) {
    await session.close().catch(() => undefined);
    throw error;
  }
}

async function evalQueries(file: string, list: string, field: string): Promise<string[]> {
  const parsed = JSON.parse(await readFile(join(EVAL_DIR, file), "utf8")) as Record<string, Record<string, string>[]>;
  return parsed[list]!.map((entry) => entry[field]!).filter((query) => query.trim() && !query.includes("\n"));
}

export async function diskUsage(path: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return bytes / 2 ** 20;
}
