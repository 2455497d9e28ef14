/**
 * Runs `flush` over everything submitted while the previous flush was in
 * flight: under a burst, a hundred claims become one LanceDB commit
 * instead of a hundred queued ones (each commit costs tens of ms).
 * One flush at a time; each item gets its own result, or the flush's error.
 */
export class GroupCommit<I, O> {
  readonly #flush: (items: I[]) => Promise<O[]>;
  #pending: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  #running = false;

  constructor(flush: (items: I[]) => Promise<O[]>) {
    this.#flush = flush;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#pending.push({ item, resolve, reject });
      if (!this.#running) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running = true;
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0);
      try {
        const results = await this.#flush(batch.map((entry) => entry.item));
        batch.forEach((entry, index) => entry.resolve(results[index]!));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.#running = false;
  }
}
