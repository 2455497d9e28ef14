import { describe, expect, it } from "vitest";
import { parseDateLine, resolveDate } from "../../src/sources/hf-page/dates.ts";

describe("card date lines", () => {
  it.each([
    ["Nov 1, 2023", { month: 11, day: 1, year: 2023 }],
    ["May 28 2", { month: 5, day: 28, upvotes: 2 }],
    ["Feb 7, 2024 3", { month: 2, day: 7, year: 2024, upvotes: 3 }],
    ["Jan 18", { month: 1, day: 18 }],
    ["Feb 24, 2019", { month: 2, day: 24, year: 2019 }],
  ])("reads %s", (line, expected) => {
    expect(parseDateLine(line)).toEqual(expected);
  });

  it.each(["Kinetics: Rethinking Test-Time Scaling Laws", "May", "Foo 12", "Mar 45", "·"])("does not read %s as a date", (line) => {
    expect(parseDateLine(line)).toBeUndefined();
  });

  const today = new Date("2026-11-22T08:00:00Z");
  it("resolves a date without a year to the most recent one not in the future", () => {
    expect(resolveDate({ month: 11, day: 22 }, { today })).toBe("2026-11-22");
    expect(resolveDate({ month: 11, day: 23 }, { today })).toBe("2025-11-23");
    expect(resolveDate({ month: 12, day: 16 }, { today })).toBe("2025-12-16");
    expect(resolveDate({ month: 2, day: 29 }, { today })).toBe("2024-02-29");
  });

  it("prefers an explicit year, then the --year option", () => {
    expect(resolveDate({ month: 5, day: 28, year: 2023 }, { today, year: 2025 })).toBe("2023-05-28");
    expect(resolveDate({ month: 5, day: 28 }, { today, year: 2025 })).toBe("2025-05-28");
    expect(resolveDate({ month: 2, day: 30 }, { today, year: 2025 })).toBeUndefined();
  });
});
