import type { Command } from "commander";
import type { CliContext } from "../../src/cli/context.ts";
import { writeJson } from "../../src/cli/context.ts";
import { withLibrary, withStore } from "../../src/cli/library.ts";
import { dbOption, parsePositiveInt } from "../../src/cli/options.ts";
import { createDigestService } from "../../src/digest/create.ts";
import { isCalendarDate, isTimeOfDay, isTimeZone } from "../../src/digest/days.ts";
import { digestMarkdown } from "../../src/digest/render.ts";
import type { DigestOutcome } from "../../src/digest/service.ts";
import { PaperbotError } from "../../src/errors.ts";
import { platformPoster } from "./poster.ts";
import { openDigests } from "../../src/state/open.ts";

type RunFlags = { db?: string; date?: string; since?: string; limit?: number; topic?: string; channel?: string; dryRun?: boolean; json?: boolean };

/** Stands in for "a channel with no history" in a preview without channels; not a channel name anyone can give. */
const PREVIEW_CHANNEL = "preview:new-subscription";

/** Commander's parser for a YYYY-MM-DD flag that must be a real day. */
const calendarDate = (flag: string) => (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new PaperbotError("USAGE", `${flag} ${value}: give a date as YYYY-MM-DD, e.g. 2026-03-01`);
  if (!isCalendarDate(value)) throw new PaperbotError("USAGE", `${flag} ${value} is not a real date (${whyNotADate(value)}); give a day of the calendar as YYYY-MM-DD`);
  return value;
};

function whyNotADate(value: string): string {
  const month = Number(value.slice(5, 7));
  if (month < 1 || month > 12) return `there is no month ${value.slice(5, 7)}`;
  const days = new Date(Date.UTC(Number(value.slice(0, 4)), month, 0)).getUTCDate();
  return `${value.slice(0, 7)} has ${days} days`;
}

const channelName = (value: string) => {
  if (!/^(slack|discord):\S+$/.test(value)) throw new PaperbotError("USAGE", `"${value}" is not a channel; use slack:<channel id> or discord:<channel id>`);
  return value;
};

/**
 * `paperbot digest` for cron and CI users: posts (or with --dry-run, prints)
 * the digest for one channel or every subscription, with the same
 * credentials and base URLs as `serve`. Discord is posted to over REST only.
 */
