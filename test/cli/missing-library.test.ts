import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerChat } from "../../adapters/console/command.ts";
import { registerDigest } from "../../adapters/digest/command.ts";
import { runCli } from "../../src/cli/main.ts";
import { runPaperbot } from "../helpers/cli.ts";
import { SAMPLE, useTempDir } from "../helpers/files.ts";

const tempDir = useTempDir();
afterEach(() => {
  vi.restoreAllMocks();
});

/** Every command that only reads the library (serve is run as a process below); none may start an empty one. */
const READ_COMMANDS = [
  ["search", "kv cache"],
  ["paper", "PyramidKV"],
  ["ask", "which papers cover KV cache compression?"],
  ["list"],
  ["chat"],
  ["digest", "--channel", "slack:C1", "--dry-run"],
  ["digest", "list"],
  ["digest", "subscribe", "--channel", "slack:C1"],
];

/** The CLI in this process (cheaper than a process per command); its exit code and what it wrote to stderr. */
async function runInProcess(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const code = await runCli(["node", "paperbot", ...args], [registerChat, registerDigest]);
  vi.restoreAllMocks();
  return { code, stderr };
}

const refusal = (db: string) => `paperbot: There is no paper library at ${db}. Build one with: paperbot ingest data/samples --db ${db} (or check --db and PAPERBOT_DB for a typo).\n`;

describe("a --db that holds no library", () => {
  it("is refused by every read command with a clear message and exit code 1, and nothing is created", async () => {
    const dir = await tempDir();
    const missing = join(dir, "mistyped");
    const empty = join(dir, "empty");
    await mkdir(empty);
    for (const command of READ_COMMANDS) {
      for (const db of [missing, empty]) {
        const result = await runInProcess([...command, "--db", db]);
        expect({ command, db, ...result }).toEqual({ command, db, code: 1, stderr: refusal(db) });
      }
    }
    expect(existsSync(missing)).toBe(false);
  });

  it("is refused by serve before it starts anything", async () => {
    const db = join(await tempDir(), "mistyped");
    const result = await runPaperbot(["serve", "--db", db], { PORT: "0" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(refusal(db));
    expect(existsSync(db)).toBe(false);
  }, 30_000);

  it("is created by ingest", async () => {
    const db = join(await tempDir(), "new", "library");
    expect((await runPaperbot(["ingest", SAMPLE.plain, "--db", db, "--json"])).code).toBe(0);
    const list = await runPaperbot(["list", "--db", db, "--json"]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(72);
  }, 60_000);
});
