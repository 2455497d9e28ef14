import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runPaperbot } from "../helpers/cli.ts";
import { SAMPLE, useTempDir } from "../helpers/files.ts";
import { TINY_MODEL_ID } from "../fixtures/tiny-model/build.ts";
import { startModelHost } from "./model-host.ts";

const tempDir = useTempDir();
const hosts: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

describe("paperbot model pull and reindex", () => {
  it("pulls the model from PAPERBOT_MODEL_HOST, refuses the library until reindex, then searches with it", async () => {
    const host = await startModelHost();
    hosts.push(host);
    const dir = await tempDir();
    const db = join(dir, "lancedb");
    const neural = { PAPERBOT_EMBEDDER: "transformers", PAPERBOT_EMBEDDER_MODEL: TINY_MODEL_ID, PAPERBOT_MODEL_CACHE: join(dir, "models"), PAPERBOT_MODEL_HOST: host.url };

    expect(await runPaperbot(["ingest", SAMPLE.plain, "--db", db, "--json"])).toMatchObject({ code: 0 });
    const beforePull = await runPaperbot(["search", "kv cache", "--db", db], neural);
    expect(beforePull.code).toBe(1);
    expect(beforePull.stderr).toMatch(/not in the model cache.*`paperbot model pull --model paperbot-tests\/tiny-bert`/);

    const pull = await runPaperbot(["model", "pull", "--json"], neural);
    expect(pull.code).toBe(0);
    expect(JSON.parse(pull.stdout)).toMatchObject({ model: TINY_MODEL_ID, fetched: expect.arrayContaining(["onnx/model_quantized.onnx"]) });

    const mismatch = await runPaperbot(["search", "kv cache", "--db", db], neural);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toMatch(/built with embedder 'local-v3'.*`paperbot reindex`/);

    const reindex = await runPaperbot(["reindex", "--db", db, "--json"], neural);
    expect(reindex.code).toBe(0);
    expect(JSON.parse(reindex.stdout)).toEqual({ papers: 72, embedder: { name: `transformers:${TINY_MODEL_ID}`, dims: 32 } });

    const search = await runPaperbot(["search", "kv cache compression", "--db", db, "--json"], neural);
    expect(search.code).toBe(0);
    expect(JSON.parse(search.stdout).results.length).toBeGreaterThan(0);
  });

  it("reindex refuses a location that holds no library", async () => {
    const result = await runPaperbot(["reindex", "--db", join(await tempDir(), "none")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/paperbot ingest/);
  });
});
