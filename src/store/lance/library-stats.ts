/**
 * Read-only queries for `paperbot stats`. Unlike the digest store, which
 * creates its tables on first use, nothing here writes: a stats run beside
 * a live `serve` must not race it to create a table.
 */
import type * as lancedb from "@lancedb/lancedb";
import type { Subscription } from "../../digest/types.ts";

/** The table LanceDigestStore keeps subscriptions in (see digest-tables.ts). */
const SUBSCRIPTIONS = "digest_subscriptions";

/** Only the columns stats counts, so the vectors are never read. */
export type PaperFacts = { publishedAt?: string; featuredAt?: string; source: string; addedAt: string; upvotes: number };

export async function paperFacts(table: lancedb.Table | undefined): Promise<PaperFacts[]> {
  if (!table) return [];
  const present = new Set((await table.schema()).fields.map((field) => field.name));
  // `extra` (where featuredAt lives) arrived with the live sources; the store migrates it in, but stats never assumes.
  const columns = ["published_at", "source", "added_at", "upvotes", ...(present.has("extra") ? ["extra"] : [])];
  const rows = await table.query().select(columns).toArray();
  return rows.map((row) => {
    const featuredAt = typeof row.extra === "string" ? (JSON.parse(row.extra) as { featuredAt?: string }).featuredAt : undefined;
    return {
      source: String(row.source),
      addedAt: String(row.added_at),
      upvotes: Number(row.upvotes ?? 0),
      ...(row.published_at != null && { publishedAt: String(row.published_at) }),
      ...(featuredAt && { featuredAt }),
    };
  });
}

export async function readSubscriptions(db: lancedb.Connection): Promise<Subscription[]> {
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
