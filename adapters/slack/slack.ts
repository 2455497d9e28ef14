import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { App, HTTPReceiver, SocketModeReceiver } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { ChatCore } from "../../src/chat/adapter.ts";
import { commandFromText, type ChatCommand, type ChatRequest } from "../../src/chat/request.ts";
import { RecentEvents, type SeenEvents } from "../../src/chat/seen-events.ts";
import { RecentThreads, type AnsweredThreads } from "../../src/chat/threads.ts";
import type { SlackConfig } from "./config.ts";
import type { StatusListener } from "../status.ts";
import type { StatsSource } from "../../src/chat/stats.ts";
import { handleAppHome, showWorking } from "./app-home.ts";
import { boltLogger } from "./bolt-logger.ts";
import { canManageChannel, checkBotToken, PLATFORM, isTokenRejected, slackErrorCode, startError, tokenRejectedReason } from "./platform.ts";
import { handleButtons } from "./interactions.ts";
import { guardReceiver } from "./receiver-guard.ts";
import { guardSocket } from "./socket-guard.ts";
import type { StreamSupport } from "./stream.ts";
import { responseUrlReply, threadReply } from "./thread-reply.ts";

export type { SlackConfig };
export type HttpRoute = { path: string; method: string[]; handler: (req: IncomingMessage, res: ServerResponse) => void };
/**
 * `probeIntervalMs`: how often an idle adapter asks Slack whether its token still works (default a minute).
 * `threads`: where the threads the bot answered in are kept (in memory unless a shared store is given).
 * `stats`: the library's stats for the App Home tab (no tab is published without it).
 * `streaming: false`: never stream answers, even where Slack would (default: stream where it will).
 */
export type SlackAdapterOptions = { port: number; routes?: HttpRoute[]; onStatus?: StatusListener; seen?: SeenEvents; threads?: AnsweredThreads; probeIntervalMs?: number; stats?: StatsSource; streaming?: boolean };

const PROBE_INTERVAL_MS = 60_000;

/**
 * The Slack adapter: mentions and DMs answered in their thread, later
 * messages in a thread it answered in read as follow-ups without a mention,
 * buttons, and `/ask`, `/paper`, `/similar` and `/digest` acknowledged at
 * once and answered after, in HTTP
 * mode (signed requests) or Socket Mode. Retried events are answered once;
 * a malformed request is logged and dropped.
 */
