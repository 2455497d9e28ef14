import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const ROOT = join(import.meta.dirname, "..", "..");
const PEAK_RSS = join(import.meta.dirname, "peak-rss.ts");
/** Where the last lines of a failed child's stderr are kept, to say why it failed. */
const STDERR_TAIL = 4_000;

/** `startedAt`: epoch ms at spawn, to place the child's own log times; `stderr`: all of it when asked for (`keepStderr`). */
export type ChildRun = { wallMs: number; firstOutputMs: number | undefined; peakRssMiB: number | undefined; stdout: string; startedAt: number; stderr?: string };
export type ChildOptions = { env?: NodeJS.ProcessEnv; keepStderr?: boolean };

/**
 * Children run as a user runs paperbot, with nothing of this shell's
 * configuration: no model or platform keys (answers are offline), no
 * PAPERBOT_* settings, and a working directory without a .env file.
 */
export function childEnv(workDir: string): { cwd: string; env: NodeJS.ProcessEnv } {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(PAPERBOT_|OPENAI_|LANCEDB_|AWS_|SLACK_|DISCORD_|LOG_LEVEL$|NODE_OPTIONS$)/.test(key)) env[key] = value;
  }
  return { cwd: workDir, env: { ...env, NO_COLOR: "1", LOG_LEVEL: "warn" } };
}

/** A script or the CLI (paths relative to the repository) in a fresh Node process, timed from spawn, with its peak memory. */
export function runChild(script: string, args: string[], workDir: string, options: ChildOptions = {}): Promise<ChildRun> {
  const rssDir = mkdtempSync(join(tmpdir(), "paperbot-bench-rss-"));
  const rssFile = join(rssDir, "rss");
  const { cwd, env } = childEnv(workDir);
  const startedAt = Date.now();
  const start = performance.now();
  const child = spawn(process.execPath, ["--import", PEAK_RSS, join(ROOT, script), ...args], { cwd, env: { ...env, ...options.env, BENCH_PEAK_RSS_FILE: rssFile }, stdio: ["ignore", "pipe", "pipe"] });
  let firstOutputMs: number | undefined;
  const stdout: Buffer[] = [];
  const fullStderr: Buffer[] = [];
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    firstOutputMs ??= performance.now() - start;
    stdout.push(chunk);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    if (options.keepStderr) fullStderr.push(chunk);
    stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL);
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const wallMs = performance.now() - start;
      const peakRssMiB = readPeakRss(rssFile);
      rmSync(rssDir, { recursive: true, force: true });
      if (code !== 0) return reject(new Error(`${script} ${args.join(" ")} exited with ${code ?? signal}:\n${stderr}`));
      resolve({ wallMs, firstOutputMs, peakRssMiB, stdout: Buffer.concat(stdout).toString(), startedAt, ...(options.keepStderr && { stderr: Buffer.concat(fullStderr).toString() }) });
    });
  });
}

/** A `--stdin` session of the CLI: one query line in, one JSON line out, each timed from the write to the answer. */
export class LineSession {
  readonly #child: ReturnType<typeof spawn>;
  readonly #lines: AsyncIterator<string>;
  readonly #rssDir: string;
  readonly #closed: Promise<number | null>;
  #stderr = "";

  constructor(args: string[], workDir: string) {
    this.#rssDir = mkdtempSync(join(tmpdir(), "paperbot-bench-rss-"));
    const { cwd, env } = childEnv(workDir);
    this.#child = spawn(process.execPath, ["--import", PEAK_RSS, join(ROOT, "bin", "paperbot.js"), ...args], { cwd, env: { ...env, BENCH_PEAK_RSS_FILE: join(this.#rssDir, "rss") }, stdio: ["pipe", "pipe", "pipe"] });
    this.#child.stderr!.on("data", (chunk: Buffer) => (this.#stderr = (this.#stderr + chunk.toString()).slice(-STDERR_TAIL)));
    this.#lines = createInterface({ input: this.#child.stdout!, crlfDelay: Infinity })[Symbol.asyncIterator]();
    this.#closed = new Promise((resolve) => this.#child.on("close", resolve));
  }

  /** Sends one query; resolves with the elapsed milliseconds and the parsed answer. */
  async ask(query: string): Promise<{ ms: number; answer: Record<string, unknown> }> {
    const start = performance.now();
    this.#child.stdin!.write(`${query}\n`);
    const next = await this.#lines.next();
    const ms = performance.now() - start;
    if (next.done) throw new Error(`the CLI session ended early:\n${this.#stderr}`);
    return { ms, answer: JSON.parse(next.value) as Record<string, unknown> };
  }

  /** Ends the session (end of input) and returns the process's peak memory. */
  async close(): Promise<number | undefined> {
    this.#child.stdin!.end();
    const code = await this.#closed;
    const peak = readPeakRss(join(this.#rssDir, "rss"));
    rmSync(this.#rssDir, { recursive: true, force: true });
    if (code !== 0) throw new Error(`the CLI session exited with ${code}:\n${this.#stderr}`);
    return peak;
  }
}

function readPeakRss(file: string): number | undefined {
  try {
    return Number(readFileSync(file, "utf8")) / 1024;
  } catch {
    return undefined;
  }
}
