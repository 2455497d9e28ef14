import { createHash } from "node:crypto";
import type { Logger } from "pino";
import { PaperbotError } from "../errors.ts";
import type { Library } from "../library/library.ts";
import { addDays, dayIn } from "./days.ts";
import { normalizeTitle } from "../papers/paper.ts";
import type { DigestStore, PostedEntry } from "./digest-store.ts";
import { selectPapers } from "./select.ts";
import type { Summarizer } from "./summary.ts";
import type { Digest, Subscription } from "./types.ts";

/** The log's stand-in paper id for a day's "no new papers" note; no paper id looks like it. */
const NOTE_PREFIX = "note:";

/** Puts a digest into a channel; the platform adapters implement it. */
export interface DigestPoster {
  post(digest: Digest): Promise<void>;
  /** Whether a digest with this key is already in the channel: how a crashed run learns what went out. */
  hasPosted(channel: string, key: string): Promise<boolean>;
}

export type DigestSettings = { limit: number; emptyDays: "post" | "skip"; catchUpDays: number };
export type DigestRun = { channel: string; from?: string; to?: string; topic?: string; limit?: number; dryRun?: boolean; now?: Date; timeZone?: string };
export type DigestOutcome = { digest: Digest; posted: boolean };
export type DigestDeps = { library: Library; store: DigestStore; poster?: DigestPoster; summarizer: Summarizer; settings: DigestSettings; logger: Logger };

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

  /** The digest that is due for a subscription now: every day since its last one (catching up at most a week), through today. */
  async runDue(subscription: Subscription, now = new Date()): Promise<DigestOutcome | undefined> {
    const today = dayIn(subscription.timeZone, now);
    const earliest = addDays(today, -(this.#deps.settings.catchUpDays - 1));
    const from = subscription.lastDate ? addDays(subscription.lastDate, 1) : today;
    if (from > today) return undefined;
    return this.run({ channel: subscription.channel, from: from < earliest ? earliest : from, to: today, now });
  }

  /** `poster` overrides the configured one, e.g. to answer `digest now` in the chat itself. */
  async run(request: DigestRun, poster: DigestPoster | undefined = this.#deps.poster): Promise<DigestOutcome> {
    const { library, store, settings, logger } = this.#deps;
    const now = request.now ?? new Date();
    const subscription = await store.subscription(request.channel);
    const timeZone = request.timeZone ?? subscription?.timeZone ?? "UTC";
    const to = request.to ?? dayIn(timeZone, now);
    const from = request.from ?? to;
    const topic = request.topic ?? subscription?.topic;

    if (!request.dryRun) await this.#reconcile(request.channel, poster);
    const log = await store.log(request.channel);
    const exclude = new Set(log.flatMap((entry) => [entry.paperId, entry.titleKey].filter(Boolean)));
    const selection = await selectPapers(library, { from, to, timeZone, limit: request.limit ?? settings.limit, exclude, today: now, ...(topic && { topic }) });
    const items = await Promise.all(
      selection.papers.map(async ({ paper, why }) => ({
        id: paper.id, title: paper.title, url: paper.url, upvotes: paper.upvotes, summary: await this.#deps.summarizer.summarize(paper),
        ...(paper.publishedAt && { publishedAt: paper.publishedAt }), ...(why && { why }),
      })),
    );
    const coverage = await library.coverage();
    const since = subscription?.lastDate ?? [...log].sort((a, b) => b.date.localeCompare(a.date))[0]?.date;
    const key = `pbd-${createHash("sha256").update(`${request.channel}|${from}|${to}|${items.map((item) => item.id).join(",")}`).digest("hex").slice(0, 12)}`;
    const digest: Digest = { channel: request.channel, from, to, items, coverage, skippedAlreadyPosted: selection.skipped, key, ...(topic && { topic }), ...(since && { since }) };

    if (request.dryRun) return { digest, posted: false };
    // A rerun for a day already covered posts nothing new, not a second "no new papers" note.
    const covered = (subscription?.lastDate !== undefined && subscription.lastDate >= to) || log.some((entry) => entry.date === to);
    const post = items.length > 0 || (settings.emptyDays === "post" && !covered);
    if (post) {
      if (!poster) throw new PaperbotError("USAGE", `Cannot post to ${request.channel}: set up that platform's credentials (see README), or use --dry-run`);
      const entries = (state: PostedEntry["state"]): PostedEntry[] =>
        items.length > 0
          ? items.map((item) => ({ channel: request.channel, paperId: item.id, titleKey: normalizeTitle(item.title), key, state, date: to }))
          : // The "no new papers" note is logged like a paper, so that it too goes out once: a crash is reconciled, a rerun sees the day covered.
            [{ channel: request.channel, paperId: `${NOTE_PREFIX}${to}`, titleKey: "", key, state, date: to }];
      await store.record(entries("intent"));
      await poster.post(digest);
      await store.record(entries("posted"));
      logger.info({ channel: request.channel, from, to, papers: items.length }, "digest posted");
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
