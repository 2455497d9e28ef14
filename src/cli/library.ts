import { createInterface } from "node:readline";
import { Library } from "../library/library.ts";
import type { LancePaperStore } from "../store/lance/lance-store.ts";
import type { CliContext } from "./context.ts";

/** Opens the library for one command and closes it afterwards. */
export async function withLibrary<T>(ctx: CliContext, db: string | undefined, use: (library: Library, store: LancePaperStore) => Promise<T>): Promise<T> {
  const store = await ctx.openStore(db);
  try {
    return await use(new Library(store, await ctx.embedder()), store);
  } finally {
    store.close();
  }
}

/** Non-empty lines of standard input, one query each, so a batch runs in one warm process. */
export async function* stdinLines(): AsyncGenerator<string> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim()) yield line.trim();
  }
}
