import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import { createFetchers, fetchArxiv, fetchHf, scheduledFetch } from "../../src/sources/fetch.ts";
import { loadFiles } from "../../src/sources/load.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { SAMPLES_DIR } from "../helpers/files.ts";
import { silentLogger } from "../helpers/logger.ts";
import { startSourcesServer } from "../servers/sources.ts";

let server: Awaited<ReturnType<typeof startSourcesServer>>;
let dir: string;
beforeAll(async () => {
  server = await startSourcesServer();
  dir = await mkdtemp(join(tmpdir(), "paperbot-merge-"));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("live sources merge into the library", () => {
  it("makes a paper first read from a saved page and then from the APIs one record, with the richer fields", async () => {
    const store = await LancePaperStore.open({ uri: join(dir, "db") });
    const embedder = await LocalEmbedder.create();
    const deps = { store, embedder, logger: silentLogger };
    const today = new Date("2026-11-22T12:00:00Z");
    await ingestRecords((await loadFiles([SAMPLES_DIR], { today })).flatMap((file) => file.records), deps);
    const before = (await store.list()).find((paper) => paper.title.startsWith("PyramidKV"))!;
    expect(before.id).toMatch(/^t-/);

    const fetchers = createFetchers(loadConfig({ HF_API_URL: server.url, ARXIV_API_URL: server.url }), silentLogger, { policy: { timeoutMs: 2_000, retries: 1, backoffMs: 10, maxWaitMs: 1_000 }, arxivIntervalMs: 0 });
    const hf = await fetchHf(fetchers, ["2024-06-05"], deps);
    // Pages of 100: the fixture's first page of two items is the whole day.
    expect(hf).toEqual({ records: 2, papers: 2, inserted: 1, updated: 1, unchanged: 0, skipped: 0 });
    const arxiv = await fetchArxiv(fetchers, { category: "cs.CL", max: 4 }, deps);
    expect(arxiv).toMatchObject({ records: 2, inserted: 1, updated: 1, skipped: 0 });

    const pyramid = (await store.list()).filter((paper) => paper.title.startsWith("PyramidKV"));
    expect(pyramid).toHaveLength(1);
    expect(pyramid[0]).toMatchObject({
      id: "2406.02069",
      url: "https://arxiv.org/abs/2406.02069",
      publishedAt: "2024-06-04",
      featuredAt: "2024-06-05",
      upvotes: 36,
      updatedAt: "2024-10-21",
      categories: ["cs.CL", "cs.AI"],
      githubRepo: "https://github.com/Zefan-Cai/PyramidKV",
    });
    // The saved page's full abstract is longer than the API's shortened one, so it stays.
    expect(pyramid[0]!.abstract).toBe(before.abstract);
    expect(pyramid[0]!.authors).toHaveLength(10);
    expect(await store.count()).toBe(387 + 2);
    store.close();
  });

  it("fetches today's papers and each configured category before a scheduled digest", async () => {
    server.requests.length = 0;
    const store = await LancePaperStore.open({ uri: join(dir, "db2") });
    const deps = { store, embedder: await LocalEmbedder.create(), logger: silentLogger };
    const config = loadConfig({ HF_API_URL: server.url, ARXIV_API_URL: server.url, PAPERBOT_SCHEDULED_FETCH: "hf, arxiv:cs.CL" });
    const fetchers = createFetchers(config, silentLogger, { arxivIntervalMs: 0 });
    await scheduledFetch(fetchers, config.sources.scheduled, deps, new Date("2024-06-05T12:00:00Z"));
    expect(server.requests.map((request) => request.path)).toEqual(["/api/daily_papers", "/api/query"]);
    expect(server.requests[0]!.params.get("date")).toBe("2024-06-05");
    expect(server.requests[1]!.params.get("search_query")).toBe("cat:cs.CL AND submittedDate:[202406040000 TO 202406052359]");
    // PyramidKV came from both sources and is one record.
    expect(await store.count()).toBe(3);
    store.close();
  });
});
