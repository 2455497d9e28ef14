import { describe, expect, it, vi } from "vitest";

const collect = vi.hoisted(() => ({ ms: 10, calls: 0 }));
vi.mock("../../src/collect-garbage.ts", () => ({
  collectGarbage: () => {
    collect.calls++;
    return collect.ms;
  },
}));
const { PeriodicCollection } = await import("../../src/search/periodic-collection.ts");

describe("periodic garbage collection of a snapshot build", () => {
  it("collects every so many batches, and stops for good after one that took too long", () => {
    const collection = new PeriodicCollection(3, 100);
    for (let i = 0; i < 9; i++) collection.batch();
    expect(collect.calls).toBe(3);
    collect.ms = 500;
    for (let i = 0; i < 3; i++) collection.batch();
    expect(collect.calls).toBe(4);
    collect.ms = 10;
    for (let i = 0; i < 30; i++) collection.batch();
    expect(collect.calls).toBe(4);
  });
});
