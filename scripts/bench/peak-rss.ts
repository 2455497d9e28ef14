/**
 * Preloaded (`node --import`) into every process the benchmark starts, so
 * that the real CLI reports its peak memory without knowing about the
 * benchmark: at exit, the process's maximum resident set size (KiB) goes
 * to the file the benchmark named. The main thread writes it, as the
 * figure covers worker threads too.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const file = process.env.BENCH_PEAK_RSS_FILE;
// The largest of what every process of the run wrote: the CLI's launcher restarts Node (bin/launch.js), and the
// launcher, exiting last, must not overwrite the figure of the process that did the work.
const written = () => {
  try {
    return Number(readFileSync(file!, "utf8")) || 0;
  } catch {
    return 0;
  }
};
if (file && isMainThread) process.on("exit", () => writeFileSync(file, String(Math.max(written(), process.resourceUsage().maxRSS))));
