import type { Server } from "node:http";
import { App, HTTPReceiver, SocketModeReceiver } from "@slack/bolt";
import type { Logger } from "pino";
import type { ChatBot } from "../../src/chat/bot.ts";
import { handleWithProgress } from "../../src/chat/progress.ts";
import { commandFromText, type ChatCommand, type ChatRequest } from "../../src/chat/request.ts";
import type { ChatConfig } from "../../src/config.ts";
import { boltLogger } from "./bolt-logger.ts";
import { toSlackMessage } from "./blocks.ts";
import { toMrkdwn } from "./mrkdwn.ts";


export type SlackConfig = NonNullable<ChatConfig["slack"]>;
export type HttpRoute = { path: string; method: string[]; handler: (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void };

const PLACEHOLDER = "_Looking through the library…_";

/**
 * The Slack adapter: mentions and DMs answered in their thread, `/ask`,
 * `/paper` and `/digest` acknowledged at once and answered after, in HTTP
 * mode (signed requests) or Socket Mode. Retried events are answered once.
 */
export function createSlackAdapter(bot: ChatBot, config: SlackConfig, logger: Logger, options: { port: number; routes?: HttpRoute[] }) {
  const log = logger.child({ adapter: "slack" });
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const httpMode = Boolean(config.signingSecret && !config.appToken);
  const receiver = httpMode
    ? new HTTPReceiver({ signingSecret: config.signingSecret!, endpoints: config.eventsPath, customRoutes: options.routes ?? [], logger: boltLogger(log) })
    : // Built here rather than by Bolt so that SLACK_API_URL also reaches apps.connections.open.
      new SocketModeReceiver({ appToken: config.appToken!, logger: boltLogger(log), installerOptions: { clientOptions } });
  const app = new App({ token: config.botToken, receiver, clientOptions, logger: boltLogger(log), ignoreSelf: true });
  const seenEvents = new RecentIds(1_000);

  // Slack retries an event it thinks went unanswered; the first delivery is already being handled.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !seenEvents.add(eventId)) return log.debug({ eventId }, "ignoring a retried event");
    await next();
  });

  app.event("app_mention", async ({ event, client, body }) => {
    if (event.bot_id) return;
    const text = event.text.replace(/<@[A-Z0-9]+>/g, "").trim();
    await answerInThread(client, event.channel, event.thread_ts ?? event.ts, requestFrom(text, body.team_id, event.channel, event.thread_ts ?? event.ts, event.user ?? "unknown", event));
  });

  app.message(async ({ message, client, body }) => {
    const incoming = message as { channel_type?: string; subtype?: string; bot_id?: string; text?: string; user?: string; ts: string; thread_ts?: string; channel: string };
    if (incoming.channel_type !== "im" || incoming.subtype || incoming.bot_id || !incoming.text) return;
    const threadTs = incoming.thread_ts ?? incoming.ts;
    await answerInThread(client, incoming.channel, threadTs, requestFrom(incoming.text, (body as { team_id?: string }).team_id, incoming.channel, threadTs, incoming.user ?? "unknown", incoming));
  });

  for (const command of ["ask", "paper", "digest"] as const) {
    app.command(`/${command}`, async ({ command: slash, ack, respond }) => {
      await ack();
      const request: ChatRequest = {
        command: command as ChatCommand,
        text: slash.text.trim(),
        thread: `slack:${slash.team_id}:${slash.channel_id}:slash:${slash.user_id}`,
        channel: `slack:${slash.channel_id}`,
        user: { id: slash.user_id, name: slash.user_name },
        platform: "slack",
        raw: slash,
      };
      const response = await bot.handle(request);
      if (response) await respond({ response_type: "in_channel", ...toSlackMessage(response) });
    });
  }

  async function answerInThread(client: InstanceType<typeof App>["client"], channel: string, threadTs: string, request: ChatRequest): Promise<void> {
    const placeholder = await client.chat.postMessage({ channel, thread_ts: threadTs, text: PLACEHOLDER });
    const ts = placeholder.ts!;
    const showProgress = (partial: string) => client.chat.update({ channel, ts, text: `${toMrkdwn(partial)} …` });
    const response = await handleWithProgress(bot, request, showProgress, (error) => log.warn({ err: error }, "progress edit failed"));
    if (!response) return;
    await client.chat.update({ channel, ts, ...toSlackMessage(response) });
  }

  return {
    name: "slack",
    async start(): Promise<Server | undefined> {
      if (receiver instanceof HTTPReceiver) return (await receiver.start(options.port)) as Server;
      await app.start();
      return undefined;
    },
    async stop(): Promise<void> {
      await app.stop();
    },
  };
}

function requestFrom(text: string, team: string | undefined, channel: string, threadTs: string, user: string, raw: unknown): ChatRequest {
  return { ...commandFromText(text), thread: `slack:${team ?? "team"}:${channel}:${threadTs}`, channel: `slack:${channel}`, user: { id: user }, platform: "slack", raw };
}

/** Remembers the last `capacity` ids; `add` says whether the id is new. */
class RecentIds {
  readonly #ids = new Set<string>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  add(id: string): boolean {
    if (this.#ids.has(id)) return false;
    this.#ids.add(id);
    if (this.#ids.size > this.#capacity) this.#ids.delete(this.#ids.values().next().value!);
    return true;
  }
}
