import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { Embedder } from "../embed/embedder.ts";
import { ingestRecords, type IngestSummary } from "../ingest/ingest.ts";
import type { PaperRecord } from "../papers/paper.ts";
import type { PaperStore } from "../store/paper-store.ts";
import { ArxivApi, type ArxivQuery } from "./arxiv/client.ts";
import { HfDailyPapers } from "./hf-api/client.ts";
import { DEFAULT_FETCH_POLICY, type FetchPolicy } from "./http.ts";

export type FetchSummary = IngestSummary & { skipped: number };

export type Fetchers = { hf: HfDailyPapers; arxiv: ArxivApi };

export function createFetchers(config: Config, logger: Logger, overrides: { policy?: FetchPolicy; arxivIntervalMs?: number } = {}): Fetchers {
  const policy = overrides.policy ?? DEFAULT_FETCH_POLICY;
  return {
    hf: new HfDailyPapers(config.sources.hfApiUrl, policy, logger.child({ source: "huggingface" })),
    arxiv: new ArxivApi(config.sources.arxivApiUrl, policy, logger.child({ source: "arxiv" }), overrides.arxivIntervalMs),
  };
}

/** Every day from `from` to `to` from Hugging Face, then one ingest: new papers join, known ones merge. */
export async function fetchHf(fetchers: Fetchers, days: string[], deps: { store: PaperStore; embedder: Embedder; logger: Logger }, dryRun = false): Promise<FetchSummary> {
  const records: PaperRecord[] = [];
  let skipped = 0;
  for (const day of days) {
    const result = await fetchers.hf.day(day);
    records.push(...result.records);
    skipped += result.skipped.length;
  }
  return { ...(await ingestRecords(records, deps, { dryRun })), skipped };
}

export async function fetchArxiv(fetchers: Fetchers, query: ArxivQuery, deps: { store: PaperStore; embedder: Embedder; logger: Logger }, dryRun = false): Promise<FetchSummary> {
  const result = await fetchers.arxiv.search(query);
  return { ...(await ingestRecords(result.records, deps, { dryRun })), skipped: result.skipped.length };
}

/** The ISO dates from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) days.push(day.toISOString().slice(0, 10));
  return days;
}

/**
 * What `serve` fetches before each digest: today's Hugging Face papers and
 * the last day of each configured arXiv category. A failing source is
 * logged and skipped; the digest still goes out with what the library has.
 */
export async function scheduledFetch(fetchers: Fetchers, scheduled: Config["sources"]["scheduled"], deps: { store: PaperStore; embedder: Embedder; logger: Logger }, today = new Date()): Promise<void> {
  const runs: [string, () => Promise<FetchSummary>][] = [];
  if (scheduled.hf) runs.push(["huggingface", () => fetchHf(fetchers, [today.toISOString().slice(0, 10)], deps)]);
  for (const category of scheduled.arxivCategories) runs.push([`arxiv:${category}`, () => fetchArxiv(fetchers, { category, days: 1, max: 200, today }, deps)]);
  for (const [source, run] of runs) {
    try {
      deps.logger.info({ source, ...(await run()) }, "scheduled fetch");
    } catch (error) {
      deps.logger.error({ err: error, source }, "scheduled fetch failed; the digest uses what the library has");
    }
  }
}
