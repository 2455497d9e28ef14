import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPaperbot } from "../helpers/cli.ts";
import { SAMPLES_DIR } from "../helpers/files.ts";

let dir: string;
let db: string;
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paperbot-cli-"));
  db = join(dir, "lancedb");
  const ingested = await runPaperbot(["ingest", SAMPLES_DIR, "--db", db, "--json"]);
  expect(ingested.code).toBe(0);
}, 60_000);

describe("paperbot search and paper", () => {
  it("prints search results as one JSON object, best first", async () => {
    const result = await runPaperbot(["search", "which papers cover KV cache compression?", "--db", db, "--json", "--k", "3"]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed).toMatchObject({ query: "which papers cover KV cache compression?", filters: {}, relevant: true, decision: "yes" });
    expect(parsed.results).toHaveLength(3);
    expect(Object.keys(parsed.results[0]).sort()).toEqual(["id", "publishedAt", "score", "title", "upvotes", "url"]);
    expect(parsed.results[0].score).toBeGreaterThanOrEqual(parsed.results[1].score);
  });

  it("runs a batch from stdin in one process, one JSON line per input line (a blank line keeps its place)", async () => {
    const result = await runPaperbot(["search", "--stdin", "--db", db, "--k", "2"], {}, { stdin: "papers from 2024 about KV cache\n\ndetecting earthquakes from seismic signals\n" });
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0].filters).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(lines[1]).toEqual({ query: "", error: { code: "BLANK_LINE", message: "blank line: nothing to look up" } });
    expect(lines[2]).toMatchObject({ relevant: false, decision: "no" });
  });

  it("looks up a paper, says no match, and offers alternatives", async () => {
    const found = JSON.parse((await runPaperbot(["paper", "the HNSW paper", "--db", db, "--json"])).stdout);
    expect(found.match.title).toMatch(/Hierarchical Navigable Small World graphs/);
    expect(found.match).toHaveProperty("abstract");
    const batch = (await runPaperbot(["paper", "--stdin", "--db", db], {}, { stdin: "AlphaFold\nPay Less Attention\n" })).stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(batch[0]).toEqual({ match: null, alternatives: [] });
    expect(batch[1].match).toBeNull();
    expect(batch[1].alternatives).toHaveLength(2);
  });

  it("prints a readable card and a readable 'not covered'", async () => {
    expect((await runPaperbot(["paper", "scissor hands kv cache", "--db", db])).stdout).toMatch(/^Scissorhands: Exploiting/);
    // A description is not a missing paper: what fits it, and where to search for more.
    const described = (await runPaperbot(["paper", "benchmark for whether multimodal LLMs can read retinal fundus photos", "--db", db])).stdout;
    expect(described).toMatch(/^No paper stands out as ".*"; these fit the description best:\n1\. FunBench/);
    expect(described).toMatch(/For more: paperbot search "benchmark for whether/);
    expect((await runPaperbot(["search", "cryptocurrency price prediction", "--db", db])).stdout).toMatch(/^Nothing in the library squarely covers that/);
  });

  it("asks for a question when none is given", async () => {
    const result = await runPaperbot(["search", "--db", db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Give a question/);
  });
});

describe("paperbot similar", () => {
  it("prints the named paper and the papers like it as JSON, the paper itself left out", async () => {
    const result = await runPaperbot(["similar", "PyramidKV", "--db", db, "--json", "--k", "3"]);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.paper.title).toMatch(/^PyramidKV:/);
    expect(parsed.results).toHaveLength(3);
    expect(parsed.results.map((paper: { title: string }) => paper.title)).not.toContain(parsed.paper.title);
  });

  it("offers the same candidates as paper when the name fits several, in one batch", async () => {
    const lines = "concept bottleneck\nBitNet\n";
    const [similarJson, similarMiss] = (await runPaperbot(["similar", "--stdin", "--db", db], {}, { stdin: lines })).stdout.trim().split("\n").map((line) => JSON.parse(line));
    const [paperJson] = (await runPaperbot(["paper", "--stdin", "--db", db], {}, { stdin: lines })).stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(similarJson.paper).toBeNull();
    expect(similarJson.alternatives.map((paper: { id: string }) => paper.id)).toEqual(paperJson.alternatives.map((paper: { id: string }) => paper.id));
    expect(similarJson.alternatives.length).toBeGreaterThan(1);
    expect(similarMiss).toMatchObject({ paper: null, closest: [{ title: expect.stringContaining("BitNet") }] });
    const text = await runPaperbot(["similar", "concept bottleneck", "--db", db]);
    expect(text.stdout).toMatch(/^"concept bottleneck" could be any of these; which one\?\n1\. /);
    expect(text.stdout).toContain(`paperbot similar "${similarJson.alternatives[0].title}"`);
    expect(text.stdout).not.toMatch(/not in the library/);
  });

  it("says no paper is titled a name the closest titles contain, instead of 'not in the library'", async () => {
    for (const command of ["paper", "similar"]) {
      const result = await runPaperbot([command, "BitNet", "--db", db]);
      expect(result.stdout).toMatch(/^No paper is titled "BitNet"(?:, so I cannot look for papers like it)?; this one has it in its title:\n1\. 1-bit AI Infra/);
    }
  });
});
