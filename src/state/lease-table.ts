import type * as lancedb from "@lancedb/lancedb";
import { Field, Float64, Schema, Utf8 } from "apache-arrow";
import type { Lease, LeaseHolder, LeaseOptions } from "../digest/lease.ts";
import { PaperbotError } from "../errors.ts";
import { sqlString } from "../store/lance/filters.ts";
import { openIfExists } from "../store/lance/open-table.ts";

const LEASES = "leases";
/** After this many successful claims (a renewal every 15 s adds a version each), old versions are pruned, so the table stays a few files. */
const TIDY_EVERY_CLAIMS = 200;
/** Versions younger than this are kept by the tidy: a reader in another process may still be on one. */
const KEEP_VERSIONS_MS = 60_000;

const schema = new Schema([new Field("name", new Utf8(), false), new Field("owner", new Utf8(), false), new Field("expires_at", new Float64(), false)]);

/**
 * A lease as one row of the `leases` table (name, owner, expiry). Every
 * claim is a conditional merge ("take it if it is ours or expired"); LanceDB
 * commits merges optimistically and re-runs one that lost a race against
 * the newer row, so of two claims at once exactly one succeeds.
 *
 * The row is written with the table, never inserted later: two inserts of
 * the same key at once would both succeed and leave two rows. Concurrent
 * creations of the table can still overwrite each other, which is why a
 * caller confirms a fresh claim after a short settle (see the scheduler).
 *
 * Expiry is the claimant's wall clock: hosts sharing a database must keep
 * their clocks within a small part of `ttlMs` of each other.
 */
export class LanceLease implements Lease {
  readonly owner: string;
  readonly #db: lancedb.Connection;
  readonly #name: string;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #table: Promise<lancedb.Table> | undefined;
  #claims = 0;

  constructor(db: lancedb.Connection, name: string, options: LeaseOptions) {
    this.#db = db;
    this.#name = name;
    this.owner = options.owner;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now;
  }

  async claim(): Promise<boolean> {
    const now = this.#now();
    const table = await this.#open();
    // A merge decides on the version it reads: without this, a lease released or expired since we last looked still looks held.
    await table.checkoutLatest();
    const result = await table
      .mergeInsert("name")
      .whenMatchedUpdateAll({ where: `target.owner = source.owner OR target.expires_at <= ${now}` })
      .execute([{ name: this.#name, owner: this.owner, expires_at: now + this.#ttlMs }]);
    const held = result.numUpdatedRows > 0;
    // Only the holder tidies, so standbys' claims do not race a compaction for nothing; a failed tidy waits for the next.
    if (held && ++this.#claims % TIDY_EVERY_CLAIMS === 0) await table.optimize({ cleanupOlderThan: new Date(Date.now() - KEEP_VERSIONS_MS) }).catch(() => undefined);
    return held;
  }

  async release(): Promise<void> {
    const table = await this.#open();
    await table.mergeInsert("name").whenMatchedUpdateAll({ where: "target.owner = source.owner" }).execute([{ name: this.#name, owner: this.owner, expires_at: 0 }]);
  }

  async holder(): Promise<LeaseHolder | undefined> {
    const table = await this.#open();
    // Reads do not otherwise see other processes' commits made since the table was opened.
    await table.checkoutLatest();
    const [row] = await table.query().where(`name = ${sqlString(this.#name)}`).limit(1).toArray();
    return row && row.owner ? { owner: row.owner as string, expiresAt: new Date(Number(row.expires_at)) } : undefined;
  }

  #open(): Promise<lancedb.Table> {
    if (!this.#table) {
      this.#table = this.#openOrCreate().catch((cause: unknown) => {
        this.#table = undefined;
        throw new PaperbotError("STORE_FAILED", `Could not open the ${LEASES} table: ${(cause as Error).message}`, { cause });
      });
    }
    return this.#table;
  }

  async #openOrCreate(): Promise<lancedb.Table> {
    const seed = [{ name: this.#name, owner: "", expires_at: 0 }];
    const table = await openIfExists(this.#db, LEASES);
    if (!table) return this.#db.createTable(LEASES, seed, { schema, existOk: true });
    if ((await table.countRows(`name = ${sqlString(this.#name)}`)) === 0) {
      // A lease name the table was not created with: its first row, inserted once (identical rows from a race claim alike).
      await table.mergeInsert("name").whenNotMatchedInsertAll().execute(seed);
    }
    return table;
  }
}
