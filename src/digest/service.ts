import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { PaperbotError } from "../errors.ts";
import type { Library } from "../library/library.ts";
import { shiftDay } from "../search/time-phrases.ts";
import { dayIn } from "./days.ts";
import { normalizeTitle } from "../papers/paper.ts";
import type { DigestStore, PostedEntry } from "./digest-store.ts";
import { selectPapers } from "./select.ts";
import type { Summarizer } from "./summary.ts";
import { importLogId } from "./imports.ts";
import type { Digest, ImportNote, Subscription } from "./types.ts";

/** The log's stand-in paper id for a day's "no new papers" note; no paper id looks like it. */
const NOTE_PREFIX = "note:";

/** Puts a digest into a channel; the platform adapters implement it. */
export interface DigestPoster {
  post(digest: Digest): Promise<void>;
  /** Whether a digest with this key is already in the channel: how a crashed run learns what went out. */
  hasPosted(channel: string, key: string): Promise<boolean>;
  /** Whether it can post to this channel at all (a configured platform's channel); assumed when absent. */
  accepts?(channel: string): boolean;
}

/** `timeZone`: for channels without a subscription (default UTC). */
export type DigestSettings = { limit: number; emptyDays: "post" | "skip"; catchUpDays: number; timeZone?: string };
export type DigestRun = { channel: string; from?: string; to?: string; topic?: string; limit?: number; dryRun?: boolean; now?: Date; timeZone?: string; first?: boolean };
export type DigestOutcome = { digest: Digest; posted: boolean };
export type DigestDeps = { library: Library; store: DigestStore; poster?: DigestPoster; summarizer: Summarizer; settings: DigestSettings; logger: Logger };
/** The days a channel's next digest covers; `upToDate` when its last one already covered today. */
export type DueDays = { from: string; to: string; timeZone: string; first: boolean; upToDate: boolean };

/**
 * Builds and posts digests, never the same paper twice to a channel, never
 * silently nothing. Each post is logged as an intent first and confirmed
 * after; a run that finds an unconfirmed intent asks the platform whether
 * that post went out, and confirms or forgets it before going on.
 */
export class DigestService {
  readonly #deps: DigestDeps;

  constructor(deps: DigestDeps) {
    this.#deps = deps;
  }

  /**
   * The days a channel's next digest covers: every day since its last one
   * (a week at most), through today. A channel that never had one gets the
   * past week, so its first digest shows what is recent rather than one
   * day that may well be empty.
   */
  async due(channel: string, now = new Date(), timeZone?: string): Promise<DueDays> {
    const { store, settings } = this.#deps;
    const subscription = await store.subscription(channel);
    const zone = timeZone ?? subscription?.timeZone ?? settings.timeZone ?? "UTC";
    const today = dayIn(zone, now);
    const earliest = shiftDay(today, -(settings.catchUpDays - 1));
    const last = subscription?.lastDate ?? latestDate(await store.log(channel));
    if (!last) return { from: earliest, to: today, timeZone: zone, first: true, upToDate: false };
    const next = shiftDay(last, 1);
    if (next > today) return { from: today, to: today, timeZone: zone, first: false, upToDate: true };
    return { from: next < earliest ? earliest : next, to: today, timeZone: zone, first: false, upToDate: false };
  }

  /** The digest that is due for a subscription now, or nothing when its last one covered today. */
  async runDue(subscription: Subscription, now = new Date()): Promise<DigestOutcome | undefined> {
    const due = await this.due(subscription.channel, now, subscription.timeZone);
    if (due.upToDate) return undefined;
    return this.run({ channel: subscription.channel, from: due.from, to: due.to, now, first: due.first });
  }

  /** Whether the scheduled digest can reach this channel: a poster is configured and takes it. */
  canPostTo(channel: string): boolean {
    const { poster } = this.#deps;
    return poster !== undefined && (poster.accepts?.(channel) ?? true);
  }

