import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { fuzzCase } from "./fuzz-cases.ts";

/** Fixed, so CI is repeatable; set FUZZ_SEED (and FUZZ_CASES) to explore further. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const CASES = Number(process.env.FUZZ_CASES ?? 3_000);
/** Not a speed target: only how long a stuck parser may run before the case is reported as a hang. */
const HANG_GUARD_MS = 25_000;

type Outcome = { parsed: number; refused: number; failures: { index: number; error: string }[]; hung?: number };

function runFuzz(seed: number, cases: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./fuzz-worker.ts", import.meta.url), { workerData: { seed, cases } });
    const failures: Outcome["failures"] = [];
    let current = -1;
    const guard = setTimeout(() => {
      void worker.terminate();
      resolve({ parsed: 0, refused: 0, failures, hung: current });
    }, HANG_GUARD_MS);
    worker.on("message", (message: { started?: number; failed?: number; error?: string; done?: boolean; parsed?: number; refused?: number }) => {
      if (message.started !== undefined) current = message.started;
      if (message.failed !== undefined) failures.push({ index: message.failed, error: message.error! });
      if (message.done) {
        clearTimeout(guard);
        void worker.terminate();
        resolve({ parsed: message.parsed!, refused: message.refused!, failures });
      }
    });
    worker.on("error", (error) => {
      clearTimeout(guard);
      reject(error);
    });
  });
}

describe("fuzzing the page parser and the JSON Lines reader", () => {
  it("parses random and mutated input into valid papers or refuses it with an InputError; never throws anything else or hangs", async () => {
    const outcome = await runFuzz(SEED, CASES);
    const describeCase = (index: number) => {
      const input = fuzzCase(SEED, index);
      return `case ${index} of seed ${SEED} (${input.kind}, ${input.how}): ${JSON.stringify(input.text.slice(0, 300))}`;
    };
    expect(outcome.hung === undefined ? "no hang" : `hung on ${describeCase(outcome.hung)}`).toBe("no hang");
    expect(outcome.failures.slice(0, 3).map((failure) => `${describeCase(failure.index)}\n${failure.error}`)).toEqual([]);
    // The mutations must reach both outcomes, or the test proves little.
    expect(outcome.parsed).toBeGreaterThan(CASES / 10);
    expect(outcome.refused).toBeGreaterThan(CASES / 10);
  }, 40_000);
});
