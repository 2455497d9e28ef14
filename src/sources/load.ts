import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { InputError } from "../errors.ts";
import type { PaperRecord } from "../papers/paper.ts";
import type { YearPolicy } from "./hf-page/dates.ts";
import { parseHfPage } from "./hf-page/parse.ts";
import { parseJsonlLine } from "./jsonl.ts";
import { readTextLines, streamTextLines } from "./text-file.ts";

const LOADABLE = new Set([".txt", ".jsonl"]);

export type LoadedFile = { file: string; records: PaperRecord[] };

/**
 * Reads every file (directories are searched for .txt pages and .jsonl
 * files) and parses all of them before returning, so that one bad file
 * stops the run before anything is written. Holds every record: for
 * libraries of any size, ingest streams with `inputFiles` and `readRecords`.
 */
export async function loadFiles(paths: string[], years: YearPolicy): Promise<LoadedFile[]> {
  const loaded: LoadedFile[] = [];
  for (const file of await inputFiles(paths)) {
    const records: PaperRecord[] = [];
    for await (const record of readRecords(file, years)) records.push(record);
    loaded.push({ file, records });
  }
  return loaded;
}

/** The files a list of paths names: files as given, directories searched (sorted) for .txt and .jsonl files. */
export async function inputFiles(paths: string[]): Promise<string[]> {
  return (await Promise.all(paths.map(expand))).flat();
}

/**
 * One file's records in file order: a JSON Lines file line by line, a page
 * (small by nature, and parsed as a whole) at once. Throws an InputError
 * naming the file and line at the first bad record.
 */
export async function* readRecords(file: string, years: YearPolicy): AsyncGenerator<PaperRecord> {
  if (extname(file).toLowerCase() === ".jsonl") {
    for await (const line of streamTextLines(file)) yield parseJsonlLine(line, file);
    return;
  }
  yield* parseHfPage(await readTextLines(file), file, years).records;
}

/**
 * Parses every record of every file and keeps none: what ingest runs before
 * writing, so that one bad file stops the run before anything is written,
 * in memory that does not grow with the input. Returns the record count.
 */
export async function checkFiles(files: string[], years: YearPolicy, onFile?: (file: string, records: number) => void): Promise<number> {
  let total = 0;
  for (const file of files) {
    let records = 0;
    for await (const _ of readRecords(file, years)) records++;
    onFile?.(file, records);
    total += records;
  }
  return total;
}

/** Every record of every file, in order; see `readRecords`. */
export async function* streamRecords(files: string[], years: YearPolicy): AsyncGenerator<PaperRecord> {
  for (const file of files) yield* readRecords(file, years);
}

async function expand(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (cause as Error).message;
    throw new InputError("INPUT_UNREADABLE", path, undefined, `cannot read it (${reason})`, { cause });
  }
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith("."))
      .filter((entry) => entry.isDirectory() || LOADABLE.has(extname(entry.name).toLowerCase()))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => expand(join(path, entry.name))),
  );
  return nested.flat();
}
