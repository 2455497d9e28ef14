import { existsSync, readdirSync } from "node:fs";
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPaperbot } from "../helpers/cli.ts";
import { SAMPLE, SAMPLES_DIR, useTempDir, writeIn } from "../helpers/files.ts";

const tempDir = useTempDir();

describe("paperbot ingest and list", () => {
  it("ingests the samples, prints one JSON object, and changes nothing the second time", async () => {
    const db = join(await tempDir(), "lancedb");
    const first = await runPaperbot(["ingest", SAMPLES_DIR, "--db", db, "--json"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ files: 5, records: 460, papers: 387, inserted: 387, updated: 0, unchanged: 0 });
    // The search indexes are built and cached inside the library, so the next command starts by loading them.
    expect(readdirSync(join(db, ".paperbot-search")).filter((name) => name.endsWith(".idx"))).toHaveLength(1);

    const second = await runPaperbot(["ingest", SAMPLES_DIR, "--db", db, "--json"]);
    expect(JSON.parse(second.stdout)).toEqual({ files: 5, records: 460, papers: 387, inserted: 0, updated: 0, unchanged: 387 });

    const human = await runPaperbot(["ingest", SAMPLES_DIR, "--db", db]);
    expect(human.stdout).toMatch(/Nothing changed: all 387 are already in the library/);

    const list = await runPaperbot(["list", "--db", db, "--json"]);
    const papers = JSON.parse(list.stdout);
    expect(papers).toHaveLength(387);
    expect(Object.keys(papers[0]).sort()).toEqual(expect.arrayContaining(["id", "title", "abstract", "upvotes", "source", "url"]));
    expect(papers.some((paper: { organization?: string }) => paper.organization === "DeepSeek")).toBe(true);
  });

  it("keeps stdout clean for --json while debug logs go to stderr", async () => {
    const db = join(await tempDir(), "lancedb");
    const result = await runPaperbot(["ingest", SAMPLE.plain, "--db", db, "--json"], { LOG_LEVEL: "debug" });
    expect(JSON.parse(result.stdout)).toMatchObject({ files: 1, records: 72, papers: 72 });
    expect(result.stderr).toContain('"msg":"ingest plan"');
  });

  it("reads the library location from PAPERBOT_DB", async () => {
    const db = join(await tempDir(), "from-env");
    await runPaperbot(["ingest", SAMPLE.plain, "--json"], { PAPERBOT_DB: db });
    const list = await runPaperbot(["list", "--json"], { PAPERBOT_DB: db });
    expect(JSON.parse(list.stdout)).toHaveLength(72);
  });

  it("leaves the library exactly as it was when one file of a run is bad", async () => {
    const dir = await tempDir();
    const db = join(dir, "lancedb");
    await runPaperbot(["ingest", SAMPLE.plain, "--db", db]);
    const before = (await runPaperbot(["list", "--db", db, "--json"])).stdout;

    const good = join(dir, "good.txt");
    await copyFile(SAMPLE.cards, good);
    const bad = await writeIn(dir, "bad.txt", Uint8Array.from([0, 1, 2, 3]));
    const result = await runPaperbot(["ingest", good, bad, "--db", db, "--json"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(bad);
    expect((await runPaperbot(["list", "--db", db, "--json"])).stdout).toBe(before);
  });

  it("names the variable in a configuration error", async () => {
    const result = await runPaperbot(["list", "--db", await tempDir()], { PAPERBOT_EMBEDDER: "magic" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PAPERBOT_EMBEDDER must be 'local'/);
  });

  it("answers --help for every command, and exits 2 on bad usage", async () => {
    for (const command of [[], ["ingest"], ["list"]]) {
      const help = await runPaperbot([...command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Usage: paperbot/);
    }
    const bad = await runPaperbot(["ingest", "--year", "99", "x"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/four-digit year/);
  });

  it("refuses a location that holds no library, saying how to build one, and creates nothing there", async () => {
    const db = join(await tempDir(), "none");
    const result = await runPaperbot(["list", "--db", db]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`paperbot: There is no paper library at ${db}. Build one with: paperbot ingest data/samples --db ${db} (or check --db and PAPERBOT_DB for a typo).\n`);
    expect(existsSync(db)).toBe(false);
  });
});
