import { randomUUID } from "node:crypto";
import type * as lancedb from "@lancedb/lancedb";
import { Field, Float64, Schema, Utf8 } from "apache-arrow";
import type { QuestionLimiter, RateDecision } from "../chat/rate-limit.ts";
import type { SeenEvents } from "../chat/seen-events.ts";
import type { AnsweredThreads } from "../chat/threads.ts";
import { sqlString } from "../store/lance/filters.ts";
import { lazyTable, Tidier } from "./chat-table.ts";
import { GroupCommit } from "./group-commit.ts";
import { LanceAnsweredThreads } from "./thread-tables.ts";

const EVENTS = "chat_events";
const QUESTIONS = "chat_questions";
const text = (name: string) => new Field(name, new Utf8(), false);
const eventsSchema = new Schema([text("event_key"), text("claimant"), new Field("at", new Float64(), false)]);
const questionsSchema = new Schema([text("entry"), text("user_key"), new Field("at", new Float64(), false)]);

/** Platforms retry an unacknowledged event for up to about an hour; a day covers that and a restart in between. */
const EVENT_MEMORY_MS = 24 * 60 * 60 * 1000;
/** Longer than two overlapping claim commits take (a local commit takes tens of ms). */
const SETTLE_MS = 500;

export type ChatStateOptions = { questionsPerWindow: number; windowMs: number; now?: () => number };

/**
 * Chat state in the library's database, shared by restarts and by every
 * replica that opens the same database: which platform events have been
 * claimed (so a retry after a restart is not answered again) and when each
 * user asked (so the per-user limit holds across replicas), and which
 * threads the bot answered in (so it follows them after a restart).
 *
 * A claim inserts (event, a fresh claimant id) where the latest version
 * of the table has no row for the event. LanceDB has no unique keys: two
 * replicas whose inserts overlap in time both commit a row. So after a
 * settling pause longer than any such overlap, the claim reads the rows
 * again, and the earliest (time, claimant) wins, the same answer for every
 * replica. Requests that arrive together share one commit and one pause.
 * Question counts are read at the latest version and added; two replicas
 * counting at the same instant can each let one question through.
 */
export class LanceChatState implements SeenEvents, QuestionLimiter, AnsweredThreads {
  readonly #options: ChatStateOptions;
  readonly #now: () => number;
  readonly #events: () => Promise<lancedb.Table>;
  readonly #questions: () => Promise<lancedb.Table>;
  readonly #tidier: Tidier;
  readonly #claims = new GroupCommit<string, boolean>((keys) => this.#claim(keys));
  readonly #takes = new GroupCommit<string, RateDecision>((users) => this.#take(users));
  readonly #threads: LanceAnsweredThreads;

  constructor(db: lancedb.Connection, options: ChatStateOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#events = lazyTable(db, EVENTS, eventsSchema);
    this.#questions = lazyTable(db, QUESTIONS, questionsSchema);
    this.#tidier = new Tidier(this.#now);
    this.#threads = new LanceAnsweredThreads(db, this.#now);
  }

  remember(thread: string): Promise<void> {
    return this.#threads.remember(thread);
  }

  answered(thread: string): Promise<boolean> {
    return this.#threads.answered(thread);
  }

  firstTime(key: string): Promise<boolean> {
    return this.#claims.submit(key);
  }

  take(userKey: string): Promise<RateDecision> {
    return this.#takes.submit(userKey);
  }

  async #claim(keys: string[]): Promise<boolean[]> {
    const now = this.#now();
    const table = await this.#events();
    const unique = [...new Set(keys)];
    // Fresh for every batch: an event claimed by an earlier batch of this same process is not first either.
    const claimant = randomUUID();
    await table.checkoutLatest();
    const result = await table.mergeInsert("event_key").whenNotMatchedInsertAll().execute(unique.map((key) => ({ event_key: key, claimant, at: now })));
    if (result.numInsertedRows > 0) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await table.checkoutLatest();
    const rows = await table.query().where(`event_key IN (${unique.map(sqlString).join(", ")})`).select(["event_key", "claimant", "at"]).toArray();
    const first = new Map<string, { claimant: string; at: number }>();
    for (const row of rows) {
      const candidate = { claimant: row.claimant as string, at: Number(row.at) };
      const held = first.get(row.event_key as string);
      if (!held || candidate.at < held.at || (candidate.at === held.at && candidate.claimant < held.claimant)) first.set(row.event_key as string, candidate);
    }
    const won = new Set(unique.filter((key) => first.get(key)?.claimant === claimant));
    await this.#tidier.committed(table, `at < ${now - EVENT_MEMORY_MS}`);
    // A key twice in one batch (a retry racing its original) is first only once.
    return keys.map((key) => won.delete(key));
  }

  async #take(users: string[]): Promise<RateDecision[]> {
    const { questionsPerWindow, windowMs } = this.#options;
    const now = this.#now();
    const table = await this.#questions();
    await table.checkoutLatest();
    const unique = [...new Set(users)];
    const rows = await table.query().where(`user_key IN (${unique.map(sqlString).join(", ")}) AND at > ${now - windowMs}`).select(["user_key", "at"]).toArray();
    const recent = new Map<string, number[]>();
    for (const row of rows) recent.set(row.user_key as string, [...(recent.get(row.user_key as string) ?? []), Number(row.at)]);
    const added: { entry: string; user_key: string; at: number }[] = [];
    const decisions = users.map((user): RateDecision => {
      const times = recent.get(user) ?? [];
      if (times.length >= questionsPerWindow) return { allowed: false, retryInMs: windowMs - (now - Math.min(...times)) };
      recent.set(user, [...times, now]);
      added.push({ entry: `${user}|${now}|${randomUUID()}`, user_key: user, at: now });
      return { allowed: true };
    });
    if (added.length > 0) {
      await table.add(added);
      await this.#tidier.committed(table, `at < ${now - windowMs}`);
    }
    return decisions;
  }
}
