import { hostname } from "node:os";
import type { Logger } from "pino";
import type { Lease } from "./lease.ts";

/** A dead leader's lease runs out after this long, and a standby takes over: how late a digest can be when its process dies. */
export const LEASE_TTL_MS = 60_000;
/** The leader renews (and a standby retries) this often: a few renewals fit in one lease, so one slow write does not lose it. */
export const RENEW_EVERY_MS = 15_000;
/**
 * A freshly won lease is confirmed after this long before acting on it:
 * processes that create the lease table at the same moment can overwrite
 * each other's first claim, and a second claim after the creations are
 * done sees which one stands.
 */
const SETTLE_MS = 1_000;

export type LeadershipOptions = { settleMs?: number; sleep?: (ms: number) => Promise<void>; logger: Logger };

/** An owner id that says in logs which process holds the lease. */
export function ownerId(): string {
  return `${hostname()}/pid ${process.pid}/${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Whether this process leads, by a lease in the database: `check` claims
 * or renews it, confirming a fresh win after a settle; `confirm` renews it
 * right before acting, so a process that lost it while paused does not act.
 */
export class Leadership {
  readonly #lease: Lease;
  readonly #settleMs: number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #logger: Logger;
  #leading = false;
  #announcedStandby = false;

  constructor(lease: Lease, options: LeadershipOptions) {
    this.#lease = lease;
    this.#settleMs = options.settleMs ?? SETTLE_MS;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#logger = options.logger;
  }

  get leading(): boolean {
    return this.#leading;
  }

  /** One round: returns whether this process leads now. */
  async check(): Promise<boolean> {
    if (this.#leading) return this.confirm();
    const won = (await this.#claim()) && (await this.#stillOursAfterSettle());
    if (!won) {
      await this.#standingBy();
      return false;
    }
    this.#leading = true;
    this.#announcedStandby = false;
    this.#logger.info({ owner: this.#lease.owner }, "digest scheduler: this process runs the digests");
    return true;
  }

  /** Renews the lease; on losing it, steps down. */
  async confirm(): Promise<boolean> {
    if (!this.#leading) return false;
    if (await this.#claim()) return true;
    this.#leading = false;
    this.#logger.warn({ owner: this.#lease.owner, holder: await this.#holder() }, "digest scheduler: lost the lease; standing by");
    return false;
  }

  async release(): Promise<void> {
    if (!this.#leading) return;
    this.#leading = false;
    await this.#lease.release().catch((error: unknown) => this.#logger.warn({ err: error }, "digest scheduler: could not release the lease; another process takes over when it expires"));
  }

  async #stillOursAfterSettle(): Promise<boolean> {
    await this.#sleep(this.#settleMs);
    return this.#claim();
  }

  async #claim(): Promise<boolean> {
    try {
      return await this.#lease.claim();
    } catch (error) {
      // Unsure whether we hold it: acting could duplicate a digest, waiting only delays one.
      this.#logger.warn({ err: error }, "digest scheduler: could not reach the lease");
      return false;
    }
  }

  async #standingBy(): Promise<void> {
    if (this.#announcedStandby) return;
    this.#announcedStandby = true;
    this.#logger.info({ owner: this.#lease.owner, holder: await this.#holder() }, "digest scheduler: another process runs the digests; standing by");
  }

  async #holder(): Promise<string | undefined> {
    const holder = await this.#lease.holder().catch(() => undefined);
    return holder && `${holder.owner} until ${holder.expiresAt.toISOString()}`;
  }
}
