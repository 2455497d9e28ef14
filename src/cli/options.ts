import { InvalidArgumentError } from "commander";
import { isCalendarDate } from "../digest/days.ts";

export function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError("expected a four-digit year such as 2025.");
  return Number(value);
}

export function parsePositiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("expected a whole number above 0.");
  return Number(value);
}

export function parseIsoDate(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError("expected a date as YYYY-MM-DD.");
  return value;
}

/** Every command that opens the library takes the same --db flag. */
export const dbOption = ["--db <dir>", "library location: a directory or a LanceDB URI (default: $PAPERBOT_DB or ./data/lancedb)"] as const;
