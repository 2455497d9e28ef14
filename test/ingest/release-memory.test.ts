import { describe, expect, it } from "vitest";
import { releaseMemory } from "../../src/ingest/release-memory.ts";

describe("releasing memory after an ingest's batches", () => {
  it("runs V8's last-resort collection, which frees what nothing holds", () => {
    let garbage: number[][] | undefined = Array.from({ length: 200 }, () => new Array(10_000).fill(1));
    const before = process.memoryUsage().heapUsed;
    garbage = undefined;
    releaseMemory();
    expect(garbage).toBeUndefined();
    expect(process.memoryUsage().heapUsed).toBeLessThan(before);
  });
});