export function registerDigest(program: Command, context: () => CliContext): void {
  const digest = program
    .command("digest")
    .description("Post the digest of new papers to one channel or every subscribed one (subcommands manage subscriptions)")
    // The subcommands have options of the same names; each belongs to the command it follows.
    .enablePositionalOptions()
    .option(...dbOption)
    .option("--date <yyyy-mm-dd>", "the day to digest (default: every day since the channel's last digest, through today)", calendarDate("--date"))
    .option("--since <yyyy-mm-dd>", "digest every day from this one through today", calendarDate("--since"))
    .option("--limit <n>", "at most n papers (default: $PAPERBOT_DIGEST_LIMIT or 10)", parsePositiveInt)
    .option("--topic <text>", "only papers on this topic (default: the subscription's)")
    .option("--channel <slack:id|discord:id>", "one channel, subscribed or not (default: every subscription)", channelName)
    .option("--dry-run", "print what would be posted; post and log nothing (without --channel and subscriptions: what a new one would get)")
    .option("--json", "one JSON object per channel, one per line")
    .action(async (flags: RunFlags) => {
      const ctx = context();
      if (flags.date && flags.since) throw new PaperbotError("USAGE", "Give --date or --since, not both");
      await withLibrary(ctx, flags.db, async (library, lance) => {
        const store = openDigests(lance);
        const service = createDigestService(library, store, ctx.config, ctx.logger, flags.dryRun ? undefined : platformPoster());
        const subscribed = (await store.subscriptions()).map((subscription) => subscription.channel);
        // A preview needs no channel: with no subscription yet, it shows what a new one would get.
        const channels = flags.channel ? [flags.channel] : subscribed.length > 0 ? subscribed : flags.dryRun ? [PREVIEW_CHANNEL] : [];
        if (channels.length === 0) throw new PaperbotError("USAGE", "No subscriptions yet: give --channel, subscribe one with `paperbot digest subscribe --channel slack:<id>`, or preview with --dry-run");
        const now = new Date();
        for (const channel of channels) {
          const due = await service.due(channel, now);
          if (!isTimeZone(due.timeZone)) throw new PaperbotError("CONFIG_INVALID", `${channel}'s time zone "${due.timeZone}" is not one this system knows; fix it with \`paperbot digest subscribe --channel ${channel} --tz <IANA zone>\``);
          const day = flags.date ?? flags.since;
          // Posting a day that has not begun would mark it done before its papers exist.
          if (day && day > due.to && !flags.dryRun) throw new PaperbotError("USAGE", `${flags.date ? "--date" : "--since"} ${day} is in the future (today is ${due.to} in ${due.timeZone} for ${channel}); give a day up to today, or add --dry-run`);
          const from = flags.date ?? flags.since ?? due.from;
          const to = flags.date ?? due.to;
          const outcome = await service.run({ channel, from, to, timeZone: due.timeZone, now, ...(due.first && !day && { first: true }), ...(flags.topic && { topic: flags.topic }), ...(flags.limit && { limit: flags.limit }), ...(flags.dryRun && { dryRun: true }) });
          const name = channel === PREVIEW_CHANNEL ? "A new subscription (none yet)" : channel;
          if (flags.json) writeJson(ctx.stdout, toJson(outcome, channel === PREVIEW_CHANNEL));
          else ctx.stdout.write(`${name}: ${outcome.posted ? "posted" : flags.dryRun ? "would post" : "nothing posted"}\n${digestMarkdown(outcome.digest)}\n\n`);
        }
      });
    });

  digest
    .command("subscribe")
    .description("Subscribe a channel to the daily digest")
    .requiredOption("--channel <slack:id|discord:id>", "the channel", channelName)
    .option("--topic <text>", "only papers on this topic")
    .option("--time <HH:MM>", "time of day (default: $PAPERBOT_DIGEST_TIME or 08:00)")
    .option("--tz <zone>", "IANA time zone (default: $PAPERBOT_DIGEST_TIMEZONE or UTC)")
    .option(...dbOption)
    .action(async (flags: { channel: string; topic?: string; time?: string; tz?: string; db?: string }) => {
      const ctx = context();
      if (flags.time && !isTimeOfDay(flags.time)) throw new PaperbotError("USAGE", "--time must be HH:MM, e.g. 08:30");
      if (flags.tz && !isTimeZone(flags.tz)) throw new PaperbotError("USAGE", `--tz ${flags.tz} is not a time zone; use an IANA name such as Europe/Berlin`);
      await withStore(ctx, flags.db, async (store) => {
        const digests = openDigests(store);
        const existing = await digests.subscription(flags.channel);
        await digests.saveSubscription({
          channel: flags.channel,
          time: flags.time ?? existing?.time ?? ctx.config.digest.time,
          timeZone: flags.tz ?? existing?.timeZone ?? ctx.config.digest.timeZone,
          ...((flags.topic ?? existing?.topic) && { topic: flags.topic ?? existing?.topic }),
          ...(existing?.lastDate && { lastDate: existing.lastDate }),
        });
        ctx.stdout.write(`Subscribed ${flags.channel}.\n`);
      });
    });

  digest
    .command("unsubscribe")
    .description("Stop a channel's daily digest")
    .requiredOption("--channel <slack:id|discord:id>", "the channel", channelName)
    .option(...dbOption)
    .action(async (flags: { channel: string; db?: string }) => {
      const ctx = context();
      await withStore(ctx, flags.db, async (store) => {
        ctx.stdout.write((await openDigests(store).removeSubscription(flags.channel)) ? `Unsubscribed ${flags.channel}.\n` : `${flags.channel} had no subscription.\n`);
      });
    });

  digest
    .command("list")
    .description("Show the digest subscriptions")
    .option(...dbOption)
    .option("--json", "print a JSON array")
    .action(async (flags: { db?: string; json?: boolean }) => {
      const ctx = context();
      await withStore(ctx, flags.db, async (store) => {
        const subscriptions = await openDigests(store).subscriptions();
        if (flags.json) return writeJson(ctx.stdout, subscriptions);
        ctx.stdout.write(subscriptions.length === 0 ? "No subscriptions.\n" : `${subscriptions.map((s) => `${s.channel}  ${s.time} ${s.timeZone}${s.topic ? `  topic: ${s.topic}` : ""}${s.lastDate ? `  last: ${s.lastDate}` : ""}`).join("\n")}\n`);
      });
    });
}

function toJson({ digest, posted }: DigestOutcome, generic: boolean) {
  return {
    date: digest.to,
    ...(digest.from !== digest.to && { from: digest.from }),
    // A generic preview is for no channel in particular.
    channel: generic ? null : digest.channel,
    ...(digest.first && { first: true }),
    ...(digest.more && { more: digest.more }),
    ...(digest.imports && { imports: digest.imports }),
    papers: digest.items.map((item) => ({ id: item.id, title: item.title, url: item.url, upvotes: item.upvotes, publishedAt: item.publishedAt ?? null, summary: item.summary })),
    posted,
    skippedAlreadyPosted: digest.skippedAlreadyPosted,
  };
}
