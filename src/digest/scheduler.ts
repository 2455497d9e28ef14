import { Cron } from "croner";
import type { Logger } from "pino";
import { addDays, dayIn, minutesIn } from "./days.ts";
import type { DigestStore } from "./digest-store.ts";
import type { DigestService } from "./service.ts";
import type { Subscription } from "./types.ts";

export type SchedulerDeps = { store: DigestStore; service: DigestService; logger: Logger; beforeEach?: () => Promise<void>; now?: () => Date };

/**
 * Runs each subscription's digest daily at its time in its time zone. At
 * start it catches up once on what downtime missed; `reload` picks up
 * subscription changes. `beforeEach` runs first (e.g. a fetch of new papers).
 */
export class DigestScheduler {
  readonly #jobs = new Map<string, Cron>();
  readonly #deps: SchedulerDeps;

  constructor(deps: SchedulerDeps) {
    this.#deps = deps;
  }

  async start(): Promise<void> {
    await this.reload();
    await this.catchUp();
  }

  /** Digests that came due while the bot was down, posted once (each covers every day it missed). */
  async catchUp(): Promise<void> {
    const now = (this.#deps.now ?? (() => new Date()))();
    for (const subscription of await this.#deps.store.subscriptions()) {
      const [hours, minutes] = subscription.time.split(":").map(Number) as [number, number];
      const today = dayIn(subscription.timeZone, now);
      const pastTime = minutesIn(subscription.timeZone, now) >= hours * 60 + minutes;
      const missed = subscription.lastDate ? subscription.lastDate < today && (pastTime || subscription.lastDate < addDays(today, -1)) : pastTime;
      if (missed) await this.#run(subscription);
    }
  }

  async reload(): Promise<void> {
    const subscriptions = await this.#deps.store.subscriptions();
    for (const [channel, job] of this.#jobs) {
      if (!subscriptions.some((subscription) => subscription.channel === channel)) {
        job.stop();
        this.#jobs.delete(channel);
      }
    }
    for (const subscription of subscriptions) {
      this.#jobs.get(subscription.channel)?.stop();
      const [hours, minutes] = subscription.time.split(":");
      const job = new Cron(`${Number(minutes)} ${Number(hours)} * * *`, { timezone: subscription.timeZone, protect: true }, () => this.#runLatest(subscription.channel));
      this.#jobs.set(subscription.channel, job);
    }
  }

  stop(): void {
    for (const job of this.#jobs.values()) job.stop();
    this.#jobs.clear();
  }

  /** The next time each subscription's digest runs, for logs and tests. */
  nextRuns(): Map<string, Date | null> {
    return new Map([...this.#jobs].map(([channel, job]) => [channel, job.nextRun()]));
  }

  async #runLatest(channel: string): Promise<void> {
    const subscription = await this.#deps.store.subscription(channel);
    if (subscription) await this.#run(subscription);
  }

  async #run(subscription: Subscription): Promise<void> {
    try {
      await this.#deps.beforeEach?.();
      await this.#deps.service.runDue(subscription, (this.#deps.now ?? (() => new Date()))());
    } catch (error) {
      this.#deps.logger.error({ err: error, channel: subscription.channel }, "digest failed; it will be caught up on the next run");
    }
  }
}

