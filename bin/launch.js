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
 * The Node we start gets MALLOC_ARENA_MAX=2 on Linux unless it is set:
 * LanceDB's native threads otherwise spread their allocations over many
 * glibc arenas that are never given back (peak memory of a 30k-paper ingest
 * 1.25 GB without it, 0.96 GB with it). A Node that runs paperbot itself
 * is not restarted for this; set it in the environment there (README).
 */
function childEnv() {
  if (process.platform !== "linux" || process.env.MALLOC_ARENA_MAX) return process.env;
  return { ...process.env, MALLOC_ARENA_MAX: "2" };
}

/**
 * Runs `entry` (a .ts or .js file) with `args`: in this process when this Node
 * can, otherwise in the bundled Node 24, passing on exit code and signals.
 * `compileCache`: keep compiled modules on disk between runs (the CLI; not
 * test runners, which compile their own way).
 */
export async function runEntry(entry, args, what = "paperbot", { compileCache = false } = {}) {
  if (canRunTypeScript()) {
    process.argv = [process.argv[0], entry, ...args];
    if (compileCache) await import(COMPILE_CACHE.href);
    await import(pathToFileURL(entry).href);
    return;
  }
  const node = bundledNode();
  if (!node) {
    process.stderr.write(explainMissingNode(what));
    process.exit(1);
  }
  const child = spawn(node, [...(compileCache ? ["--import", COMPILE_CACHE.href] : []), entry, ...args], { stdio: "inherit", env: childEnv() });
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
