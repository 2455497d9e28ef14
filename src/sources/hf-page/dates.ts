const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** "Nov 1, 2023", "May 28 2" (2 upvotes, no year), "Feb 7, 2024 3", "Jan 18". */
const DATE_LINE = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2})(?:, ?(\d{4}))?(?: (\d+))?$/;

export type DateLine = { month: number; day: number; year?: number; upvotes?: number };

export function parseDateLine(text: string): DateLine | undefined {
  const match = DATE_LINE.exec(text);
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[1]!.toLowerCase()) + 1;
  const day = Number(match[2]);
  if (month === 0 || day < 1 || day > 31) return undefined;
  const parsed: DateLine = { month, day };
  if (match[3]) parsed.year = Number(match[3]);
  if (match[4]) parsed.upvotes = Number(match[4]);
  return parsed;
}

/** `year`: the user's (`--year`); `pageYear`: the year the page was saved in, as its own dates show it. */
export type YearPolicy = { year?: number; pageYear?: number; today: Date };

/**
 * Pages show dates of the year they were saved in without the year. Unless
 * the user says which year, that is the year after the latest one the page
 * writes out (see pageYearOf), when that is no later than today; failing
 * that, the most recent such date that is not in the future.
 */
export function resolveDate(date: DateLine, policy: YearPolicy): string | undefined {
  if (date.year !== undefined) return isoDate(date.year, date.month, date.day);
  if (policy.year !== undefined) return isoDate(policy.year, date.month, date.day);
  const onPage = policy.pageYear === undefined ? undefined : isoDate(policy.pageYear, date.month, date.day);
  if (onPage && onPage <= policy.today.toISOString().slice(0, 10)) return onPage;
  const today = isoDate(policy.today.getUTCFullYear(), policy.today.getUTCMonth() + 1, policy.today.getUTCDate())!;
  // Feb 29 may need to go back up to eight years to find a leap year.
  for (let year = policy.today.getUTCFullYear(); year > policy.today.getUTCFullYear() - 9; year--) {
    const candidate = isoDate(year, date.month, date.day);
    if (candidate && candidate <= today) return candidate;
  }
  return undefined;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * The year a page was saved in, read from its own dates: the page writes
 * out the year of every date outside its current year, so the year after
 * the latest one written is its own (a page listing papers from 2017 to
 * 2024 with years, and the rest without, was saved in 2025). Undefined when
 * the page writes no year.
 */
export function pageYearOf(texts: string[]): number | undefined {
  let latest: number | undefined;
  for (const text of texts) {
    const year = parseDateLine(text)?.year;
    if (year !== undefined && (latest === undefined || year > latest)) latest = year;
  }
  return latest === undefined ? undefined : latest + 1;
}
