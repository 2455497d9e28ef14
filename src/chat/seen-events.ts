/**
 * Platforms redeliver an event they think went unanswered (some retry
 * after 3 s, and again after a restart). `firstTime` says whether this is
 * the first delivery anyone has claimed, so each event is answered once.
 */
export interface SeenEvents {
  firstTime(key: string): Promise<boolean>;
}

/** The last `capacity` event ids of this process: enough while it runs, forgotten on restart. */
export class RecentEvents implements SeenEvents {
  readonly #ids = new Set<string>();
  readonly #capacity: number;

  constructor(capacity = 1_000) {
    this.#capacity = capacity;
  }

  async firstTime(key: string): Promise<boolean> {
    if (this.#ids.has(key)) return false;
    this.#ids.add(key);
    if (this.#ids.size > this.#capacity) this.#ids.delete(this.#ids.values().next().value!);
    return true;
  }
}
