import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
// @ts-expect-error plain JavaScript without types, on purpose (it must run on Node 20)
import { bundledNode, explainMissingNode } from "../../bin/launch.js";

const BIN = join(import.meta.dirname, "..", "..", "bin", "paperbot.js");

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("bin/paperbot.js on a Node that cannot run TypeScript", () => {
  it("runs paperbot under the bundled Node 24 instead (as on Node 20)", async () => {
    // --no-experimental-strip-types makes this Node behave like one without type stripping.
    const result = await run(["--no-experimental-strip-types", BIN, "--version"]);
    expect(result).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: "" });
    expect(bundledNode()).toMatch(/node_modules[\\/]node[\\/]bin[\\/]node(\.exe)?$/);
  });

  it.runIf(process.platform === "linux")("starts it with glibc's allocator tuned for LanceDB's threads, unless the environment says otherwise", async () => {
    const dir = await mkdtemp(join(tmpdir(), "paperbot-launch-"));
    const script = join(dir, "print-malloc.js");
    await writeFile(script, "process.stdout.write(`${process.env.MALLOC_ARENA_MAX} ${process.env.MALLOC_MMAP_THRESHOLD_}`);\n");
    const RUN = join(import.meta.dirname, "..", "..", "bin", "run.js");
    expect((await run(["--no-experimental-strip-types", RUN, script])).stdout).toBe("2 131072");
    expect((await run(["--no-experimental-strip-types", RUN, script], { MALLOC_ARENA_MAX: "8" })).stdout).toBe("8 undefined");
    await rm(dir, { recursive: true, force: true });
  });
});

describe("bin/paperbot.js on a Node that runs TypeScript", () => {
  it.runIf(process.platform === "linux")("restarts once with the allocator tuned, keeping this Node's flags, and passes on the exit code", async () => {
    const dir = await mkdtemp(join(tmpdir(), "paperbot-launch-"));
    const script = join(dir, "print-malloc.js");
    await writeFile(script, "process.stdout.write(`${process.env.MALLOC_ARENA_MAX} ${process.execArgv.includes('--no-warnings')}`); process.exitCode = 3;\n");
    const starter = join(dir, "start.mjs");
    await writeFile(starter, `import { runEntry } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, "..", "..", "bin", "launch.js")).href)};\nawait runEntry(${JSON.stringify(script)}, [], "test", { tuneMalloc: true });\n`);
    expect(await run(["--no-warnings", starter])).toEqual({ code: 3, stdout: "2 true", stderr: "" });
    // Already tuned (or set by hand): no restart, the variables as they are.
    expect((await run(["--no-warnings", starter], { MALLOC_ARENA_MAX: "4" })).stdout).toBe("4 true");
    await rm(dir, { recursive: true, force: true });
  });

  it("explains how to fix a missing bundled Node rather than failing with ERR_UNKNOWN_FILE_EXTENSION", () => {
    const text: string = explainMissingNode("paperbot");
    expect(text).toContain("needs Node.js 22.18 or newer");
    expect(text).toContain("--ignore-scripts");
    expect(text).toContain("npm rebuild node");
  });
});
