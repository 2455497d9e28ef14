/** Milliseconds of repeated calls: the middle one and the one 95 % of calls beat. */
export type Timing = { median: number; p95: number; n: number };

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return { median: Number.NaN, p95: Number.NaN, n: 0 };
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!, n: sorted.length };
}

/** Times `run` over every input, `rounds` times, after one untimed pass that opens files and fills caches. */
export async function timeAll<T>(inputs: T[], rounds: number, run: (input: T) => Promise<unknown>): Promise<Timing> {
  for (const input of inputs) await run(input);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const start = performance.now();
      await run(input);
      samples.push(performance.now() - start);
    }
  }
  return summarize(samples);
}

/**
 * `timeAll` for several calls at once, taking turns on each input, so that
 * every call meets the same moments of a shared, noisy machine: a ratio of
 * their medians then says how they compare, not what else was running.
 */
export async function timeInTurns<T, K extends string>(inputs: T[], rounds: number, runs: Record<K, (input: T) => Promise<unknown>>): Promise<Record<K, Timing>> {
  const names = Object.keys(runs) as K[];
  for (const input of inputs) for (const name of names) await runs[name](input);
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      for (const name of names) {
        const start = performance.now();
        await runs[name](input);
        samples[name].push(performance.now() - start);
      }
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name])])) as Record<K, Timing>;
}
