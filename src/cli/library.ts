import { createInterface } from "node:readline";
import type { Library } from "../library/library.ts";
import type { LancePaperStore } from "../store/lance/lance-store.ts";
import { PaperbotError } from "../errors.ts";
import { writeJson, type CliContext } from "./context.ts";

/**
 * Opens the store for one command and closes it afterwards, whatever happens.
 * A location without a library is refused (LIBRARY_MISSING) unless the command
 * adds papers (`create`), so a mistyped --db cannot answer from an empty library.
 */
export async function withStore<T>(ctx: CliContext, db: string | undefined, use: (store: LancePaperStore) => Promise<T>, options: { create?: boolean } = {}): Promise<T> {
  const store = await ctx.openStore(db, options);
  try {
    return await use(store);
  } finally {
    store.close();
  }
}

/** Opens the library (store and embedder) for one command and closes it afterwards. */
export async function withLibrary<T>(ctx: CliContext, db: string | undefined, use: (library: Library, store: LancePaperStore) => Promise<T>): Promise<T> {
  return withStore(ctx, db, async (store) => use(await ctx.openLibrary(store, db), store));
}

/**
 * Builds the search indexes of the library as it now is and caches them on
 * disk, after a command that changed it: the next start (a chat server, a
 * search) then loads them instead of reading and tokenising every paper.
 */
export async function indexForSearch(ctx: CliContext, store: LancePaperStore, db: string | undefined): Promise<void> {
  if (ctx.stderr.isTTY) ctx.stderr.write("Preparing the search indexes...\n");
  await (await ctx.openLibrary(store, db)).warm();
}

/**
 * `indexForSearch` for a command that answers no question (an ingest): the
 * indexes are written to the cache without being loaded, unless the library
 * has no cache folder (then they are built in memory as before).
 */
export async function cacheForSearch(ctx: CliContext, store: LancePaperStore, db: string | undefined): Promise<void> {
  if (ctx.stderr.isTTY) ctx.stderr.write("Preparing the search indexes...\n");
  const library = await ctx.openLibrary(store, db);
  if ((await library.cacheSearchIndexes()) === undefined) await library.warm();
}

/** Lines of standard input, trimmed, one query each (blank ones too), so a batch runs in one warm process. */
export async function* stdinLines(input: NodeJS.ReadableStream = process.stdin): AsyncGenerator<string> {
  for await (const line of createInterface({ input, crlfDelay: Infinity })) yield line.trim();
}

/** What a blank input line gets under --stdin, so output line n still answers input line n. */
export const BLANK_LINE = { query: "", error: { code: "BLANK_LINE", message: "blank line: nothing to look up" } } as const;

/** Checked before the library is opened: a usage mistake (no query, or only spaces) should not open or create a library. */
export function requireQuery(query: string | undefined, flags: { stdin?: boolean }, usage: string): void {
  if (!query?.trim() && !flags.stdin) throw new PaperbotError("USAGE", usage);
}

export type QueryOutput<T> = { json: (value: T, query: string) => unknown; human: (value: T, query: string) => string };

/**
 * The shape shared by `search`, `paper` and `ask`: one query from the
 * command line, or with `--stdin` one per line (always JSON lines, so a
 * batch runs in one warm process); `--json` or readable text otherwise.
 */
export async function runQueries<T>(ctx: CliContext, query: string | undefined, flags: { json?: boolean; stdin?: boolean }, run: (query: string) => Promise<T>, output: QueryOutput<T>): Promise<void> {
  if (flags.stdin) {
    for await (const line of stdinLines()) writeJson(ctx.stdout, line ? output.json(await run(line), line) : BLANK_LINE);
    return;
  }
  const single = query?.trim() ?? "";
  const value = await run(single);
  if (flags.json) writeJson(ctx.stdout, output.json(value, single));
  else ctx.stdout.write(output.human(value, single));
}
