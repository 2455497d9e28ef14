/**
 * The threads the bot has answered in, so later messages there are read
 * as follow-ups without a mention. Platforms that cannot say who started a
 * thread need this; `answered` is asked for every threaded message
 * in every channel the bot is in, so it must be cheap.
 */
export interface AnsweredThreads {
  remember(thread: string): Promise<void>;
  answered(thread: string): Promise<boolean>;
}

/** The last `capacity` threads of this process: enough while it runs, forgotten on restart. */
export class RecentThreads implements AnsweredThreads {
  readonly #threads = new Set<string>();
  readonly #capacity: number;

  constructor(capacity = 10_000) {
    this.#capacity = capacity;
  }

  async remember(thread: string): Promise<void> {
    this.#threads.delete(thread);
    this.#threads.add(thread);
    if (this.#threads.size > this.#capacity) this.#threads.delete(this.#threads.values().next().value!);
  }

  async answered(thread: string): Promise<boolean> {
    return this.#threads.has(thread);
  }
}
