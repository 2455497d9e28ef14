import type { TextLine } from "../text-file.ts";
import { parseDateLine, type DateLine } from "./dates.ts";

/** The chrome around the list on a saved Daily Papers page. */
const HEADER_PHRASES = [
  "get trending papers in your email inbox once a day!",
  "get trending papers in your email inbox!",
  "byak and the research community",
  "daily papers",
  "subscribe",
  "new",
];

export type PageHeader = {
  /** True when at least one line of Hugging Face chrome was found. */
  found: boolean;
  /** The date heading the list (the day the page shows), when present. */
  pageDate?: DateLine;
  /** The paper lines, with any chrome glued to the first title removed. */
  body: TextLine[];
};

/**
 * Splits the page chrome from the papers. Compact saves glue the last header
 * word to the first title ("SubscribeFisher Information ..."), so a header
 * phrase is also stripped when it prefixes a line.
 */
export function splitHeader(lines: TextLine[]): PageHeader {
  let found = false;
  let index = 0;
  let pageDate: DateLine | undefined;
  while (index < lines.length) {
    const current = lines[index]!;
    const lower = current.text.toLowerCase();
    if (HEADER_PHRASES.includes(lower)) {
      found = true;
      index++;
      continue;
    }
    const glued = HEADER_PHRASES.find((phrase) => lower.startsWith(phrase) && /^[\p{Lu}\p{N}]/u.test(current.text.slice(phrase.length)));
    if (glued) {
      found = true;
      const rest = { text: current.text.slice(glued.length).trim(), line: current.line };
      return { found, body: [rest, ...lines.slice(index + 1)] };
    }
    const date = found && pageDate === undefined ? parseDateLine(current.text) : undefined;
    if (date) {
      pageDate = date;
      index++;
      continue;
    }
    break;
  }
  return pageDate ? { found, pageDate, body: lines.slice(index) } : { found, body: lines.slice(index) };
}
