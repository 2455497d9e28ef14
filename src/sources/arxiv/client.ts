import type { Logger } from "pino";
import { PaperbotError } from "../../errors.ts";
import type { PaperRecord } from "../../papers/paper.ts";
import { fetchWithRetry, type FetchPolicy } from "../http.ts";
import { parseAtom } from "./atom.ts";

export type ArxivQuery = { query?: string; category?: string; days?: number; max: number; today?: Date };

/** arXiv asks API users for no more than one request every three seconds. */
const ARXIV_REQUEST_INTERVAL_MS = 3_000;

/**
 * The arXiv API: `GET $ARXIV_API_URL/api/query?search_query=…&start=…&max_results=…`,
 * newest first, paged, and spaced at least `intervalMs` apart.
 */
export class ArxivApi {
  readonly #baseUrl: string;
  readonly #policy: FetchPolicy;
  readonly #logger: Logger;
  readonly #intervalMs: number;
  readonly #pageSize: number;
  #lastRequest = 0;

  constructor(baseUrl: string, policy: FetchPolicy, logger: Logger, intervalMs = ARXIV_REQUEST_INTERVAL_MS, pageSize = 100) {
    this.#baseUrl = baseUrl.replace(/\/+$/, "");
    this.#policy = policy;
    this.#logger = logger;
    this.#intervalMs = intervalMs;
    this.#pageSize = pageSize;
  }

  async search(query: ArxivQuery): Promise<{ records: PaperRecord[]; skipped: { item: string; problem: string }[] }> {
    const searchQuery = buildQuery(query);
    const records: PaperRecord[] = [];
    const skipped: { item: string; problem: string }[] = [];
    for (let start = 0; start < query.max; start += this.#pageSize) {
      const size = Math.min(this.#pageSize, query.max - start);
      const params = new URLSearchParams({ search_query: searchQuery, start: String(start), max_results: String(size), sortBy: "submittedDate", sortOrder: "descending" });
      await this.#wait();
      const response = await fetchWithRetry(`${this.#baseUrl}/api/query?${params}`, this.#policy, "arXiv");
      const page = parseAtom(await response.text());
      records.push(...page.records);
      skipped.push(...page.skipped);
      for (const entry of page.skipped) this.#logger.warn(entry, "skipped a malformed arXiv entry");
      if (page.returned < size || start + page.returned >= page.total) break;
    }
    return { records, skipped };
  }

  async #wait(): Promise<void> {
    const due = this.#lastRequest + this.#intervalMs - Date.now();
    if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
    this.#lastRequest = Date.now();
  }
}

/** `--query` words (or an arXiv query with field prefixes), `--category`, and a submitted-date window. */
export function buildQuery({ query, category, days, today = new Date() }: ArxivQuery): string {
  const parts: string[] = [];
  if (query) parts.push(/\b(?:ti|au|abs|co|jr|cat|rn|id|all):/.test(query) ? `(${query})` : `all:"${query.replace(/"/g, "")}"`);
  if (category) parts.push(`cat:${category}`);
  if (parts.length === 0) throw new PaperbotError("USAGE", "Give --query or --category for arXiv");
  if (days) {
    const from = new Date(today.getTime() - days * 86_400_000);
    const stamp = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, "");
    parts.push(`submittedDate:[${stamp(from)}0000 TO ${stamp(today)}2359]`);
  }
  return parts.join(" AND ");
}
