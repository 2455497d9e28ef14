import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { InputError } from "../errors.ts";
import { checkFileSize, checkLineSize } from "./limits.ts";

export type TextLine = { text: string; line: number };

const SPACE_LIKE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
/** A NUL in the first bytes means a binary file; text never has one. */
const SNIFF_BYTES = 8192;
/** Read size of a streamed file: large enough that syscalls do not show, small enough to stay out of the memory budget. */
const STREAM_CHUNK_BYTES = 1024 * 1024;

/**
 * Reads a whole file (a saved page, small by nature) as UTF-8 text, refusing
 * what is not text, and returns its non-blank lines with their 1-based line
 * numbers. Copy-pasted pages carry CRLF, a BOM, non-breaking and zero-width
 * spaces; all of it is folded here so that parsers only ever see plain
 * single-spaced lines.
 */
export async function readTextLines(file: string): Promise<TextLine[]> {
  let bytes: Buffer;
  try {
    // Checked before reading, so an oversized file is never loaded into memory.
    checkFileSize((await stat(file)).size, file);
    bytes = await readFile(file);
  } catch (cause) {
    throw unreadable(file, cause);
  }
  return textLines(decodeText(bytes, file));
}

/**
 * The same lines as `readTextLines`, read as a stream: memory holds one
 * chunk and one line, whatever the file's size (a JSON Lines export of a
 * million papers is over a gigabyte, past what one string can hold).
 */
export async function* streamTextLines(file: string): AsyncGenerator<TextLine> {
  try {
    if ((await stat(file)).size === 0) throw new InputError("INPUT_EMPTY", file, undefined, "the file is empty");
  } catch (cause) {
    throw unreadable(file, cause);
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let sniffed = 0;
  let pending = "";
  let lineNumber = 0;
  const stream = createReadStream(file, { highWaterMark: STREAM_CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (sniffed < SNIFF_BYTES) {
        if (chunk.subarray(0, SNIFF_BYTES - sniffed).includes(0)) throw binary(file);
        sniffed += chunk.length;
      }
      pending += decode(decoder, chunk, file, true);
      // A CR at the very end may be the first half of a CRLF split across chunks: keep it for the next one.
      const cut = pending.endsWith("\r") ? pending.length - 1 : pending.length;
      const lastBreak = Math.max(pending.lastIndexOf("\n", cut - 1), pending.lastIndexOf("\r", cut - 1));
      if (lastBreak < 0) {
        checkLineSize(pending.length, file, lineNumber + 1);
        continue;
      }
      const complete = pending.slice(0, lastBreak + 1);
      pending = pending.slice(lastBreak + 1);
      for (const raw of complete.split(/\r\n|\r|\n/)) {
        lineNumber++;
        checkLineSize(raw.length, file, lineNumber);
        const cleaned = cleanLine(raw);
        if (cleaned) yield { text: cleaned, line: lineNumber };
      }
      // The split leaves one empty piece after the final break, which counted as a line above.
      lineNumber--;
    }
  } catch (cause) {
    throw unreadable(file, cause);
  } finally {
    stream.destroy();
  }
  pending += decode(decoder, new Uint8Array(), file, false);
  const lines = pending.split(/\r\n|\r|\n/);
  for (const raw of lines) {
    lineNumber++;
    const cleaned = cleanLine(raw);
    if (cleaned) yield { text: cleaned, line: lineNumber };
  }
}

/** The text of a file's bytes; refuses empty, binary and non-UTF-8 content with an InputError. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError("INPUT_EMPTY", file, undefined, "the file is empty");
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw binary(file);
  return decode(new TextDecoder("utf-8", { fatal: true }), bytes, file, false);
}

export function textLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const cleaned = cleanLine(raw);
    if (cleaned) lines.push({ text: cleaned, line: index + 1 });
  });
  return lines;
}

function cleanLine(raw: string): string {
  return raw.replace(INVISIBLE, "").replace(SPACE_LIKE, " ").replace(/ {2,}/g, " ").trim();
}

function decode(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array, file: string, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch (cause) {
    throw new InputError("INPUT_BINARY", file, undefined, "the file is not UTF-8 text; save the page as UTF-8", { cause });
  }
}

function binary(file: string): InputError {
  return new InputError("INPUT_BINARY", file, undefined, "this is a binary file, not a text page; give the saved page as .txt");
}

function unreadable(file: string, cause: unknown): InputError {
  if (cause instanceof InputError) return cause;
  const reason = (cause as NodeJS.ErrnoException).code ?? "unknown error";
  return new InputError("INPUT_UNREADABLE", file, undefined, `cannot read the file (${reason}); check the path and its permissions`, { cause });
}
