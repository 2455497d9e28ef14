/**
 * Preloaded (`node --import`) into every process the benchmark starts, so
 * that the real CLI reports its peak memory without knowing about the
 * benchmark: at exit, the process's maximum resident set size (KiB) goes
 * to the file the benchmark named. The main thread writes it, as the
 * figure covers worker threads too.
 */
import { writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file && isMainThread) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
