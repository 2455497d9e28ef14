import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConsole } from "../../adapters/console/console.ts";
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
    expect(result.stdout).toMatch(/papers that best match KV cache compression/);
    expect(result.stdout).toContain("Sources:");
    expect(result.stdout).toMatch(/The most recent of those is/);
    expect(result.stdout).toContain("paper PyramidKV");
    expect(result.stdout).not.toContain("**");
  });

  it("sets no question limit on the one person at their own terminal", async () => {
    const stdin = `which papers cover KV cache compression?\n${"more\n".repeat(11)}/quit\n`;
    const result = await runPaperbot(["chat", "--db", join(dir, "db")], { PAPERBOT_QUESTIONS_PER_MINUTE: "3" }, { stdin });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("faster than I can keep up");
  });
});

describe("paperbot chat and Ctrl-C", () => {
  it("exits 130 on SIGINT (input piped in, so Ctrl-C reaches it as a signal)", async () => {
    const child = spawn(process.execPath, [join(import.meta.dirname, "..", "..", "adapters", "main.ts"), "chat", "--db", join(dir, "db")], { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" } });
    child.stdin.write("/help\n");
    // Sent once it has answered a first line: no timing involved.
    await new Promise<void>((resolve) => child.stdout.on("data", (chunk: Buffer) => String(chunk).includes("paper PyramidKV") && resolve()));
    child.kill("SIGINT");
    const [code] = await once(child, "exit");
    expect(code).toBe(130);
  }, 30_000);

  it("in a terminal, where Ctrl-C is a keystroke, ends the session at once, even mid-answer, as interrupted", async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    let answering: () => void = () => {};
    const asked = new Promise<void>((resolve) => (answering = resolve));
    // A core that never finishes answering: the session must not wait for it.
    const session = runConsole({ receive: () => (answering(), new Promise(() => {})) }, input, output);
    input.write("which papers cover KV cache compression?\r");
    await asked;
    input.write("\x03");
    expect(await session).toBe("interrupted");
  });

  it("ends as done at /quit or the end of input", async () => {
    const input = new PassThrough();
    const session = runConsole({ receive: async () => {} }, input, new PassThrough());
    input.end("hello\n/quit\n");
    expect(await session).toBe("done");
  });
});
