/** A published-date range, inclusive, as ISO dates. */
export type DateRange = { from?: string; to?: string };

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = `(${MONTHS.map((month) => `${month.slice(0, 3)}(?:${month.slice(3)})?`).join("|")})\\b\\.?`;
const YEAR = "((?:19|20)\\d\\d)";

type Rule = { pattern: RegExp; range: (match: RegExpExecArray, today: Date) => DateRange };

/**
 * Time phrases people type in chat, turned into date ranges relative to
 * `today`. Each rule's match is removed from the question, leaving the topic.
 */
const RULES: Rule[] = [
  // "from jan to march 2025", "between may 2024 and feb 2025": the year said last holds for a first month said without.
  { pattern: new RegExp(`\\b(?:from |between |published |released )?${MONTH}(?: ${YEAR})?\\s*(?:to|through|thru|until|till|and|-|–)\\s*${MONTH} ${YEAR}\\b`), range: (m) => monthsBetween(m) },
  { pattern: new RegExp(`\\b(?:from |published |released )?${YEAR}\\s*(?:to|through|thru|until|till|-|–)\\s*${YEAR}\\b`), range: (m) => ({ from: `${m[1]}-01-01`, to: `${m[2]}-12-31` }) },
  // "q1 2025", "the third quarter of 2024".
  { pattern: new RegExp(`\\b(?:from |in |during )?(?:q([1-4])|the (first|second|third|fourth) quarter of) ${YEAR}\\b`), range: (m) => quarterRange(Number(m[3]), m[1] ? Number(m[1]) : ["first", "second", "third", "fourth"].indexOf(m[2]!) + 1) },
  { pattern: new RegExp(`\\b(?:from |published |released )?between ${YEAR} and ${YEAR}\\b`), range: (m) => ({ from: `${m[1]}-01-01`, to: `${m[2]}-12-31` }) },
  // "from 2025 or 2024", "in 2023 and 2024", "2023/2024": either year, so the two and any between.
  { pattern: new RegExp(`\\b(?:from |in |published |released )?${YEAR}(?:,? (?:or|and) | ?/ ?)${YEAR}\\b`), range: (m) => ({ from: `${Math.min(Number(m[1]), Number(m[2]))}-01-01`, to: `${Math.max(Number(m[1]), Number(m[2]))}-12-31` }) },
  // "from 2024 or later", "2024 onwards", "2023 and earlier": a year open at one end, read before "from 2024" alone is.
  { pattern: new RegExp(`\\b(?:from |since |in |published |released )?${YEAR}(?: (?:or|and) (?:later|after|newer|beyond)| ?onwards?| and up\\b|\\+)`), range: (m) => ({ from: `${m[1]}-01-01` }) },
  { pattern: new RegExp(`\\b(?:from |in |published |released )?${YEAR} (?:or|and) (?:earlier|before|older)\\b`), range: (m) => ({ to: `${m[1]}-12-31` }) },
  { pattern: new RegExp(`\\b(?:from|in|during) ${MONTH} ${YEAR}\\b`), range: (m) => monthRange(Number(m[2]), monthIndex(m[1]!)) },
  { pattern: new RegExp(`\\b(?:published |released |written )?(?:from|in|during|of) ${YEAR}\\b`), range: (m) => ({ from: `${m[1]}-01-01`, to: `${m[1]}-12-31` }) },
  // "2024 papers on kv cache", "recent 2024 work on …", "2025's preprints": a year said before the papers it dates; and one
  // that opens the question ("2024 kv cache compression papers"), where no name or number of the topic stands.
  { pattern: new RegExp(`\\b${YEAR}(?:'s)?(?= (?:papers?|work|research|studies|preprints?|articles?|ones|publications?)\\b)|^(?:(?:any|some|the|recent|latest|new)\\s+)?${YEAR}(?:'s)?(?= [a-z])`), range: (m) => { const year = m[1] ?? m[2]; return { from: `${year}-01-01`, to: `${year}-12-31` }; } },
  { pattern: new RegExp(`\\b(?:published |released )?(?:since|after) ${MONTH} ${YEAR}\\b`), range: (m) => ({ from: iso(Number(m[2]), monthIndex(m[1]!), 1) }) },
  { pattern: new RegExp(`\\b(?:published |released )?since ${YEAR}\\b`), range: (m) => ({ from: `${m[1]}-01-01` }) },
  { pattern: new RegExp(`\\b(?:published |released )?after ${YEAR}\\b`), range: (m) => ({ from: `${Number(m[1]) + 1}-01-01` }) },
  { pattern: new RegExp(`\\b(?:published |released )?before ${YEAR}\\b`), range: (m) => ({ to: `${Number(m[1]) - 1}-12-31` }) },
  { pattern: new RegExp(`\\b(?:published |released )?(?:since|after) ${MONTH}(?! \\d)`), range: (m, today) => ({ from: lastMonthStart(monthIndex(m[1]!), today) }) },
  { pattern: new RegExp(`\\b(?:from|in|during) ${MONTH}(?! \\d)`), range: (m, today) => { const from = lastMonthStart(monthIndex(m[1]!), today); return monthRange(Number(from.slice(0, 4)), monthIndex(m[1]!)); } },
  { pattern: /\b(?:in |from |over |during )?(?:the )?(?:last|past) (\d+|two|three|four|five|six|seven|ten) (day|week|month|year)s?\b/, range: (m, today) => ({ from: shift(today, m[2]!, -wordNumber(m[1]!)) }) },
  { pattern: /\b(?:from |in |during )?this week\b|\bthe past week\b/, range: (_m, today) => ({ from: isoOf(mondayOf(today)) }) },
  { pattern: /\b(?:from |in |during )?last week\b/, range: (_m, today) => { const monday = mondayOf(today); return { from: isoOf(addDays(monday, -7)), to: isoOf(addDays(monday, -1)) }; } },
  { pattern: /\b(?:from |in |during )?this month\b/, range: (_m, today) => ({ from: iso(today.getUTCFullYear(), today.getUTCMonth(), 1) }) },
  { pattern: /\b(?:from |in |during )?last month\b/, range: (_m, today) => { const y = today.getUTCFullYear(); const m = today.getUTCMonth() - 1; return m < 0 ? monthRange(y - 1, 11) : monthRange(y, m); } },
  { pattern: /\b(?:from |in |during )?this year\b/, range: (_m, today) => ({ from: `${today.getUTCFullYear()}-01-01` }) },
  { pattern: /\b(?:from |in |during )?last year\b/, range: (_m, today) => ({ from: `${today.getUTCFullYear() - 1}-01-01`, to: `${today.getUTCFullYear() - 1}-12-31` }) },
  { pattern: /\b(?:from |in )?(?:today|yesterday)\b/, range: (m, today) => { const day = isoOf(addDays(today, m[0].includes("yesterday") ? -1 : 0)); return { from: day, to: day }; } },
];

