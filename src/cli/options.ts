import { InvalidArgumentError } from "commander";

export function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError("expected a four-digit year such as 2025.");
  return Number(value);
}

export function parsePositiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("expected a whole number above 0.");
  return Number(value);
}
