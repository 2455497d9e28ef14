import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../src/cli/options.ts";

describe("parseIsoDate", () => {
  it("accepts a real day of the calendar", () => {
    expect(parseIsoDate("2024-02-29")).toBe("2024-02-29");
  });

  it("refuses a day the calendar does not have, as the digest flags do", () => {
    for (const value of ["2026-02-30", "2026-04-31", "2026-13-01", "2026-2-3"]) expect(() => parseIsoDate(value)).toThrow(InvalidArgumentError);
  });
});
