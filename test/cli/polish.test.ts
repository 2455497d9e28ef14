import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import packageJson from "../../package.json" with { type: "json" };
import { SAMPLE, writeIn } from "../helpers/files.ts";
import { openDigests } from "../../src/state/open.ts";

let root: string;
let db: string;

/** The CLI in this process: exit code and what it wrote (the in-process pattern of missing-library.test.ts). */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await runCli(["node", "paperbot", ...args]);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

beforeAll(async () => {
  // One library for the whole file (useTempDir would remove it after the first test).
  root = await mkdtemp(join(tmpdir(), "paperbot-polish-"));
  db = join(root, "lancedb");
  const fetched = JSON.stringify({ title: "FetchedKV: a paper from the arXiv API", abstract: "We compress key-value caches.", publishedAt: "2026-11-02", upvotes: 3, source: "arxiv", id: "2611.00001" });
  const jsonl = await writeIn(root, "fetched.jsonl", `${fetched}\n`);
  expect((await cli(["ingest", SAMPLE.plain, jsonl, "--db", db])).code).toBe(0);
  const store = await LancePaperStore.open({ uri: db });
  await openDigests(store).saveSubscription({ channel: "slack:C1", time: "07:30", timeZone: "Europe/Berlin", topic: "KV cache" });
  store.close();
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe("CLI polish", () => {
  it("prints its version", async () => {
    expect(await cli(["--version"])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: "" });
  });

  it("answers a blank question with usage (exit 2), before opening any library", async () => {
    for (const command of ["ask", "search", "paper", "similar"]) {
      const result = await cli([command, "   ", "--db", join(root, "nowhere")]);
      expect({ command, code: result.code }).toEqual({ command, code: 2 });
      expect(result.stderr).toMatch(/^paperbot: Give a /);
    }
  });

  it("refuses a file as --db in one clear line, for reading and for ingesting", async () => {
    const file = join(import.meta.dirname, "..", "..", "README.md");
    for (const args of [["list"], ["ingest", SAMPLE.plain]]) {
      const result = await cli([...args, "--db", file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`paperbot: ${file} is a file, not a paper library. Point --db (or PAPERBOT_DB) at a library directory, e.g. ./data/lancedb, or build one with: paperbot ingest data/samples --db <new dir>\n`);
    }
  });

  it("shows search results and papers with one title each, short links (a title search's whole, as JSON gives it), and no '0 upvotes'", async () => {
    const search = await cli(["search", "kv cache compression", "--db", db, "--k", "3"]);
    const paper = await cli(["paper", "FetchedKV", "--db", db]);
    for (const out of [search.stdout, paper.stdout]) {
      expect(out).not.toMatch(/0 upvotes|no direct link/);
      for (const link of out.match(/https:\/\/\S+/g) ?? []) expect(link).toMatch(/^https:\/\/huggingface\.co\/papers\?q=/);
    }
    const urls = (JSON.parse((await cli(["search", "kv cache compression", "--db", db, "--k", "3", "--json"])).stdout) as { results: { url: string }[] }).results.map((result) => result.url);
    for (const url of urls.filter((url) => url.includes("?q="))) expect(search.stdout).toContain(`title search: ${url}`);
    expect(paper.stdout).toBe("FetchedKV: a paper from the arXiv API\n2026-11-02 · 3 upvotes\narxiv.org/abs/2611.00001\n\nWe compress key-value caches.\n");
    const titles = search.stdout.split("\n").filter((line) => /^\d+\. /.test(line));
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("reports the library's stats: by month and source, embedder, last fetch, subscriptions", async () => {
    const stats = JSON.parse((await cli(["stats", "--db", db, "--json"])).stdout);
    expect(stats).toMatchObject({
      library: db,
      papers: 73,
      embedder: { name: expect.any(String), dims: expect.any(Number) },
      lastFetch: { source: "arXiv API" },
      subscriptions: [{ channel: "slack:C1", time: "07:30", timeZone: "Europe/Berlin", topic: "KV cache" }],
    });
    expect(stats.bySource).toEqual([{ source: "file 002_85458a3da77be5e4.txt", papers: 72 }, { source: "arXiv API", papers: 1 }]);
    expect(stats.byMonth).toContainEqual({ month: "2026-11", papers: 1 });
    expect(stats.byMonth.reduce((sum: number, month: { papers: number }) => sum + month.papers, 0) + stats.dated.undated).toBe(73);
    const text = (await cli(["stats", "--db", db])).stdout;
    expect(text).toMatch(/^73 papers in /);
    expect(text).toContain("last live fetch: ");
    expect(text).toContain("  slack:C1  07:30 Europe/Berlin  topic: KV cache");
  });

  it("exits 130 on Ctrl-C", async () => {
    // A real process, since the point is the exit status; SIGINT is sent once it has answered a first line, so no timing is involved.
    const child = spawn(process.execPath, [join(import.meta.dirname, "..", "..", "adapters", "main.ts"), "search", "--stdin", "--db", db], { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" } });
    child.stdin.write("kv cache\n");
    await once(child.stdout, "data");
    child.kill("SIGINT");
    const [code] = await once(child, "exit");
    expect(code).toBe(130);
  });
});
