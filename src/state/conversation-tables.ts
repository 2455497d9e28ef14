import type * as lancedb from "@lancedb/lancedb";
import { Field, Float64, Schema, Utf8 } from "apache-arrow";
import { Conversations, type ConversationLimits, type Turn } from "../answer/conversations.ts";
import { sqlString } from "../store/lance/filters.ts";
import { lazyTable, Tidier } from "./chat-table.ts";
import { GroupCommit } from "./group-commit.ts";

const TABLE = "chat_conversations";
const schema = new Schema([new Field("thread", new Utf8(), false), new Field("turns", new Utf8(), false), new Field("touched", new Float64(), false)]);

/** The same bounds as the in-memory conversations: a few turns per thread, forgotten after two quiet hours. */
const LIMITS: ConversationLimits = { maxTurns: 6, ttlMs: 2 * 60 * 60 * 1000, maxThreads: 1000 };

type Entry = { turns: Turn[]; touched: number };

/**
 * Conversations kept in the library's database as well as in memory, so a
 * follow-up ("which of those is the most recent?") still works after a
 * restart, or when another replica took the thread's first question.
 * Reads stay in memory (the answerer asks synchronously); `refresh` pulls
 * a thread's newer copy from the database before a question is answered,
 * and every new turn is written through (threads written together share
 * one commit). The database holds each thread's latest turns as JSON.
 */
export class LanceConversations extends Conversations {
  readonly #open: () => Promise<lancedb.Table>;
  readonly #tidier: Tidier;
  readonly #now: () => number;
  readonly #onError: (error: unknown) => void;
  readonly #threads = new Map<string, Entry>();
  readonly #writes = new GroupCommit<{ thread: string } & Entry, void>((entries) => this.#write(entries));

  constructor(db: lancedb.Connection, options: { now?: () => number; onError?: (error: unknown) => void } = {}) {
    super(LIMITS, options.now);
    this.#open = lazyTable(db, TABLE, schema);
    this.#now = options.now ?? Date.now;
    this.#tidier = new Tidier(this.#now);
    this.#onError = options.onError ?? (() => {});
  }

  override turns(thread: string | undefined): Turn[] {
    if (!thread) return [];
    const entry = this.#threads.get(thread);
    if (!entry) return [];
    if (this.#now() - entry.touched > LIMITS.ttlMs) {
      this.#threads.delete(thread);
      return [];
    }
    return entry.turns;
  }

  override add(thread: string | undefined, turn: Turn): void {
    if (!thread) return;
    const entry = { turns: [...this.turns(thread), turn].slice(-LIMITS.maxTurns), touched: this.#now() };
    this.#remember(thread, entry);
    // Answering does not wait for the write; a failed one costs only the follow-up's context elsewhere.
    this.#writes.submit({ thread, ...entry }).catch(this.#onError);
  }

  /** Takes the database's copy of the thread when it is newer than this process's (another replica answered since). */
  async refresh(thread: string): Promise<void> {
    const table = await this.#open();
    await table.checkoutLatest();
    const [row] = await table.query().where(`thread = ${sqlString(thread)}`).limit(1).toArray();
    if (!row) return;
    const touched = Number(row.touched);
    if (this.#now() - touched > LIMITS.ttlMs || touched <= (this.#threads.get(thread)?.touched ?? 0)) return;
    this.#remember(thread, { turns: JSON.parse(row.turns as string) as Turn[], touched });
  }

  #remember(thread: string, entry: Entry): void {
    // Re-inserting keeps the map in least-recently-used order for eviction.
    this.#threads.delete(thread);
    this.#threads.set(thread, entry);
    while (this.#threads.size > LIMITS.maxThreads) this.#threads.delete(this.#threads.keys().next().value!);
  }

  async #write(entries: ({ thread: string } & Entry)[]): Promise<void[]> {
    const latest = new Map(entries.map((entry) => [entry.thread, entry]));
    const table = await this.#open();
    const rows = [...latest.values()].map((entry) => ({ thread: entry.thread, turns: JSON.stringify(entry.turns), touched: entry.touched }));
    // A replica's older copy never overwrites a newer one.
    await table.mergeInsert("thread").whenMatchedUpdateAll({ where: "target.touched < source.touched" }).whenNotMatchedInsertAll().execute(rows);
    await this.#tidier.committed(table, `touched < ${this.#now() - LIMITS.ttlMs}`);
    return entries.map(() => undefined);
  }
}
