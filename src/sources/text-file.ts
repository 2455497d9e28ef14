import { readFile, stat } from "node:fs/promises";
import { InputError } from "../errors.ts";
import { checkFileSize } from "./limits.ts";

export type TextLine = { text: string; line: number };

const SPACE_LIKE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * Reads a file as UTF-8 text, refusing what is not text, and returns its
 * non-blank lines with their 1-based line numbers. Copy-pasted pages carry
 * CRLF, a BOM, non-breaking and zero-width spaces; all of it is folded here
 * so that parsers only ever see plain single-spaced lines.
 */
export async function readTextLines(file: string): Promise<TextLine[]> {
  let bytes: Buffer;
  try {
    // Checked before reading, so an oversized file is never loaded into memory.
    checkFileSize((await stat(file)).size, file);
    bytes = await readFile(file);
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    const reason = (cause as NodeJS.ErrnoException).code ?? "unknown error";
    throw new InputError("INPUT_UNREADABLE", file, undefined, `cannot read the file (${reason}); check the path and its permissions`, { cause });
  }
  return textLines(decodeText(bytes, file));
}

/** The text of a file's bytes; refuses empty, binary and non-UTF-8 content with an InputError. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError("INPUT_EMPTY", file, undefined, "the file is empty");
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new InputError("INPUT_BINARY", file, undefined, "this is a binary file, not a text page; give the saved page as .txt");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new InputError("INPUT_BINARY", file, undefined, "the file is not UTF-8 text; save the page as UTF-8", { cause });
  }
}

export function textLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const cleaned = raw.replace(INVISIBLE, "").replace(SPACE_LIKE, " ").replace(/ {2,}/g, " ").trim();
    if (cleaned) lines.push({ text: cleaned, line: index + 1 });
  });
  return lines;
}
