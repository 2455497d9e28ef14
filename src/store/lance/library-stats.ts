/**
 * Read-only queries for `paperbot stats`. Unlike the digest store, which
 * creates its tables on first use, nothing here writes: a stats run beside
 * a live `serve` must not race it to create a table.
 */
import type * as lancedb from "@lancedb/lancedb";

/** The table LanceDigestStore keeps subscriptions in (see src/state/digest-tables.ts). */
const SUBSCRIPTIONS = "digest_subscriptions";

/** Only the columns stats counts, so the vectors are never read. */
export type PaperFacts = { publishedAt?: string; source: string; addedAt: string };

export async function paperFacts(table: lancedb.Table | undefined): Promise<PaperFacts[]> {
  if (!table) return [];
  const rows = await table.query().select(["published_at", "source", "added_at"]).toArray();
  return rows.map((row) => ({
    source: String(row.source),
    addedAt: String(row.added_at),
    ...(row.published_at != null && { publishedAt: String(row.published_at) }),
  }));
}

/** A digest subscription as its table holds it (the same shape as the digest folder's Subscription, which the store does not import). */
export type SubscriptionRow = { channel: string; time: string; timeZone: string; topic?: string; lastDate?: string };

export async function readSubscriptions(db: lancedb.Connection): Promise<SubscriptionRow[]> {
  if (!(await db.tableNames()).includes(SUBSCRIPTIONS)) return [];
  const rows = await (await db.openTable(SUBSCRIPTIONS)).query().toArray();
  return rows.map((row) => ({
    channel: String(row.channel),
    time: String(row.time),
    timeZone: String(row.time_zone),
    ...(row.topic != null && { topic: String(row.topic) }),
    ...(row.last_date != null && { lastDate: String(row.last_date) }),
  }));
}
