import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  it.runIf(process.platform === "linux")("starts it with few malloc arenas (LanceDB's threads would otherwise hold on to freed memory), unless the environment says otherwise", async () => {
    const dir = await mkdtemp(join(tmpdir(), "paperbot-launch-"));
    const script = join(dir, "print-arenas.js");
    await writeFile(script, "process.stdout.write(String(process.env.MALLOC_ARENA_MAX));\n");
    const RUN = join(import.meta.dirname, "..", "..", "bin", "run.js");
    expect((await run(["--no-experimental-strip-types", RUN, script])).stdout).toBe("2");
    expect((await run(["--no-experimental-strip-types", RUN, script], { MALLOC_ARENA_MAX: "8" })).stdout).toBe("8");
    await rm(dir, { recursive: true, force: true });
  });

  it("explains how to fix a missing bundled Node rather than failing with ERR_UNKNOWN_FILE_EXTENSION", () => {
    const text: string = explainMissingNode("paperbot");
    expect(text).toContain("needs Node.js 22.18 or newer");
    expect(text).toContain("--ignore-scripts");
    expect(text).toContain("npm rebuild node");
  });
});
