import { PaperbotError } from "../errors.ts";
import { describeNetworkError } from "../network-error.ts";

export type FetchPolicy = {
  timeoutMs: number;
  /** Retries after the first attempt, for 429, 5xx, timeouts and network errors. */
  retries: number;
  /** First backoff; doubles each retry unless the server names a Retry-After. */
  backoffMs: number;
  /** Longest Retry-After honoured; a server asking for longer ends the run with a clear error. */
  maxWaitMs: number;
};

export const DEFAULT_FETCH_POLICY: FetchPolicy = { timeoutMs: 30_000, retries: 3, backoffMs: 1_000, maxWaitMs: 120_000 };

/**
 * GET with a timeout, retrying what is worth retrying: 429 and 5xx
 * (honouring Retry-After, in seconds or as a date), timeouts and network
 * failures, with exponential backoff. Anything else fails at once with a
 * message naming the URL and status.
 */
export async function fetchWithRetry(url: string, policy: FetchPolicy, source: string, headers: Record<string, string> = {}): Promise<Response> {
  let lastProblem = "";
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    let waitMs = policy.backoffMs * 2 ** attempt;
    try {
      const response = await fetch(url, { headers: { "user-agent": "paperbot (+https://github.com/paperbot)", ...headers }, signal: AbortSignal.timeout(policy.timeoutMs) });
      if (response.ok) return response;
      if (response.status !== 429 && response.status < 500) {
        throw new PaperbotError("SOURCE_FAILED", `${source} answered ${response.status} ${response.statusText} for ${url}; check the base URL and the request`);
      }
      lastProblem = `HTTP ${response.status}`;
      const retryAfter = retryAfterMs(response.headers.get("retry-after"));
      if (retryAfter !== undefined) {
        if (retryAfter > policy.maxWaitMs) throw new PaperbotError("SOURCE_FAILED", `${source} asked to wait ${Math.round(retryAfter / 1000)} s before retrying ${url}; try again later`);
        waitMs = retryAfter;
      }
      await response.body?.cancel();
    } catch (error) {
      if (error instanceof PaperbotError) throw error;
      lastProblem = (error as Error).name === "TimeoutError" ? `no answer within ${policy.timeoutMs} ms` : describeNetworkError(error);
    }
    if (attempt < policy.retries) await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  throw new PaperbotError("SOURCE_FAILED", `${source} did not answer ${url} after ${policy.retries + 1} attempts (${lastProblem}); try again later or check the base URL`);
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
