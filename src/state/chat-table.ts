import type * as lancedb from "@lancedb/lancedb";
import type { Schema } from "apache-arrow";

/** Every this many commits, expired rows go and small commits are compacted, so the bot's own tables stay small and fast. */
const TIDY_EVERY = 200;

/** One of the bot's own tables (chat state, threads, conversations), created empty on first use; a failed open is retried next time rather than remembered. */
export function lazyTable(db: lancedb.Connection, name: string, schema: Schema): () => Promise<lancedb.Table> {
  let table: Promise<lancedb.Table> | undefined;
  return () => {
    if (!table) {
      table = db.createEmptyTable(name, schema, { existOk: true });
      table.catch(() => (table = undefined));
    }
    return table;
  };
}

/** Counts commits to the bot's tables; every TIDY_EVERY-th deletes the rows matching `expired` and compacts. */
export class Tidier {
  readonly #now: () => number;
  #commits = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  async committed(table: lancedb.Table, expired: string): Promise<void> {
    if (++this.#commits % TIDY_EVERY !== 0) return;
    await table.delete(expired);
    await table.optimize({ cleanupOlderThan: new Date(this.#now() - 60_000) });
  }
}
