import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackAdapter } from "../../adapters/slack/slack.ts";
import { eventually, testBot } from "../helpers/bot.ts";
import { useSampleLibrary } from "../helpers/library.ts";
import { silentLogger } from "../helpers/logger.ts";
import { eventCallback, startSlackServer } from "../servers/slack.ts";

const samples = useSampleLibrary();
let slack: Awaited<ReturnType<typeof startSlackServer>>;
let adapter: ReturnType<typeof createSlackAdapter>;
beforeAll(async () => {
  slack = await startSlackServer();
  adapter = createSlackAdapter(testBot(samples()), { botToken: "xoxb-test", appToken: "xapp-test", apiUrl: slack.apiUrl, eventsPath: "/slack/events" }, silentLogger, { port: 0 });
  await adapter.start();
  await slack.socketReady;
}, 60_000);
afterAll(async () => {
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
});
