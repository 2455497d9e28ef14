export type RateDecision = { allowed: true } | { allowed: false; retryInMs: number };

/** Counts questions per user; in memory here, or in a store several replicas share. */
export interface QuestionLimiter {
  take(key: string): RateDecision | Promise<RateDecision>;
}

/**
 * At most `limit` questions per user in any `windowMs`: enough for a real
 * conversation, not enough for one person to hog a shared bot.
 */
export class RateLimiter implements QuestionLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #recent = new Map<string, number[]>();

  constructor(limit: number, windowMs: number, now: () => number = Date.now) {
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
  }

  /** Records a request and says whether it is allowed; when not, how long until it would be. */
  take(key: string): RateDecision {
    const now = this.#now();
    const recent = (this.#recent.get(key) ?? []).filter((time) => now - time < this.#windowMs);
    if (recent.length >= this.#limit) {
      this.#recent.set(key, recent);
      return { allowed: false, retryInMs: this.#windowMs - (now - recent[0]!) };
    }
    recent.push(now);
    this.#recent.set(key, recent);
    if (this.#recent.size > 10_000) this.#forgetIdle(now);
    return { allowed: true };
  }

  #forgetIdle(now: number): void {
    for (const [key, times] of this.#recent) if (times.every((time) => now - time >= this.#windowMs)) this.#recent.delete(key);
  }
}

/** No limit: one person at their own terminal (`paperbot chat`) hogs no one, and "more", "2" would count against them. */
export const UNLIMITED: QuestionLimiter = { take: () => ({ allowed: true }) };
