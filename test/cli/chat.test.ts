import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPaperbot } from "../helpers/cli.ts";
import { SAMPLES_DIR } from "../helpers/files.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paperbot-chat-"));
  expect((await runPaperbot(["ingest", SAMPLES_DIR, "--db", join(dir, "db")])).code).toBe(0);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("paperbot chat (console adapter)", () => {
  it("answers questions, paper lookups and follow-ups in one terminal session", async () => {
    const stdin = "/paper the HNSW paper\nwhich papers cover KV cache compression?\nwhich of those is the most recent?\n/help\n/quit\nnever read\n";
    const result = await runPaperbot(["chat", "--db", join(dir, "db")], {}, { stdin });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Efficient and robust approximate nearest neighbor search using Hierarchical Navigable Small World graphs");
    expect(result.stdout).toMatch(/papers in the library speak to kv cache compression/);
    expect(result.stdout).toContain("Sources:");
    expect(result.stdout).toMatch(/The most recent of those is/);
    expect(result.stdout).toContain("paper PyramidKV");
    expect(result.stdout).not.toContain("**");
  });
});
