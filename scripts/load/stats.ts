/** The q-th quantile (0..1) of some durations, nearest rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function summary(values: number[]): string {
  return `p50 ${Math.round(quantile(values, 0.5))} ms, p95 ${Math.round(quantile(values, 0.95))} ms, max ${Math.round(Math.max(...values))} ms`;
}

export type BurstResult = { lines: string[]; ok: boolean };

/** Polls until `done` or the deadline; bounded, like every loop here. */
export async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Waits until `count` stops changing for `quietMs` (at most 10 s); longer than discord.js's one-second global rate-limit window. */
export async function settled(count: () => number, quietMs = 1_500): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last = -1;
  while (count() !== last && Date.now() < deadline) {
    last = count();
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}
