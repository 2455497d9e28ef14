import { InputError } from "../errors.ts";

/**
 * The largest inputs ingest accepts, in one place. Real papers stay far
 * below them (arXiv caps abstracts at 1,920 characters; titles run to about
 * 250); anything larger is a broken export or an attack, and would bloat the
 * library, the indexes and every chat message that quotes it.
 */
export const LIMITS = {
  titleChars: 500,
  abstractChars: 10_000,
  /** A saved page, which is read whole; JSON Lines files are streamed and have no size limit, only a line limit. */
  fileBytes: 100 * 1024 * 1024,
  /** One JSON Lines record: the title and abstract limits with room for every other field, escaped. */
  lineChars: 1024 * 1024,
} as const;

/** Fails with INPUT_TOO_LARGE, naming the file, the line and the limit, when a title or abstract is longer than allowed. */
export function checkPaperSize(record: { title: string; abstract: string }, file: string, line: number | undefined): void {
  if (record.title.length > LIMITS.titleChars) {
    throw new InputError("INPUT_TOO_LARGE", file, line, `the title is ${count(record.title.length)} characters long; the limit is ${count(LIMITS.titleChars)}. Is the abstract in the title field?`);
  }
  if (record.abstract.length > LIMITS.abstractChars) {
    throw new InputError(
      "INPUT_TOO_LARGE",
      file,
      line,
      `the abstract of "${clip(record.title)}" is ${count(record.abstract.length)} characters long; the limit is ${count(LIMITS.abstractChars)}. Give the abstract only, not the paper's full text.`,
    );
  }
}

/** Fails with INPUT_TOO_LARGE when a file is larger than ingest reads. */
export function checkFileSize(bytes: number, file: string): void {
  if (bytes > LIMITS.fileBytes) {
    const limit = `${count(LIMITS.fileBytes)} bytes (${LIMITS.fileBytes / (1024 * 1024)} MB)`;
    throw new InputError("INPUT_TOO_LARGE", file, undefined, `the file is ${count(bytes)} bytes; the limit is ${limit}. Split it into smaller files and ingest them together.`);
  }
}

/** Fails with INPUT_TOO_LARGE when one line is longer than any record can be (a file with no line breaks, a stray binary blob). */
export function checkLineSize(chars: number, file: string, line: number): void {
  if (chars > LIMITS.lineChars) {
    throw new InputError("INPUT_TOO_LARGE", file, line, `the line is over ${count(LIMITS.lineChars)} characters long; the limit is ${count(LIMITS.lineChars)}. Give one paper per line.`);
  }
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** A title or line quoted in an input error: at most 60 characters. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
