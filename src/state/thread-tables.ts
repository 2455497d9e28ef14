import type * as lancedb from "@lancedb/lancedb";
import { Field, Float64, Schema, Utf8 } from "apache-arrow";
import type { AnsweredThreads } from "../chat/threads.ts";
import { sqlString } from "../store/lance/filters.ts";
import { lazyTable, Tidier } from "./chat-table.ts";
import { GroupCommit } from "./group-commit.ts";

const TABLE = "chat_threads";
const schema = new Schema([new Field("thread", new Utf8(), false), new Field("at", new Float64(), false)]);

/** A thread quiet this long is no longer followed without a mention: whoever picks it up again mentions the bot. */
const FOLLOW_MS = 30 * 24 * 60 * 60 * 1000;
/** Threads known to be followed, kept in memory so most checks need no read. */
const KNOWN_LIMIT = 10_000;

/**
 * The threads the bot answered in, in the library's database, so a
 * restart or another replica still follows them (table `chat_threads`).
 * Every threaded message in a channel the bot is in asks `answered`, so a
 * thread found once is remembered in memory; one not found is read again
 * next time, since another replica may have answered there since.
 */
export class LanceAnsweredThreads implements AnsweredThreads {
  readonly #open: () => Promise<lancedb.Table>;
  readonly #tidier: Tidier;
  readonly #now: () => number;
  readonly #known = new Map<string, number>();
  readonly #writes = new GroupCommit<string, void>((threads) => this.#write(threads));

  constructor(db: lancedb.Connection, now: () => number = Date.now) {
    this.#open = lazyTable(db, TABLE, schema);
    this.#now = now;
    this.#tidier = new Tidier(now);
  }

  async remember(thread: string): Promise<void> {
    this.#know(thread, this.#now());
    await this.#writes.submit(thread);
  }

  async answered(thread: string): Promise<boolean> {
    const known = this.#known.get(thread);
    if (known !== undefined && this.#now() - known < FOLLOW_MS) return true;
    const table = await this.#open();
    await table.checkoutLatest();
    const [row] = await table.query().where(`thread = ${sqlString(thread)} AND at > ${this.#now() - FOLLOW_MS}`).limit(1).toArray();
    if (row) this.#know(thread, Number(row.at));
    return row !== undefined;
  }

  #know(thread: string, at: number): void {
    this.#known.delete(thread);
    this.#known.set(thread, at);
    if (this.#known.size > KNOWN_LIMIT) this.#known.delete(this.#known.keys().next().value!);
  }

  async #write(threads: string[]): Promise<void[]> {
    const at = this.#now();
    const table = await this.#open();
    await table.mergeInsert("thread").whenMatchedUpdateAll().whenNotMatchedInsertAll().execute([...new Set(threads)].map((thread) => ({ thread, at })));
    await this.#tidier.committed(table, `at < ${at - FOLLOW_MS}`);
    return threads.map(() => undefined);
  }
}
