import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSlackAdapter } from "../../adapters/slack/slack.ts";
import type { ChatBot } from "../../src/chat/bot.ts";
import type { SeenEvents } from "../../src/chat/seen-events.ts";
import type { Logger } from "../../src/logger.ts";
import { eventCallback, sendSigned, startSlackServer } from "../../test/servers/slack.ts";
import { settled, summary, until, type BurstResult } from "./stats.ts";

const SECRET = "load-signing-secret";
/** Slack retries an event it did not see acknowledged within 3 seconds. */
const ACK_DEADLINE_MS = 3_000;

/**
 * `mentions` signed app_mention events at once (one channel each, so each
 * answer can be traced), then a retry of every fourth, as Slack sends when
 * an ack is late. Each must be acknowledged within 3 s and answered once.
 */
export async function slackBurst(bot: ChatBot, logger: Logger, mentions: number, options: { seen?: SeenEvents } = {}): Promise<BurstResult> {
  const slack = await startSlackServer();
  const adapter = createSlackAdapter(bot, { botToken: "xoxb-load", signingSecret: SECRET, apiUrl: slack.apiUrl, eventsPath: "/slack/events" }, logger, { port: 0, ...(options.seen && { seen: options.seen }) });
  const server = (await adapter.start()) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  try {
    const sentAt = new Map<string, number>();
    const body = (index: number) => eventCallback(`EvLoad${index}`, { type: "app_mention", user: `ULOAD${index}`, text: `<@UBOT> which papers cover KV cache compression? (${index})`, ts: `1700000000.${index}`, channel: `CLOAD${index}` });
    const send = async (index: number, retry: boolean) => {
      const started = Date.now();
      if (!retry) sentAt.set(`CLOAD${index}`, started);
      const response = await sendSigned(url, SECRET, body(index), "application/json", retry ? { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } : {});
      await response.arrayBuffer();
      return { status: response.status, ms: Date.now() - started };
    };
    const indexes = Array.from({ length: mentions }, (_, index) => index);
    const retried = indexes.filter((index) => index % 4 === 0);
    const acks = await Promise.all([...indexes.map((index) => send(index, false)), ...retried.map((index) => send(index, true))]);
    const answered = (channel: string) => slack.calls.some((call) => call.method === "chat.update" && call.body.channel === channel && call.body.blocks);
    const finished = await until(() => indexes.every((index) => answered(`CLOAD${index}`)), 120_000);
    // Overflow messages of long answers may still be on their way; a duplicate answer would be too.
    await settled(() => slack.calls.length);
    const placeholders = new Map<string, number>();
    const finals = new Map<string, number>();
    const latencies: number[] = [];
    for (const call of slack.calls) {
      const channel = call.body.channel as string;
      if (call.method === "chat.postMessage") placeholders.set(channel, (placeholders.get(channel) ?? 0) + 1);
      if (call.method === "chat.update" && call.body.blocks) {
        finals.set(channel, (finals.get(channel) ?? 0) + 1);
        latencies.push(call.at - sentAt.get(channel)!);
      }
    }
    const onTime = acks.filter((ack) => ack.status === 200 && ack.ms <= ACK_DEADLINE_MS).length;
    const once = indexes.filter((index) => placeholders.get(`CLOAD${index}`) === 1 && finals.get(`CLOAD${index}`) === 1).length;
    return {
      ok: finished && onTime === acks.length && once === mentions,
      lines: [
        `Slack: ${mentions} signed mentions in one burst, plus ${retried.length} retries (x-slack-retry-num: 1)`,
        `  acked 200 within 3 s: ${onTime}/${acks.length}   (ack time ${summary(acks.map((ack) => ack.ms))})`,
        `  answered exactly once: ${once}/${mentions}   (one placeholder and one answer per thread; retries answered: ${slack.calls.filter((call) => call.method === "chat.postMessage").length - mentions})`,
        `  mention to answer: ${summary(latencies)}`,
      ],
    };
  } finally {
    await adapter.stop();
    await slack.close();
  }
}
