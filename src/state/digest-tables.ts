import type * as lancedb from "@lancedb/lancedb";
import { Field, Schema, Utf8 } from "apache-arrow";
import type { DigestStore, PostedEntry } from "../digest/digest-store.ts";
import type { Lease, LeaseOptions } from "../digest/lease.ts";
import type { Subscription } from "../digest/types.ts";
import { sqlString } from "../store/lance/filters.ts";
import { LanceLease } from "./lease-table.ts";

const SUBSCRIPTIONS = "digest_subscriptions";
const LOG = "digest_log";

const text = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
const subscriptionSchema = new Schema([text("channel"), text("topic", true), text("time"), text("time_zone"), text("last_date", true)]);
const logSchema = new Schema([text("entry_key"), text("channel"), text("paper_id"), text("title_key", true), text("digest_key"), text("state"), text("date")]);

/**
 * Digest state as two small LanceDB tables next to `papers`. Each change is
 * one merge (one commit), so a crash leaves either the old or the new state.
 */
export class LanceDigestStore implements DigestStore {
  readonly #db: lancedb.Connection;

  constructor(db: lancedb.Connection) {
    this.#db = db;
  }

  async subscriptions(): Promise<Subscription[]> {
    const table = await this.#table(SUBSCRIPTIONS, subscriptionSchema);
    return (await table.query().toArray()).map(toSubscription);
  }

  async subscription(channel: string): Promise<Subscription | undefined> {
    const table = await this.#table(SUBSCRIPTIONS, subscriptionSchema);
    const [row] = await table.query().where(`channel = ${sqlString(channel)}`).limit(1).toArray();
    return row ? toSubscription(row) : undefined;
  }

  async saveSubscription(subscription: Subscription): Promise<void> {
    const table = await this.#table(SUBSCRIPTIONS, subscriptionSchema);
    const row = { channel: subscription.channel, topic: subscription.topic ?? null, time: subscription.time, time_zone: subscription.timeZone, last_date: subscription.lastDate ?? null };
    await table.mergeInsert("channel").whenMatchedUpdateAll().whenNotMatchedInsertAll().execute([row]);
  }

  async removeSubscription(channel: string): Promise<boolean> {
    const table = await this.#table(SUBSCRIPTIONS, subscriptionSchema);
    const before = await table.countRows(`channel = ${sqlString(channel)}`);
    if (before > 0) await table.delete(`channel = ${sqlString(channel)}`);
    return before > 0;
  }

  async log(channel: string): Promise<PostedEntry[]> {
    const table = await this.#table(LOG, logSchema);
    const rows = await table.query().where(`channel = ${sqlString(channel)}`).toArray();
    return rows.map((row) => ({ channel: row.channel, paperId: row.paper_id, titleKey: row.title_key ?? "", key: row.digest_key, state: row.state, date: row.date }));
  }

  async record(entries: PostedEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const table = await this.#table(LOG, logSchema);
    const rows = entries.map((entry) => ({ entry_key: `${entry.channel}|${entry.paperId}`, channel: entry.channel, paper_id: entry.paperId, title_key: entry.titleKey, digest_key: entry.key, state: entry.state, date: entry.date }));
    await table.mergeInsert("entry_key").whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(rows);
  }

  async forget(channel: string, key: string): Promise<void> {
    const table = await this.#table(LOG, logSchema);
    await table.delete(`channel = ${sqlString(channel)} AND digest_key = ${sqlString(key)} AND state = 'intent'`);
  }

  lease(name: string, options: LeaseOptions): Lease {
    return new LanceLease(this.#db, name, options);
  }

  async #table(name: string, schema: Schema): Promise<lancedb.Table> {
    const names = await this.#db.tableNames();
    if (!names.includes(name)) return this.#db.createEmptyTable(name, schema, { existOk: true });
    const table = await this.#db.openTable(name);
    // Logs from before titles were recorded gain the column, empty.
    const present = new Set((await table.schema()).fields.map((field) => field.name));
    const missing = schema.fields.filter((field) => !present.has(field.name) && field.nullable);
    if (missing.length > 0) await table.addColumns(missing.map((field) => ({ name: field.name, valueSql: "CAST(NULL AS STRING)" })));
    return table;
  }
}

function toSubscription(row: Record<string, unknown>): Subscription {
  return {
    channel: row.channel as string,
    time: row.time as string,
    timeZone: row.time_zone as string,
    ...(row.topic != null && { topic: row.topic as string }),
    ...(row.last_date != null && { lastDate: row.last_date as string }),
  };
}