  /** `poster` overrides the configured one, e.g. to answer `digest now` in the chat itself. */
  async run(request: DigestRun, poster: DigestPoster | undefined = this.#deps.poster): Promise<DigestOutcome> {
    const { library, store, settings, logger } = this.#deps;
    const now = request.now ?? new Date();
    const subscription = await store.subscription(request.channel);
    const timeZone = request.timeZone ?? subscription?.timeZone ?? settings.timeZone ?? "UTC";
    const to = request.to ?? dayIn(timeZone, now);
    const from = request.from ?? to;
    const topic = request.topic ?? subscription?.topic;

    if (!request.dryRun) await this.#reconcile(request.channel, poster);
    const log = await store.log(request.channel);
    const exclude = new Set(log.flatMap((entry) => [entry.paperId, entry.titleKey].filter(Boolean)));
    const selection = await selectPapers(library, { from, to, timeZone, limit: request.limit ?? settings.limit, exclude, today: now, recentDays: settings.catchUpDays, ...(topic && { topic }) });
    const items = await Promise.all(
      selection.papers.map(async ({ paper, why }) => ({
        id: paper.id, title: paper.title, url: paper.url, upvotes: paper.upvotes, summary: await this.#deps.summarizer.summarize(paper),
        ...(paper.publishedAt && { publishedAt: paper.publishedAt }), ...(why && { why }),
      })),
    );
    const imports: ImportNote[] = selection.imports.map((batch) => ({
      day: dayIn(timeZone, new Date(batch.addedAt)), papers: batch.papers, undated: batch.undated, ...(batch.earliest && { earliest: batch.earliest }), ...(batch.latest && { latest: batch.latest }),
    }));
    const coverage = await library.coverage();
    const since = subscription?.lastDate ?? latestDate(log);
    const key = `pbd-${createHash("sha256").update(`${request.channel}|${from}|${to}|${[...items.map((item) => item.id), ...selection.imports.map(importLogId)].join(",")}`).digest("hex").slice(0, 12)}`;
    const more = selection.total - items.length;
    const digest: Digest = {
      channel: request.channel, from, to, items, coverage, skippedAlreadyPosted: selection.skipped, key,
      ...(topic && { topic }), ...(since && { since }), ...(request.first && { first: true }), ...(more > 0 && { more }), ...(imports.length > 0 && { imports }), ...(request.dryRun && { preview: true }),
    };

    if (request.dryRun) return { digest, posted: false };
    // A rerun for a day already covered posts nothing new, not a second "no new papers" note.
    const covered = (subscription?.lastDate !== undefined && subscription.lastDate >= to) || log.some((entry) => entry.date === to);
    const post = items.length > 0 || imports.length > 0 || (settings.emptyDays === "post" && !covered);
    if (post) {
      if (!poster) throw new PaperbotError("USAGE", `Cannot post to ${request.channel}: set up that platform's credentials (see README), or use --dry-run`);
      const entry = (paperId: string, titleKey: string, state: PostedEntry["state"]): PostedEntry => ({ channel: request.channel, paperId, titleKey, key, state, date: to });
      // Announcements and the "no new papers" note are logged like papers, so that they too go out once: a crash is reconciled, a rerun sees them done.
      const entries = (state: PostedEntry["state"]): PostedEntry[] => [
        ...items.map((item) => entry(item.id, normalizeTitle(item.title), state)),
        ...selection.imports.map((batch) => entry(importLogId(batch), "", state)),
        ...(items.length === 0 ? [entry(`${NOTE_PREFIX}${to}`, "", state)] : []),
      ];
      await store.record(entries("intent"));
      await poster.post(digest);
      await store.record(entries("posted"));
      logger.info({ channel: request.channel, from, to, papers: items.length, imports: imports.length }, "digest posted");
    }
    if (subscription && (!subscription.lastDate || subscription.lastDate < to)) await store.saveSubscription({ ...subscription, lastDate: to });
    return { digest, posted: post };
  }

  async #reconcile(channel: string, poster: DigestPoster | undefined): Promise<void> {
    const { store, logger } = this.#deps;
    const pending = (await store.log(channel)).filter((entry) => entry.state === "intent");
    for (const key of new Set(pending.map((entry) => entry.key))) {
      const went = poster ? await poster.hasPosted(channel, key) : false;
      if (went) await store.record(pending.filter((entry) => entry.key === key).map((entry) => ({ ...entry, state: "posted" as const })));
      else await store.forget(channel, key);
      logger.warn({ channel, key, went }, "reconciled a digest interrupted between posting and logging");
    }
  }
}

/** The last day the log says a digest covered for a channel. */
function latestDate(log: PostedEntry[]): string | undefined {
  return log.reduce<string | undefined>((latest, entry) => (!latest || entry.date > latest ? entry.date : latest), undefined);
}
