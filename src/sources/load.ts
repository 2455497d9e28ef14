import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { InputError } from "../errors.ts";
import type { PaperRecord } from "../papers/paper.ts";
import type { YearPolicy } from "./hf-page/dates.ts";
import { parseHfPage } from "./hf-page/parse.ts";
import { parseJsonl } from "./jsonl.ts";
import { readTextLines } from "./text-file.ts";

const LOADABLE = new Set([".txt", ".jsonl"]);

export type LoadedFile = { file: string; records: PaperRecord[] };

/**
 * Reads every file (directories are searched for .txt pages and .jsonl
 * files) and parses all of them before returning, so that one bad file
 * stops the run before anything is written.
 */
export async function loadFiles(paths: string[], years: YearPolicy): Promise<LoadedFile[]> {
  const files = (await Promise.all(paths.map(expand))).flat();
  const loaded: LoadedFile[] = [];
  for (const file of files) {
    const lines = await readTextLines(file);
    const records = extname(file).toLowerCase() === ".jsonl" ? parseJsonl(lines, file) : parseHfPage(lines, file, years).records;
    loaded.push({ file, records });
  }
  return loaded;
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
