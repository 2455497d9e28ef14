// Plain JavaScript on purpose: this file must run on any Node from 20 up,
// including ones that cannot read paperbot's TypeScript sources.
//
// paperbot's sources are TypeScript that Node runs directly (type stripping,
// Node 22.18+). On an older Node, the Node 24 that `npm install` brings (the
// `node` devDependency) runs them instead. That Node is put in place by the
// `node` package's install script, so it is missing after
// `npm install --ignore-scripts` (pnpm and yarn skip scripts by default);
// then we say so and how to fix it, instead of Node's ERR_UNKNOWN_FILE_EXTENSION.
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** Node 22.18+ and 23.6+ report "strip" (or "transform"); older ones report nothing. */
export function canRunTypeScript() {
  return Boolean(process.features && process.features.typescript);
}

/** The Node binary the `node` devDependency installed, if its install script ran. */
export function bundledNode() {
  let packageJson;
  try {
    packageJson = createRequire(import.meta.url).resolve("node/package.json");
  } catch {
    return undefined; // not installed (a global install, or `npm install --omit=dev`)
  }
  // On Windows the package leaves a blank `bin/node` placeholder beside the real `bin/node.exe`.
  const names = process.platform === "win32" ? ["node.exe"] : ["node"];
  for (const name of names) {
    const binary = join(dirname(packageJson), "bin", name);
    if (existsSync(binary) && statSync(binary).size > 1_000_000) return binary;
  }
  return undefined;
}

export function explainMissingNode(what) {
  return (
    `${what} needs Node.js 22.18 or newer to run its TypeScript sources; this is ${process.version}.\n` +
    "The Node 24 that `npm install` brings is not there: its install script did not run " +
    "(`npm install --ignore-scripts`, pnpm and yarn skip install scripts by default; `npm install --omit=dev` leaves it out).\n" +
    "Fix it with one of:\n" +
    "  npm rebuild node        (or: pnpm rebuild node) to fetch the bundled Node 24 again\n" +
    "  nvm install             (uses .nvmrc) or any Node.js 22.18 or newer on your PATH\n"
  );
}

const COMPILE_CACHE = new URL("./compile-cache.js", import.meta.url);

/**
 * glibc's allocator, set for the Node that runs paperbot on Linux unless
 * MALLOC_ARENA_MAX is already set: LanceDB's native threads otherwise keep
 * freed memory in many arenas and fragmented heaps. A 100k-paper ingest on
 * 2 cores: 1.74 GB and 67 s as is; 1.26 GB and 70 s with few arenas; 1.14 GB
 * and 64 s with few arenas and large blocks always mapped (and so given
 * back when freed).
 */
const MALLOC_TUNING = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" };

function wantsMallocTuning() {
  return process.platform === "linux" && process.env.MALLOC_ARENA_MAX === undefined;
}

function childEnv() {
  return wantsMallocTuning() ? { ...process.env, ...MALLOC_TUNING } : process.env;
}

/**
 * Runs `entry` (a .ts or .js file) with `args`: in this process when this Node
 * can, otherwise in the bundled Node 24, passing on exit code and signals.
 * `compileCache`: keep compiled modules on disk between runs (the CLI; not
 * test runners, which compile their own way). `tuneMalloc`: on Linux, run it
 * in a Node started with MALLOC_TUNING (the CLI: about 40 ms more at start,
 * a third less memory for an ingest) when this one was not.
 */
export async function runEntry(entry, args, what = "paperbot", { compileCache = false, tuneMalloc = false } = {}) {
  const restart = tuneMalloc && wantsMallocTuning();
  if (canRunTypeScript() && !restart) {
    process.argv = [process.argv[0], entry, ...args];
    if (compileCache) await import(COMPILE_CACHE.href);
    await import(pathToFileURL(entry).href);
    return;
  }
  // The same Node again keeps its flags (a preloaded module, a profiler); the bundled one gets none of an older Node's.
  const same = canRunTypeScript();
  const node = same ? process.execPath : bundledNode();
  if (!node) {
    process.stderr.write(explainMissingNode(what));
    process.exit(1);
  }
  const flags = [...(same ? process.execArgv : []), ...(compileCache ? ["--import", COMPILE_CACHE.href] : [])];
  const child = spawn(node, [...flags, entry, ...args], { stdio: "inherit", env: childEnv() });
  // Ctrl-C reaches the child too (same process group); we wait for it to finish and exit as it did.
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", () => {});
  process.on("SIGTERM", forward);
  process.on("SIGHUP", forward);
  child.on("error", (error) => {
    process.stderr.write(`${what}: could not start ${node}: ${error.message}\n`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => {
    // 128 + signal number, as a shell reports a process killed by a signal (130 for Ctrl-C).
    const signals = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1, SIGKILL: 9 };
    process.exit(code ?? 128 + (signals[signal] ?? 1));
  });
}
