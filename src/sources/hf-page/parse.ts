import { InputError } from "../../errors.ts";
import type { PaperRecord } from "../../papers/paper.ts";
import { checkPaperSize, clip } from "../limits.ts";
import type { TextLine } from "../text-file.ts";
import { pageYearOf, parseDateLine, resolveDate, type YearPolicy } from "./dates.ts";
import { splitHeader } from "./header.ts";

export type PageLayout = "cards" | "plain" | "compact";

export type ParsedPage = { layout: PageLayout; records: PaperRecord[] };

const MAX_TITLE_CHARS = 300;
const MIN_ABSTRACT_CHARS = 80;
/** Far above any real count: a larger number is a corrupted line, and would not survive as an integer. */
const MAX_COUNT = 10_000_000;
const SEPARATOR = "·";
const AUTHOR_COUNT = /^(?:• ?)?(\d+) authors?$/i;
const AUTHOR_NAMES = /^• ?(.+)$/;

/**
 * Parses a saved Hugging Face Daily Papers page in any of its three layouts:
 * "cards" (title, abstract, then authors or organisation, "·", date and
 * upvotes, blank-line separated), "plain" (title and abstract, blank-line
 * separated) and "compact" (title and abstract on alternate lines). All three
 * are the same sequence once blank lines are gone, with optional metadata
 * after each abstract, so one walk reads them all.
 */
export function parseHfPage(lines: TextLine[], file: string, years: YearPolicy): ParsedPage {
  const header = splitHeader(lines);
  const body = header.body;
  if (body.length === 0) {
    throw new InputError(header.found ? "INPUT_EMPTY" : "INPUT_NOT_A_PAGE", file, undefined, header.found ? "the page has no papers in it" : notAPage);
  }
  let records: PaperRecord[];
  try {
    const pageYear = pageYearOf(body.map((line) => line.text));
    records = walk(body, file, years.year === undefined && pageYear !== undefined ? { ...years, pageYear } : years);
  } catch (error) {
    // Without the page chrome, a structure error most likely means the file
    // is something else entirely; say that rather than point at a line.
    if (!header.found && error instanceof InputError && error.code !== "INPUT_TOO_LARGE") {
      throw new InputError("INPUT_NOT_A_PAGE", file, undefined, `${notAPage} (${error.message.replace(`${file}:`, "line ")})`, { cause: error });
    }
    throw error;
  }
  return { layout: detectLayout(body), records };
}

const notAPage = "this does not look like a saved Hugging Face Daily Papers page: expected paper titles, each followed by its abstract";

function walk(body: TextLine[], file: string, years: YearPolicy): PaperRecord[] {
  const records: PaperRecord[] = [];
  let i = 0;
  const at = (offset: number) => body[i + offset];
  const fail = (line: TextLine | undefined, problem: string) =>
    new InputError("INPUT_TRUNCATED", file, line?.line ?? body.at(-1)!.line, problem);

  while (i < body.length) {
    const title = at(0)!;
    if (isMetaLine(title.text)) throw fail(title, `expected a paper title, found "${clip(title.text)}"`);
    if (title.text.length > MAX_TITLE_CHARS) throw fail(title, `expected a paper title, found a ${title.text.length}-character paragraph; is a title missing above it?`);
    const abstract = at(1);
    if (!abstract || isMetaLine(abstract.text) || abstract.text.length < MIN_ABSTRACT_CHARS) {
      throw fail(abstract ?? title, `the paper "${clip(title.text)}" has no abstract; the record looks truncated`);
    }
    checkPaperSize({ title: title.text, abstract: abstract.text }, file, abstract.line);
    const record: PaperRecord = { title: title.text, abstract: abstract.text, upvotes: 0, source: file };
    i += 2;

    const byline = at(0);
    if (byline && AUTHOR_NAMES.test(byline.text)) {
      readAuthors(byline.text, record);
      if ((record.authorCount ?? 0) > MAX_COUNT) throw fail(byline, `"${clip(byline.text)}" is not a plausible author count for "${clip(title.text)}"`);
      i++;
    } else if (byline && at(1)?.text === SEPARATOR && byline.text !== SEPARATOR) {
      record.organization = organizationName(byline.text);
      i++;
    }
    if (at(0)?.text === SEPARATOR) {
      i++;
      const dateLine = at(0);
      const date = dateLine && parseDateLine(dateLine.text);
      if (!date) throw fail(dateLine ?? body.at(-1), `expected the date of "${clip(title.text)}" after "${SEPARATOR}"`);
      const published = resolveDate(date, years);
      if (published) record.publishedAt = published;
      record.upvotes = date.upvotes ?? 0;
      if (record.upvotes > MAX_COUNT) throw fail(dateLine, `"${clip(dateLine.text)}" does not end in a plausible upvote count for "${clip(title.text)}"`);
      i++;
    }
    records.push(record);
  }
  return records;
}

function readAuthors(text: string, record: PaperRecord): void {
  const count = AUTHOR_COUNT.exec(text);
  if (count) {
    record.authorCount = Number(count[1]);
    return;
  }
  const names = AUTHOR_NAMES.exec(text)![1]!.split(/,| and /).map((name) => name.trim()).filter(Boolean);
  record.authors = names;
  record.authorCount = names.length;
}

/** Organisation lines read "<hub handle> <display name>", e.g. "deepseek-ai DeepSeek". */
function organizationName(text: string): string {
  const space = text.indexOf(" ");
  return space > 0 ? text.slice(space + 1) : text;
}

function isMetaLine(text: string): boolean {
  return text === SEPARATOR || AUTHOR_COUNT.test(text) || text.startsWith("•") || parseDateLine(text) !== undefined;
}

function detectLayout(body: TextLine[]): PageLayout {
  if (body.some((line) => line.text === SEPARATOR)) return "cards";
  return body.length > 1 && body[1]!.line === body[0]!.line + 1 ? "compact" : "plain";
}
