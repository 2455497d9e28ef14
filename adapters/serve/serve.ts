import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ChatAdapter } from "../../src/chat/adapter.ts";
import { DigestScheduler } from "../../src/digest/scheduler.ts";
import { createFetchers, scheduledFetch } from "../../src/sources/fetch.ts";
import { assembleBot } from "../assemble.ts";
import { platformConfigs, platformPoster } from "../digest/poster.ts";
import type { CliContext } from "../../src/cli/context.ts";
import { createDiscordAdapter } from "../discord/discord.ts";
import { createSlackAdapter } from "../slack/slack.ts";
import { stoppedByInterrupt } from "../interrupt.ts";
import type { StatusListener } from "../status.ts";
import { installProcessGuard } from "./guard.ts";
import { healthHandler, healthState, setAdapterState, startHealthServer } from "./health.ts";
import { openDigests } from "../../src/state/open.ts";

/** How long a shutdown waits for replies already being written. */
const DRAIN_MS = 15_000;


/**
 * `paperbot serve`: every platform whose credentials are configured, one
 * shared bot, /healthz on the HTTP port, and a clean shutdown on SIGINT or
 * SIGTERM that lets in-flight replies finish (then exit 130 after Ctrl-C,
 * as for any interrupted command, and 0 after SIGTERM, a requested stop). No single input stops it: each
 * adapter isolates its requests, and a process guard drops what slips past.
 */
export async function serve(ctx: CliContext, flags: { db?: string }): Promise<void> {
  const { config, logger } = ctx;
  // Read first, so a platform variable set wrong stops serve before anything is opened.
  const platforms = platformConfigs();
  const removeGuard = installProcessGuard(logger);
  const store = await ctx.openStore(flags.db, { longRunning: true });
  const library = await ctx.openLibrary(store, flags.db);
  await library.checkEmbedder();
  await library.warm();
  const digests = openDigests(store);
  // The scheduler is created below; subscription changes made in chat reach it through this.
  let scheduler: DigestScheduler | undefined;
  const db = flags.db ?? config.db.uri;
  const { bot, digest, stats, chatState } = await assembleBot(ctx, store, library, { db, shared: true, poster: platformPoster(platforms), onDigestChange: () => void scheduler?.reload() });
  const { scheduled } = config.sources;
  const fetchFirst = scheduled.hf || scheduled.arxivCategories.length > 0;
  const fetchers = createFetchers(config, logger);
  scheduler = new DigestScheduler({
    store: digests,
    service: digest,
    logger,
    // Indexing the fetched papers right away keeps the rebuild out of the next question's way.
    ...(fetchFirst && { beforeEach: async () => { await scheduledFetch(fetchers, scheduled, { store, embedder: library.embedder, logger }); await library.warm(); } }),
  });
  const state = healthState();
  const statusOf = (name: string): StatusListener => (next, reason) => {
    const previous = setAdapterState(state, name, next, reason);
    if (previous !== undefined && previous !== next) logger[next === "ready" ? "info" : "warn"]({ adapter: name, state: next, previous, ...(reason && { reason }) }, `${name}: ${next}`);
  };
  const adapters: ChatAdapter[] = [];
  const say = (line: string) => ctx.stdout.write(`${line}\n`);

  const { slack, discord } = platforms;
  const { port } = config.chat;
  if (slack) {
    const http = Boolean(slack.signingSecret && !slack.appToken);
    adapters.push(createSlackAdapter(bot, slack, logger, { port, routes: [{ path: "/healthz", method: ["GET"], handler: healthHandler(state) }], onStatus: statusOf("slack"), ...(chatState && { seen: chatState, threads: chatState }), stats }));
    say(`Slack: starting (${http ? `HTTP mode, events at http://0.0.0.0:${port}${slack.eventsPath}` : "Socket Mode"})`);
  } else {
    say("Slack: skipped (set SLACK_BOT_TOKEN, plus SLACK_SIGNING_SECRET for HTTP mode or SLACK_APP_TOKEN for Socket Mode)");
  }
  if (discord) {
    adapters.push(createDiscordAdapter(bot, discord, logger, { onStatus: statusOf("discord"), ...(chatState && { seen: chatState }) }));
    say("Discord: starting (gateway)");
  } else {
    say("Discord: skipped (set DISCORD_TOKEN and DISCORD_APPLICATION_ID)");
  }

  const servers: Server[] = [];
  try {
    for (const adapter of adapters) {
      const server = await adapter.start();
      if (server && typeof (server as Server).address === "function") servers.push(server as Server);
    }
  } catch (error) {
    // A platform that refuses us at startup is a configuration problem: say which, and stop everything already started.
    for (const adapter of adapters) await adapter.stop().catch(() => {});
    for (const server of servers) server.closeAllConnections?.();
    await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
    store.close();
    removeGuard();
    throw error;
  }
  if (servers.length === 0) servers.push(await startHealthServer(port, state));
  await scheduler.start();
  const subscriptions = (await digests.subscriptions()).length;
  say(
    scheduler.leading
      ? `Digests: ${subscriptions} subscription${subscriptions === 1 ? "" : "s"} scheduled${fetchFirst ? ", each after fetching new papers" : ""}`
      : `Digests: another process runs them (${subscriptions} subscription${subscriptions === 1 ? "" : "s"}); this one stands by to take over`,
  );
  const address = servers[0]!.address() as AddressInfo;
  say(`Health check: http://127.0.0.1:${address.port}/healthz`);
  if (adapters.length === 0) say("No chat platform is configured, so only the health check runs (and reports 503 until one is). Try `paperbot chat` to talk to the bot in this terminal.");
  say("paperbot is running. Press Ctrl+C to stop.");

  await new Promise<void>((resolve) => {
    const stop = async (signal: string) => {
      if (state.shuttingDown) return;
      state.shuttingDown = true;
      say(`Received ${signal}: finishing replies in flight, then stopping.`);
      // Awaited so that the digest lease is released (a standby takes over at once) before the store closes.
      const schedulerStopped = scheduler.stop().catch((error: unknown) => logger.warn({ err: error }, "digest scheduler did not stop cleanly"));
      await bot.drain(DRAIN_MS);
      await schedulerStopped;
      for (const adapter of adapters) await adapter.stop().catch((error: unknown) => logger.warn({ err: error, adapter: adapter.name }, "adapter did not stop cleanly"));
      for (const server of servers) server.closeAllConnections?.();
      await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
      store.close();
      removeGuard();
      say("Stopped.");
      if (signal === "SIGINT") stoppedByInterrupt();
      resolve();
    };
    process.once("SIGINT", () => void stop("SIGINT"));
    process.once("SIGTERM", () => void stop("SIGTERM"));
  });
}
