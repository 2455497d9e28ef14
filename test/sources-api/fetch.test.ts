import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ArxivApi, buildQuery } from "../../src/sources/arxiv/client.ts";
import { HfDailyPapers } from "../../src/sources/hf-api/client.ts";
import type { FetchPolicy } from "../../src/sources/http.ts";
import { silentLogger } from "../helpers/logger.ts";
import { garbage, startSourcesServer, status } from "../servers/sources.ts";

const fast: FetchPolicy = { timeoutMs: 2_000, retries: 2, backoffMs: 10, maxWaitMs: 5_000 };
let server: Awaited<ReturnType<typeof startSourcesServer>>;
beforeAll(async () => {
  server = await startSourcesServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe("Hugging Face Daily Papers API", () => {
  const hf = () => new HfDailyPapers(server.url, fast, silentLogger, 2);

  it("reads a day across pages into paper records, keeping the featured day and the arXiv date", async () => {
    const { records, skipped } = await hf().day("2024-06-05");
    expect(server.requests.map((request) => [request.path, request.params.get("date"), request.params.get("p"), request.params.get("limit")])).toEqual([
      ["/api/daily_papers", "2024-06-05", "0", "2"],
      ["/api/daily_papers", "2024-06-05", "1", "2"],
      // A full page means there may be more; the next one comes back empty.
      ["/api/daily_papers", "2024-06-05", "2", "2"],
    ]);
    expect(records.map((record) => record.arxivId)).toEqual(["2406.02069", "2406.01234", "2406.04321"]);
    expect(records[0]).toMatchObject({
      title: "PyramidKV: Dynamic KV Cache Compression based on Pyramidal Information Funneling",
      publishedAt: "2024-06-04",
      featuredAt: "2024-06-05",
      upvotes: 36,
      authorCount: 10,
      githubRepo: "https://github.com/Zefan-Cai/PyramidKV",
      aiKeywords: expect.arrayContaining(["KV cache compression"]),
      source: "huggingface:daily_papers",
    });
    expect(records[0]!.authors![0]).toBe("Zefan Cai");
    expect(records[1]).toMatchObject({ organization: "Analytical Engines" });
    expect(skipped).toEqual([{ item: "2406.09999", problem: expect.stringMatching(/authors|upvotes|summary/) }]);
  });

  it("returns nothing for an empty day", async () => {
    expect(await hf().day("2024-06-06")).toEqual({ records: [], skipped: [] });
  });

  it("retries a 429 after its Retry-After, and a 500, then reads the day", async () => {
    server.script(status(429, { "retry-after": "1" }), status(500));
    const started = Date.now();
    const { records } = await hf().day("2024-06-06");
    expect(records).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(server.requests).toHaveLength(3);
  });

  it("fails clearly when the API keeps failing, or answers with something else entirely", async () => {
    server.script(status(503), status(503), status(503));
    await expect(hf().day("2024-06-05")).rejects.toMatchObject({ code: "SOURCE_FAILED", message: expect.stringMatching(/after 3 attempts \(HTTP 503\)/) });
    server.script(garbage());
    await expect(hf().day("2024-06-05")).rejects.toMatchObject({ message: expect.stringMatching(/something other than JSON/) });
    server.script(status(404));
    await expect(hf().day("2024-06-05")).rejects.toMatchObject({ message: expect.stringMatching(/answered 404/) });
  });
});

describe("arXiv API", () => {
  const arxiv = (intervalMs = 0) => new ArxivApi(server.url, fast, silentLogger, intervalMs, 2);

  it("pages through a category, newest first, spacing its requests", async () => {
    const { records, skipped } = await arxiv(250).search({ category: "cs.CL", max: 10 });
    expect(server.requests.map((request) => [request.params.get("start"), request.params.get("max_results"), request.params.get("sortBy"), request.params.get("search_query")])).toEqual([
      ["0", "2", "submittedDate", "cat:cs.CL"],
      ["2", "2", "submittedDate", "cat:cs.CL"],
    ]);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(240);
    expect(records.map((record) => record.arxivId)).toEqual(["2406.02069", "hep-th/9901001"]);
    expect(skipped).toHaveLength(1);
  });

  it("collapses wrapped titles and abstracts and keeps authors, dates, categories and references", async () => {
    const { records } = await arxiv().search({ category: "cs.CL", max: 2 });
    expect(records[0]).toMatchObject({
      title: "PyramidKV: Dynamic KV Cache Compression based on Pyramidal Information Funneling",
      abstract: expect.stringMatching(/^In this study, we investigate whether attention-based information flow inside large language models/),
      authors: ["Zefan Cai", "Yichi Zhang", "Wen Xiao"],
      publishedAt: "2024-06-04",
      updatedAt: "2024-10-21",
      categories: ["cs.CL", "cs.AI"],
      comment: "Preprint; code at https://github.com/Zefan-Cai/PyramidKV",
    });
    expect(records[1]).toMatchObject({ title: "An Old-Style Identifier Paper on Language", abstract: "We keep the old identifier scheme working. Runs of spaces and line breaks collapse.", doi: "10.1000/xyz123", journalRef: "J. Irreproducible Results 12 (1999) 1-10", categories: ["hep-th", "cs.CL"] });
  });

  it("builds queries from words, arXiv syntax, categories and a day window", () => {
    const today = new Date("2026-11-22T12:00:00Z");
    expect(buildQuery({ query: "kv cache", max: 1 })).toBe('all:"kv cache"');
    expect(buildQuery({ query: 'ti:"kv cache" AND cat:cs.CL', max: 1 })).toBe('(ti:"kv cache" AND cat:cs.CL)');
    expect(buildQuery({ category: "cs.LG", days: 2, max: 1, today })).toBe("cat:cs.LG AND submittedDate:[202611200000 TO 202611222359]");
  });

  it("rejects a response that is not an Atom feed", async () => {
    server.script((response) => response.writeHead(200).end("<html><body>Rate exceeded.</body></html>"));
    await expect(arxiv().search({ category: "cs.CL", max: 2 })).rejects.toMatchObject({ code: "SOURCE_FAILED", message: expect.stringMatching(/not an Atom feed/) });
  });
});
