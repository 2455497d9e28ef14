import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../../src/digest/days.ts";

describe("calendar dates", () => {
  it("accepts real days, leap days included, and refuses what Date would roll over", () => {
    expect(["2026-02-28", "2024-02-29", "2026-12-31", "2000-02-29"].every(isCalendarDate)).toBe(true);
    expect(["2026-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "1900-02-29", "2026-2-3", "20260203"].some(isCalendarDate)).toBe(false);
  });
});
