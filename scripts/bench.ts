/**
 * `npm run bench [-- --sizes 10k,100k] [--full] [--rounds N] [--shards N] [--skip index,shards] [--note "what else ran"] [--library <dir>]`:
 * paperbot's speed and memory at library scale (10k and 100k papers by
 * default, plus 1M with --full), every figure measured on the real CLI or
 * store in a process of its own. Writes bench-results/bench-<date>.md and
 * .json and prints the table. A benchmark, not a test: nothing here fails
 * on a slow figure; compare with the targets in the table. `--library`
 * measures an existing library instead (everything but the ingest), in
 * place: its raw phase adds LanceDB full-text indexes, which the library's
 * next write drops, so give it a copy.
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchSize, measureLibrary, OPTIONAL_PHASES, type Phase, type SizeResult } from "./bench/phases.ts";
import { LancePaperStore } from "../src/store/lance/lance-store.ts";
import { markdownReport, markdownTable, type RunInfo } from "./bench/report.ts";
import { seedPapers } from "./bench/seed.ts";

const DEFAULT_SIZES = "10k,100k";
const FULL_SIZE = 1_000_000;
/** The 1M corpus is also ingested from this many files, as a lab's shards would be. */
const SHARDS_AT_FULL = 10;
const ROUNDS = 3;
const OUT_DIR = join(import.meta.dirname, "..", "bench-results");

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { sizes: { type: "string" }, full: { type: "boolean" }, rounds: { type: "string" }, shards: { type: "string" }, skip: { type: "string" }, note: { type: "string" }, out: { type: "string" }, library: { type: "string" } },
});

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`not a size: "${text}" (use e.g. 10k, 100k, 1m or 5000)`);
  return Math.round(Number(match[1]) * ({ k: 1e3, m: 1e6 }[match[2]!.toLowerCase()] ?? 1));
}

// `npm run bench 5000` (the old form) still picks one size.
const sizes = (values.sizes ?? positionals[0] ?? DEFAULT_SIZES).split(",").map(parseSize);
if (values.full && !sizes.includes(FULL_SIZE)) sizes.push(FULL_SIZE);
const rounds = values.rounds ? Number(values.rounds) : ROUNDS;
const out = values.out ?? OUT_DIR;
const skip = (values.skip ?? "").split(",").filter(Boolean) as Phase[];
for (const phase of skip) if (!OPTIONAL_PHASES.includes(phase)) throw new Error(`--skip takes ${OPTIONAL_PHASES.join(", ")}; not "${phase}"`);

const commit = (() => {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim() !== "";
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return "unknown";
  }
})();
const info: RunInfo = {
  date: new Date().toISOString().slice(0, 16).replace("T", " "),
  commit,
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}`,
  memoryGiB: totalmem() / 2 ** 30,
  // The CLI's launcher sets glibc's tuning on Linux when the environment does not (bin/launch.js).
  malloc: process.env.MALLOC_ARENA_MAX ?? (process.platform === "linux" ? "2 (the CLI's launcher's default)" : "unset"),
  loadBefore: loadavg(),
  rounds,
  ...(values.note && { note: values.note }),
};
const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const workDir = await mkdtemp(join(tmpdir(), "paperbot-bench-"));
const results: SizeResult[] = [];
try {
  log(`sizes ${sizes.join(", ")}; work dir ${workDir}`);
  await mkdir(out, { recursive: true });
  if (values.library) {
    log(`--- the library at ${values.library} (measured in place)`);
    const measured = await measureLibrary(values.library, workDir, rounds, skip, log);
    results.push({ size: await countPapers(values.library), ...measured });
  }
  const seed = values.library ? [] : await seedPapers(workDir);
  for (const size of values.library ? [] : sizes) {
    log(`--- ${size} papers`);
    const shards = values.shards ? Number(values.shards) : size >= FULL_SIZE ? SHARDS_AT_FULL : 0;
    results.push(await benchSize({ size, seed, workDir, shards, rounds, skip, log }));
    // Written after every size, so a long run that is stopped keeps what it measured.
    await save();
  }
  info.loadAfter = loadavg();
  const files = await save();
  process.stdout.write(`${markdownTable(results)}\n\nWritten: ${files.join(", ")}\n`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}

async function countPapers(db: string): Promise<number> {
  const store = await LancePaperStore.open({ uri: db }, { mustExist: true });
  try {
    return await store.count();
  } finally {
    store.close();
  }
}

async function save(): Promise<string[]> {
  const base = join(out, `bench-${stamp}`);
  await writeFile(`${base}.json`, `${JSON.stringify({ ...info, results }, null, 2)}\n`);
  await writeFile(`${base}.md`, markdownReport(info, results));
  return [`${base}.md`, `${base}.json`];
}
