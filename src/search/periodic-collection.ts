import { collectGarbage } from "../collect-garbage.ts";

/** Batches between full garbage collections. */
const EVERY = 16;
/** At 100k papers a collection takes 20-40 ms, at a million 30-150 (the margin is for a busy machine). */
const MAX_MS = 250;

/**
 * A full garbage collection every `every` batches of a snapshot build, on
 * either of its threads: each batch's papers wait in a queue long enough to
 * outlive V8's young generation, and V8 lets them pile up in the old one to
 * about twice the live heap before it collects. The title worker's heap at
 * a million papers reached 1 GB this way, its live part 100-300 MB (a
 * collection took 30-150 ms). One that takes longer than `maxMs` means a
 * heap so large that the batches hardly count beside it: no more in that build.
 */
export class PeriodicCollection {
  readonly #every: number;
  readonly #maxMs: number;
  #batches = 0;
  #collecting = true;

  constructor(every = EVERY, maxMs = MAX_MS) {
    this.#every = every;
    this.#maxMs = maxMs;
  }

  /** Counts a batch, and collects when it is time. */
  batch(): void {
    if (this.#collecting && ++this.#batches % this.#every === 0) this.#collecting = collectGarbage() < this.#maxMs;
  }
}