/** Finds time phrases in a lowercased question; returns the range and the question without them. */
export function extractDateRange(question: string, today: Date): { range: DateRange; rest: string } {
  let rest = question;
  let range: DateRange = {};
  for (const rule of RULES) {
    const match = rule.pattern.exec(rest);
    if (!match) continue;
    range = { ...range, ...rule.range(match, today) };
    rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
  }
  return { range, rest: rest.replace(/\s+/g, " ").trim() };
}

function monthIndex(name: string): number {
  return MONTHS.findIndex((month) => month.startsWith(name.slice(0, 3)));
}

function lastMonthStart(month: number, today: Date): string {
  const year = month <= today.getUTCMonth() ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return iso(year, month, 1);
}

/** The months from one to another, inclusive; the first in the year before the last's when it comes later in the year. */
function monthsBetween(m: RegExpExecArray): DateRange {
  const [first, last, lastYear] = [monthIndex(m[1]!), monthIndex(m[3]!), Number(m[4])];
  const firstYear = m[2] ? Number(m[2]) : first <= last ? lastYear : lastYear - 1;
  return { from: iso(firstYear, first, 1), to: monthRange(lastYear, last).to };
}

function quarterRange(year: number, quarter: number): DateRange {
  return { from: iso(year, (quarter - 1) * 3, 1), to: monthRange(year, quarter * 3 - 1).to };
}

function monthRange(year: number, month: number): DateRange {
  return { from: iso(year, month, 1), to: isoOf(new Date(Date.UTC(year, month + 1, 0))) };
}

function wordNumber(word: string): number {
  const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10 };
  return words[word] ?? Number(word);
}

function shift(today: Date, unit: string, amount: number): string {
  const date = new Date(today);
  if (unit === "day") date.setUTCDate(date.getUTCDate() + amount);
  if (unit === "week") date.setUTCDate(date.getUTCDate() + amount * 7);
  if (unit === "month") date.setUTCMonth(date.getUTCMonth() + amount);
  if (unit === "year") date.setUTCFullYear(date.getUTCFullYear() + amount);
  return isoOf(date);
}

function mondayOf(today: Date): Date {
  return addDays(today, -((today.getUTCDay() + 6) % 7));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function iso(year: number, month: number, day: number): string {
  return isoOf(new Date(Date.UTC(year, month, day)));
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar date (YYYY-MM-DD) so many days from another. */
export function shiftDay(day: string, days: number): string {
  return isoOf(addDays(new Date(`${day}T00:00:00Z`), days));
}
