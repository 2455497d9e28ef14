import type { Logger } from "pino";
import { PaperbotError } from "../../errors.ts";
import { parseArxivId } from "../../papers/arxiv-id.ts";
import type { PaperRecord } from "../../papers/paper.ts";
import { fetchWithRetry, type FetchPolicy } from "../http.ts";
import { HfDailyItem } from "./schema.ts";
import { oneLine } from "../../papers/text.ts";

export type FetchResult = { records: PaperRecord[]; skipped: { item: string; problem: string }[] };

const MAX_PAGES = 20;

/**
 * Hugging Face Daily Papers: `GET $HF_API_URL/api/daily_papers?date=…&p=…&limit=…`.
 * The API's date is the day a paper was featured; the paper's own
 * (arXiv) date is kept separately. A malformed item is skipped and
 * reported; a malformed response fails the day with a clear error.
 */
export class HfDailyPapers {
  readonly #baseUrl: string;
  readonly #policy: FetchPolicy;
  readonly #logger: Logger;
  readonly #pageSize: number;

  constructor(baseUrl: string, policy: FetchPolicy, logger: Logger, pageSize = 100) {
    this.#baseUrl = baseUrl.replace(/\/+$/, "");
    this.#policy = policy;
    this.#logger = logger;
    this.#pageSize = pageSize;
  }

  async day(date: string): Promise<FetchResult> {
    const result: FetchResult = { records: [], skipped: [] };
    for (let page = 0; page < MAX_PAGES; page++) {
      const url = `${this.#baseUrl}/api/daily_papers?${new URLSearchParams({ date, p: String(page), limit: String(this.#pageSize) })}`;
      const body: unknown = await (await fetchWithRetry(url, this.#policy, "Hugging Face")).json().catch((cause: unknown) => {
        throw new PaperbotError("SOURCE_FAILED", `Hugging Face returned something other than JSON for ${url}`, { cause });
      });
      if (!Array.isArray(body)) throw new PaperbotError("SOURCE_FAILED", `Hugging Face's daily_papers response for ${date} is not a list; the API may have changed`);
      for (const raw of body) {
        const parsed = HfDailyItem.safeParse(raw);
        if (!parsed.success) {
          const item = String((raw as { paper?: { id?: unknown } })?.paper?.id ?? "(no id)");
          const problem = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
          result.skipped.push({ item, problem });
          this.#logger.warn({ date, item, problem }, "skipped a malformed Hugging Face item");
          continue;
        }
        result.records.push(toRecord(parsed.data, date));
      }
      if (body.length < this.#pageSize) break;
    }
    return result;
  }
}

function toRecord(item: HfDailyItem, featuredOn: string): PaperRecord {
  const { paper } = item;
  const record: PaperRecord = {
    title: oneLine(paper.title),
    abstract: oneLine(paper.summary),
    upvotes: paper.upvotes,
    source: "huggingface:daily_papers",
    featuredAt: (paper.submittedOnDailyAt ?? item.publishedAt ?? featuredOn).slice(0, 10),
  };
  const arxivId = parseArxivId(paper.id);
  if (arxivId) record.arxivId = arxivId;
  const names = paper.authors.map((author) => author.name.trim()).filter(Boolean);
  if (names.length > 0) {
    record.authors = names;
    record.authorCount = names.length;
  }
  if (paper.publishedAt) record.publishedAt = paper.publishedAt.slice(0, 10);
  if (paper.organization) record.organization = paper.organization.fullname ?? paper.organization.name;
  if (paper.ai_summary) record.aiSummary = paper.ai_summary;
  if (paper.ai_keywords?.length) record.aiKeywords = paper.ai_keywords;
  if (paper.githubRepo) record.githubRepo = paper.githubRepo;
  return record;
}
