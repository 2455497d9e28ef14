import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPaperbot } from "../helpers/cli.ts";
import { startSourcesServer } from "../servers/sources.ts";

let server: Awaited<ReturnType<typeof startSourcesServer>>;
let dir: string;
beforeAll(async () => {
  server = await startSourcesServer();
  dir = await mkdtemp(join(tmpdir(), "paperbot-fetch-cli-"));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("paperbot fetch", () => {
  it("fetches a Hugging Face day and an arXiv category, printing one summary object each, and writes nothing on a dry run", async () => {
    const db = join(dir, "db");
    const env = { HF_API_URL: server.url, ARXIV_API_URL: server.url };
    const dry = await runPaperbot(["fetch", "hf", "--date", "2024-06-05", "--db", db, "--dry-run", "--json"], env);
    expect(JSON.parse(dry.stdout)).toEqual({ records: 2, papers: 2, inserted: 2, updated: 0, unchanged: 0, skipped: 0 });
    // A dry run writes nothing, so there is still no library to list.
    expect((await runPaperbot(["list", "--db", db, "--json"])).stderr).toMatch(/There is no paper library at/);

    const hf = await runPaperbot(["fetch", "hf", "--from", "2024-06-05", "--to", "2024-06-06", "--db", db, "--json"], env);
    expect(JSON.parse(hf.stdout)).toEqual({ records: 2, papers: 2, inserted: 2, updated: 0, unchanged: 0, skipped: 0 });
    const arxiv = await runPaperbot(["fetch", "arxiv", "--category", "cs.CL", "--db", db, "--json"], env);
    expect(JSON.parse(arxiv.stdout)).toEqual({ records: 2, papers: 2, inserted: 1, updated: 1, unchanged: 0, skipped: 0 });
    const papers = JSON.parse((await runPaperbot(["list", "--db", db, "--json"])).stdout);
    expect(papers.find((paper: { id: string }) => paper.id === "2406.02069")).toMatchObject({ featuredAt: "2024-06-05", categories: ["cs.CL", "cs.AI"] });
  });

  it("says what is missing", async () => {
    const result = await runPaperbot(["fetch", "arxiv", "--db", join(dir, "db")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Give --query or --category/);
  });
});
