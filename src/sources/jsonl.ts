import { z } from "zod";
import { InputError } from "../errors.ts";
import { parseArxivId } from "../papers/arxiv-id.ts";
import { PaperSchema, type PaperRecord } from "../papers/paper.ts";
import { withoutHeading } from "../papers/text.ts";
import { checkPaperSize } from "./limits.ts";
import type { TextLine } from "./text-file.ts";

/** One paper per line, in the paper model's own field names; id and url are optional. */
const JsonlPaper = PaperSchema.extend({
  id: z.string().optional(),
  url: z.url().optional(),
  source: z.string().optional(),
  abstract: z.string().default(""),
}).strict();

export function parseJsonl(lines: TextLine[], file: string): PaperRecord[] {
  return lines.map((line) => parseJsonlLine(line, file));
}

/** One line of a JSON Lines file as a record; an InputError naming the file and line when it is not a valid paper. */
export function parseJsonlLine({ text, line }: TextLine, file: string): PaperRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new InputError("INPUT_INVALID_RECORD", file, line, `not valid JSON (${(cause as Error).message})`, { cause });
  }
  const broken = unpairedSurrogate(value);
  if (broken !== undefined) {
    throw new InputError("INPUT_INVALID_RECORD", file, line, `${broken || "record"}: the text has a \\u escape for half a character (an unpaired surrogate such as \\ud800); fix or remove that escape`);
  }
  const parsed = JsonlPaper.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "record"}: ${issue.message}`);
    throw new InputError("INPUT_INVALID_RECORD", file, line, `invalid paper (${problems.join("; ")})`);
  }
  checkPaperSize(parsed.data, file, line);
  const { id, ...fields } = parsed.data;
  // Exports scraped from publishers' pages often begin the abstract with its heading ("AbstractThis paper …").
  const record: PaperRecord = { ...fields, abstract: withoutHeading(fields.abstract), source: fields.source ?? file };
  if (id !== undefined && !id.startsWith("t-")) {
    const arxivId = parseArxivId(id);
    if (!arxivId) throw new InputError("INPUT_INVALID_RECORD", file, line, `id "${id}" is not an arXiv id (such as 2501.01234); leave it out to derive one from the title`);
    record.arxivId = arxivId;
  }
  return record;
}

/**
 * Where a JSON value holds a string with half a UTF-16 pair ("\ud800" alone):
 * JSON allows such escapes, but the text is broken, and links built from it
 * cannot be encoded. Returns the field's path ("" for the value itself), or
 * undefined when all its text is well formed. Walks with its own stack, as
 * a hostile line can nest arrays deeper than the call stack goes.
 */
function unpairedSurrogate(value: unknown): string | undefined {
  const pending: [unknown, string][] = [[value, ""]];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === "string" && !current.isWellFormed()) return path;
    if (typeof current !== "object" || current === null) continue;
    for (const [key, inner] of Object.entries(current)) {
      const innerPath = path ? `${path}.${key}` : key;
      if (!key.isWellFormed()) return innerPath;
      pending.push([inner, innerPath]);
    }
  }
  return undefined;
}
