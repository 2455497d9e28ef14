import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPaperbot } from "../helpers/cli.ts";

/**
 * The library in object storage: a real S3-compatible server (s3rver) on
 * 127.0.0.1, LanceDB's own object-store client, the CLI as a user runs it,
 * with the location and credentials from the environment.
 */
let server: S3rver;
let directory: string;
let env: Record<string, string>;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "paperbot-s3-"));
  server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: "papers-bucket", configs: [] }] });
  const { port } = (await server.run()) as unknown as { port: number };
  // s3rver's fixed credentials; any region will do.
  env = { AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", LOG_LEVEL: "silent" };
});

afterAll(async () => {
  await server?.close();
  await rm(directory, { recursive: true, force: true });
});

describe("a library at an s3:// URI", () => {
  it("is built by ingest, searched, and left unchanged by the same ingest again", async () => {
    const db = "s3://papers-bucket/lib";
    const first = await runPaperbot(["ingest", "data/samples", "--db", db, "--json"], env);
    expect(first.stderr).toBe("");
    expect(JSON.parse(first.stdout)).toMatchObject({ files: 5, records: 460, papers: 387, inserted: 387 });

    const search = await runPaperbot(["search", "kv cache compression", "--db", db, "--json"], env);
    expect(search.code).toBe(0);
    const titles = (JSON.parse(search.stdout) as { results: { title: string }[] }).results.map((result) => result.title);
    expect(titles.some((title) => /kv cache/i.test(title))).toBe(true);

    const again = await runPaperbot(["ingest", "data/samples", "--db", db, "--json"], { ...env, PAPERBOT_DB: db });
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 387 });
  }, 120_000);

  it("says there is no library at an empty location, and how to build one", async () => {
    const result = await runPaperbot(["search", "anything", "--db", "s3://papers-bucket/nothing-here"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/There is no paper library at s3:\/\/papers-bucket\/nothing-here\. Build one with: paperbot ingest/);
  }, 60_000);
});
