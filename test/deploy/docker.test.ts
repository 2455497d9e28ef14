import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const run = (args: string[], timeout = 60_000) => spawnSync("docker", args, { cwd: ROOT, encoding: "utf8", timeout });
/** Docker is checked where a daemon answers (a CI runner with Docker); elsewhere scripts/docker-steps.sh performs the same steps. */
const daemon = run(["info", "--format", "{{.ServerVersion}}"], 20_000).status === 0;
const compose = daemon && run(["compose", "version"], 20_000).status === 0;

describe.runIf(daemon)("Docker image", () => {
  it("builds, and runs paperbot in it", { timeout: 20 * 60_000 }, () => {
    const built = run(["build", "--quiet", "--tag", "paperbot:ci-test", "."], 18 * 60_000);
    expect(built.status, built.stderr).toBe(0);
    const version = run(["run", "--rm", "paperbot:ci-test", "--version"]);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.runIf(compose)("has a compose file Docker Compose accepts", () => {
    const config = run(["compose", "config", "--quiet"]);
    expect(config.status, config.stderr).toBe(0);
  });
});