export function createSlackAdapter(core: ChatCore, config: SlackConfig, logger: Logger, options: SlackAdapterOptions) {
  const log = logger.child({ adapter: "slack" });
  const onStatus: StatusListener = options.onStatus ?? (() => {});
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const httpMode = Boolean(config.signingSecret && !config.appToken);
  const receiver = httpMode
    ? new HTTPReceiver({ signingSecret: config.signingSecret!, endpoints: config.eventsPath, customRoutes: options.routes ?? [], logger: boltLogger(log) })
    : // Built here rather than by Bolt so that SLACK_API_URL also reaches apps.connections.open.
      new SocketModeReceiver({ appToken: config.appToken!, logger: boltLogger(log), installerOptions: { clientOptions } });
  if (receiver instanceof HTTPReceiver) guardReceiver(receiver, config.eventsPath, log);
  else guardSocket(receiver, log);
  const app = new App({ token: config.botToken, receiver, clientOptions, logger: boltLogger(log), ignoreSelf: true });
  const seen = options.seen ?? new RecentEvents();
  const threads = options.threads ?? new RecentThreads();
  const once = new WebClient(config.botToken, { ...clientOptions, retryConfig: { retries: 0 }, logger: boltLogger(log) });
  // Tried on the first streamed answer; a refusal turns it off for the rest of this run.
  const streaming: StreamSupport = { available: options.streaming !== false };

  // Slack retries an event it thinks went unanswered; the first delivery is already being handled.
  // Claimed only once an event is known to be for the bot: a shared claim is a database commit, and most channel messages are not.
  const firstDelivery = async (body: unknown): Promise<boolean> => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string" || (await seen.firstTime(`slack:${eventId}`))) return true;
    log.debug({ eventId }, "ignoring a retried event");
    return false;
  };

  app.event("app_mention", async ({ event, client, body }) => {
    if (event.bot_id || typeof event.text !== "string" || !(await firstDelivery(body))) return;
    const text = event.text.replace(/<@[A-Z0-9]+>/g, "").trim();
    const threadTs = event.thread_ts ?? event.ts;
    const request = requestFrom(text, body.team_id, event.channel, threadTs, event.user ?? "unknown", event.ts, event);
    if (request.command === "digest") request.user.canManageChannel = await canManageChannel(client, request.user.id, event.channel, log);
    await threads.remember(request.thread);
    await core.receive(request, threadReply({ client, once, streaming }, { channel: event.channel, threadTs, direct: false, key: event.ts, team: body.team_id }, request.user.id, log));
  });

  app.message(async ({ message, client, body, context }) => {
    const incoming = message as { channel_type?: string; subtype?: string; bot_id?: string; text?: unknown; user?: string; ts: string; thread_ts?: string; channel: string };
    // Edits, joins and other bots' posts are not questions; a reply also sent to the channel ("thread_broadcast") is.
    if ((incoming.subtype && incoming.subtype !== "thread_broadcast") || incoming.bot_id || typeof incoming.text !== "string" || !incoming.text) return;
    const direct = incoming.channel_type === "im";
    const threadTs = incoming.thread_ts ?? incoming.ts;
    const request = requestFrom(incoming.text, (body as { team_id?: string }).team_id, incoming.channel, threadTs, incoming.user ?? "unknown", incoming.ts, incoming);
    if (!direct) {
      // In a channel only follow-ups count: a reply in a thread the bot answered in. A mention there is app_mention's.
      if (!incoming.thread_ts || incoming.thread_ts === incoming.ts) return;
      if (context.botUserId && incoming.text.includes(`<@${context.botUserId}>`)) return;
      if (!(await threads.answered(request.thread))) return;
    }
    if (!(await firstDelivery(body))) return;
    if (direct) {
      // A DM is the user's own channel.
      request.user.canManageChannel = true;
      // A DM with an AI app is an assistant thread, which shows a status while the answer is written.
      await showWorking(client, incoming.channel, threadTs, log);
    } else if (request.command === "digest") request.user.canManageChannel = await canManageChannel(client, request.user.id, incoming.channel, log);
    await core.receive(request, threadReply({ client, once, streaming }, { channel: incoming.channel, threadTs, direct, key: incoming.ts, team: (body as { team_id?: string }).team_id }, request.user.id, log));
  });

  handleButtons(app, core, { once, streaming }, threads, log);
  if (options.stats) handleAppHome(app, options.stats, firstDelivery, log);

  for (const command of ["ask", "paper", "similar", "digest", "paperbot"] as const) {
    app.command(`/${command}`, async ({ command: slash, ack, respond, client }) => {
      await ack();
      // `/paperbot stats`, `/paperbot help`, `/paperbot paper X`: one command for everything, read like a message.
      const parsed = command === "paperbot" ? commandFromText(String(slash.text ?? "")) : { command: command as ChatCommand, text: String(slash.text ?? "").trim() };
      const request: ChatRequest = {
        ...parsed,
        thread: `${PLATFORM}:${slash.team_id}:${slash.channel_id}:slash:${slash.user_id}`,
        channel: `${PLATFORM}:${slash.channel_id}`,
        user: { id: slash.user_id, name: slash.user_name, ...(parsed.command === "digest" && { canManageChannel: await canManageChannel(client, slash.user_id, slash.channel_id, log) }) },
        platform: PLATFORM,
        raw: slash,
      };
      // Errors, limits and refusals are for the asker alone.
      await core.receive(request, responseUrlReply(respond, false));
    });
  }

  // One failed reply (a Slack error, a lost response) is logged; the next event is handled as usual.
  app.error(async (error) => {
    const cause = (error as { original?: unknown }).original ?? error;
    if (isTokenRejected(cause)) {
      const reason = tokenRejectedReason(slackErrorCode(cause)!);
      log.error({ err: cause }, reason);
      onStatus("down", reason);
      return;
    }
    log.error({ err: cause }, "could not answer a Slack event");
  });

  if (receiver instanceof SocketModeReceiver) {
    receiver.client.on("connected", () => onStatus("ready"));
    receiver.client.on("reconnecting", () => onStatus("reconnecting", "reconnecting to Slack (Socket Mode)"));
    receiver.client.on("disconnected", () => onStatus("reconnecting", "disconnected from Slack (Socket Mode)"));
  }

  // Nothing else would notice a token revoked, or Slack unreachable, while no one is asking.
  let probe: NodeJS.Timeout | undefined;
  let probeFailed = false;
  const checkToken = () =>
    void app.client.auth.test().then(
      () => {
        if (probeFailed) onStatus("ready");
        probeFailed = false;
      },
      (error: unknown) => {
        probeFailed = true;
        if (isTokenRejected(error)) return onStatus("down", tokenRejectedReason(slackErrorCode(error)!));
        log.warn({ err: error }, "Slack's Web API did not answer the periodic check");
        onStatus("reconnecting", `Slack's Web API is not answering (${slackErrorCode(error) ?? (error as Error).message}); retrying`);
      },
    );

  let started = false;
  return {
    name: "slack",
    async start(): Promise<Server | undefined> {
      onStatus("starting");
      await checkBotToken(app.client, config.apiUrl);
      let server: Server | undefined;
      try {
        if (receiver instanceof HTTPReceiver) server = (await receiver.start(options.port)) as Server;
        else await app.start();
      } catch (error) {
        throw startError(error, !httpMode, options.port);
      }
      started = true;
      onStatus("ready");
      probe = setInterval(checkToken, options.probeIntervalMs ?? PROBE_INTERVAL_MS).unref();
      return server;
    },
    async stop(): Promise<void> {
      clearInterval(probe);
      if (started) onStatus("down", "stopped");
      await app.stop();
    },
  };
}

/** `ts`: the asking message's own timestamp, Slack's id for it. */
function requestFrom(text: string, team: string | undefined, channel: string, threadTs: string, user: string, ts: string, raw: unknown): ChatRequest {
  return { ...commandFromText(text), thread: `${PLATFORM}:${team ?? "team"}:${channel}:${threadTs}`, channel: `${PLATFORM}:${channel}`, user: { id: user }, platform: PLATFORM, id: ts, raw };
}
