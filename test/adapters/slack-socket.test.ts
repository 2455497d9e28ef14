import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackAdapter } from "../../adapters/slack/slack.ts";
import { eventually, testBot } from "../helpers/bot.ts";
import { useSampleLibrary } from "../helpers/library.ts";
import { silentLogger } from "../helpers/logger.ts";
import { eventCallback, startSlackServer } from "../servers/slack.ts";

const samples = useSampleLibrary();
const escaped: unknown[] = [];
const record = (error: unknown) => void escaped.push(error);
let slack: Awaited<ReturnType<typeof startSlackServer>>;
let adapter: ReturnType<typeof createSlackAdapter>;
beforeAll(async () => {
  process.on("unhandledRejection", record);
  process.on("uncaughtException", record);
  slack = await startSlackServer();
  adapter = createSlackAdapter(testBot(samples()), { botToken: "xoxb-test", appToken: "xapp-test", apiUrl: slack.apiUrl, eventsPath: "/slack/events" }, silentLogger, { port: 0 });
  await adapter.start();
  await slack.socketReady;
}, 60_000);
afterAll(async () => {
  process.off("unhandledRejection", record);
  process.off("uncaughtException", record);
  await adapter.stop();
  await slack.close();
});

describe("Slack adapter in Socket Mode", () => {
  it("opens the connection through SLACK_API_URL, acknowledges events, and answers in the thread", async () => {
    expect(slack.calls.some((call) => call.method === "apps.connections.open")).toBe(true);
    slack.socketEvent("env-1", eventCallback("EvSock", { type: "app_mention", user: "U1", text: "<@UBOT> paper PyramidKV", ts: "5.5", channel: "C5" }));
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update" && call.body.channel === "C5")).toBe(true));
    expect(slack.acks).toContain("env-1");
    expect(slack.calls.find((call) => call.method === "chat.postMessage" && call.body.channel === "C5")!.body.thread_ts).toBe("5.5");
    expect(JSON.stringify(slack.calls.findLast((call) => call.method === "chat.update")!.body.blocks)).toContain("PyramidKV: Dynamic KV Cache Compression");
  });

  it("drops malformed envelopes without escaping, and keeps answering", async () => {
    for (const frame of ["null", "[]", "{not json", JSON.stringify({ type: "events_api", envelope_id: "env-bad-1", payload: null }), JSON.stringify({ type: "events_api", envelope_id: "env-bad-2", payload: { event: null } }), JSON.stringify({ type: 7 })]) slack.socketSend(frame);
    slack.socketEvent("env-2", eventCallback("EvSock2", { type: "app_mention", user: "U1", text: "<@UBOT> paper PyramidKV", ts: "6.6", channel: "C6" }));
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update" && call.body.channel === "C6")).toBe(true));
    expect(escaped).toEqual([]);
  });
});
