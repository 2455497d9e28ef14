import { Cron } from "croner";
import type { Logger } from "pino";
import { shiftDay } from "../search/time-phrases.ts";
import { dayIn, minutesIn } from "./days.ts";
import type { DigestStore } from "./digest-store.ts";
import { Leadership, LEASE_TTL_MS, ownerId, RENEW_EVERY_MS } from "./leadership.ts";
import type { DigestService } from "./service.ts";
import type { Subscription } from "./types.ts";

/** The lease's name in the database's `leases` table. */
export const SCHEDULER_LEASE = "digest-scheduler";

/** Lease timing, shortened by tests (with `now` as their clock); the defaults are in leadership.ts. */
export type SchedulerLeaseOptions = { ttlMs?: number; renewMs?: number; settleMs?: number; sleep?: (ms: number) => Promise<void>; owner?: string };

export type SchedulerDeps = {
  store: DigestStore;
  service: DigestService;
  logger: Logger;
  beforeEach?: () => Promise<void>;
  now?: () => Date;
  lease?: SchedulerLeaseOptions;
};

/**
 * Runs each subscription's digest daily at its time in its time zone. At
 * start it catches up once on what downtime missed; `reload` picks up
 * subscription changes. `beforeEach` runs first (e.g. a fetch of new papers).
 *
 * Of several processes sharing one database (replicas of `serve`), exactly
 * one runs digests: the holder of a lease in that database, renewed every
 * RENEW_EVERY_MS. The others stand by and retry as often; when the holder
 * stops (it releases the lease) or dies (the lease expires), one of them
 * takes over and catches up on what was missed. The leader re-reads the
 * subscriptions at each renewal, so changes made through another replica
 * reach it within one renewal.
 */
export class DigestScheduler {
  readonly #jobs = new Map<string, { schedule: string; job: Cron }>();
  readonly #deps: SchedulerDeps;
  readonly #leadership: Leadership | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #ticking: Promise<void> = Promise.resolve();

  constructor(deps: SchedulerDeps) {
    this.#deps = deps;
    const options = deps.lease ?? {};
    const lease = deps.store.lease?.(SCHEDULER_LEASE, { owner: options.owner ?? ownerId(), ttlMs: options.ttlMs ?? LEASE_TTL_MS, now: () => this.#now().getTime() });
    this.#leadership = lease && new Leadership(lease, { logger: deps.logger, ...(options.settleMs !== undefined && { settleMs: options.settleMs }), ...(options.sleep && { sleep: options.sleep }) });
  }

  async start(): Promise<void> {
    if (!this.#leadership) {
      await this.reload();
      await this.catchUp();
      return;
    }
    await this.tick();
    this.#timer = setInterval(() => void this.tick(), this.#deps.lease?.renewMs ?? RENEW_EVERY_MS);
    // Renewal alone must not keep a stopping process alive.
    this.#timer.unref();
  }

  /** Whether this process runs the digests (always, for a store without leases). */
  get leading(): boolean {
    return this.#leadership?.leading ?? true;
  }

  /**
   * One round of the lease: take it (then schedule and catch up), renew it
   * (and re-read subscriptions), or notice it was lost (and unschedule).
   * Runs every RENEW_EVERY_MS; tests call it directly with a moved clock.
   */
  tick(): Promise<void> {
    this.#ticking = this.#ticking.then(() => this.#tick());
    return this.#ticking;
  }

  async #tick(): Promise<void> {
    const leadership = this.#leadership;
    if (!leadership) return;
    const wasLeading = leadership.leading;
    const leading = await leadership.check();
    try {
      if (leading) await this.#schedule();
      if (leading && !wasLeading) await this.catchUp();
    } catch (error) {
      this.#deps.logger.error({ err: error }, "digest scheduler: could not read the subscriptions; retrying at the next renewal");
    }
    if (!leading && wasLeading) this.#unschedule();
  }

  /** Digests that came due while the bot was down, posted once (each covers every day it missed). */
  async catchUp(): Promise<void> {
    if (!this.leading) return;
    const now = this.#now();
    for (const subscription of await this.#deps.store.subscriptions()) {
      const [hours, minutes] = subscription.time.split(":").map(Number) as [number, number];
      const today = dayIn(subscription.timeZone, now);
      const pastTime = minutesIn(subscription.timeZone, now) >= hours * 60 + minutes;
      const missed = subscription.lastDate ? subscription.lastDate < today && (pastTime || subscription.lastDate < shiftDay(today, -1)) : pastTime;
      if (missed) await this.#run(subscription);
    }
  }

  /** Picks up subscription changes; a standby has nothing scheduled, and the leader reads them at its next renewal anyway. */
  async reload(): Promise<void> {
    if (this.leading) await this.#schedule();
  }

  /** Stops scheduling and gives the lease up, so a standby takes over without waiting for it to expire. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#unschedule();
    await this.#ticking.catch(() => undefined);
    await this.#leadership?.release();
  }

  /** The next time each subscription's digest runs, for logs and tests; empty on a standby. */
  nextRuns(): Map<string, Date | null> {
    return new Map([...this.#jobs].map(([channel, { job }]) => [channel, job.nextRun()]));
  }

  async #schedule(): Promise<void> {
    const subscriptions = await this.#deps.store.subscriptions();
    for (const [channel, { job }] of this.#jobs) {
      if (!subscriptions.some((subscription) => subscription.channel === channel)) {
        job.stop();
        this.#jobs.delete(channel);
      }
    }
    for (const subscription of subscriptions) {
      const schedule = `${subscription.time} ${subscription.timeZone}`;
      // Unchanged ones keep their job: the leader re-reads every subscription at each renewal.
      if (this.#jobs.get(subscription.channel)?.schedule === schedule) continue;
      this.#jobs.get(subscription.channel)?.job.stop();
      const [hours, minutes] = subscription.time.split(":");
      const job = new Cron(`${Number(minutes)} ${Number(hours)} * * *`, { timezone: subscription.timeZone, protect: true }, () => this.#runLatest(subscription.channel));
      this.#jobs.set(subscription.channel, { schedule, job });
    }
  }

  #unschedule(): void {
    for (const { job } of this.#jobs.values()) job.stop();
    this.#jobs.clear();
  }

  async #runLatest(channel: string): Promise<void> {
    const subscription = await this.#deps.store.subscription(channel);
    if (subscription) await this.#run(subscription);
  }

  async #run(subscription: Subscription): Promise<void> {
    // Renewed right before posting: a process paused past its lease (and replaced) must not post too.
    if (this.#leadership && !(await this.#leadership.confirm())) {
      this.#unschedule();
      return;
    }
    try {
      await this.#deps.beforeEach?.();
      await this.#deps.service.runDue(subscription, this.#now());
    } catch (error) {
      this.#deps.logger.error({ err: error, channel: subscription.channel }, "digest failed; it will be caught up on the next run");
    }
  }

  #now(): Date {
    return (this.#deps.now ?? (() => new Date()))();
  }
}
