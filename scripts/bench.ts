/**
 * `npm run bench [size]`: speed and memory at library scale (default 10,000
 * papers), in one warm process. Timings are medians over repeated runs, and
 * each is also given as a ratio to plain BM25 measured in the same run,
 * since absolute times on a shared machine drift.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { LocalEmbedder } from "../src/embed/local.ts";
import { ingestRecords } from "../src/ingest/ingest.ts";
import { Library } from "../src/library/library.ts";
import { loadFiles } from "../src/sources/load.ts";
import { LancePaperStore } from "../src/store/lance/lance-store.ts";
import { syntheticCorpus } from "./bench/corpus.ts";
import { loadQuestionTexts } from "./eval/dataset.ts";
import { median } from "./eval/metrics.ts";

const SIZE = Number(process.argv[2] ?? 10_000);
const ROUNDS = 3;
const today = new Date("2026-11-22T12:00:00Z");

type Timing = { median: number; p95: number };

async function time(inputs: string[], run: (input: string) => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) {
      const start = performance.now();
      await run(input);
      samples.push(performance.now() - start);
    }
  }
  return { median: median(samples), p95: [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)]! };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "paperbot-bench-"));
  const store = await LancePaperStore.open({ uri: dir });
  try {
    const embedder = await LocalEmbedder.create();
    const seed = (await loadFiles([join(import.meta.dirname, "..", "data", "samples")], { today })).flatMap((file) => file.records);
    const records = syntheticCorpus(seed, SIZE);

    const ingestStart = performance.now();
    await ingestRecords(records, { store, embedder, logger: pino({ level: "silent" }), now: () => today });
    const ingestSeconds = (performance.now() - ingestStart) / 1000;
    const library = new Library(store, embedder);
    const questions = await loadQuestionTexts();

    // The first search and lookup build the in-memory indexes; later ones are warm.
    const warmStart = performance.now();
    await library.search(questions[0]!, { today });
    await library.lookup("PyramidKV");
    const warmupMs = performance.now() - warmStart;

    const bm25 = await time(questions, (question) => store.textSearch(question, 10));
    const hybrid = await time(questions, (question) => library.search(question, { today }));
    const lookup = await time(questions, (question) => library.lookup(question.slice(0, 30)));
    const rss = process.memoryUsage().rss / 2 ** 20;

    const ms = (timing: Timing) => `median ${timing.median.toFixed(1)} ms  p95 ${timing.p95.toFixed(1)} ms`;
    console.log(`paperbot bench: ${SIZE} papers, ${questions.length} questions x ${ROUNDS} rounds, embedder ${embedder.id}, Node ${process.version}\n`);
    console.log(`ingest (embed, write, index)            ${ingestSeconds.toFixed(1)} s (${Math.round(SIZE / ingestSeconds)} papers/s)`);
    console.log(`first search + lookup (build indexes)   ${warmupMs.toFixed(0)} ms`);
    console.log(`plain BM25 query                        ${ms(bm25)}`);
    console.log(`hybrid search (target: median < 20 ms)  ${ms(hybrid)}  = ${(hybrid.median / bm25.median).toFixed(1)}x BM25`);
    console.log(`lookup by name                          ${ms(lookup)}  = ${(lookup.median / bm25.median).toFixed(1)}x BM25`);
    console.log(`resident memory after the run           ${rss.toFixed(0)} MiB`);
  } finally {
    store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
