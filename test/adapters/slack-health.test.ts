import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackAdapter } from "../../adapters/slack/slack.ts";
import type { AdapterState } from "../../adapters/status.ts";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { Library } from "../../src/library/library.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { eventually, testBot } from "../helpers/bot.ts";
import { silentLogger } from "../helpers/logger.ts";
import { startSlackBot } from "../helpers/slack.ts";
import { eventCallback, REJECTED_APP_TOKEN, sendSigned, startSlackServer } from "../servers/slack.ts";

let dir: string;
let store: LancePaperStore;
let running: Awaited<ReturnType<typeof startSlackBot>>;
let slack: typeof running.slack;
let url: string;
const states: { state: AdapterState; reason?: string }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paperbot-slack-health-"));
  store = await LancePaperStore.open({ uri: dir });
  const bot = testBot(new Library(store, await LocalEmbedder.create()));
  running = await startSlackBot(bot, "s", { onStatus: (state, reason) => void states.push({ state, ...(reason && { reason }) }) });
  ({ slack, eventsUrl: url } = running);
}, 60_000);
afterAll(async () => {
  await running.close();
  store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("Slack adapter health and request checks", () => {
  it("reports starting, then ready once Slack accepted the token", () => {
    expect(states.map((entry) => entry.state)).toEqual(["starting", "ready"]);
  });

  it("refuses a signed request dated more than five minutes in the future", async () => {
    const body = eventCallback("EvFuture", { type: "app_mention", user: "U1", text: "<@UBOT> hi", ts: "7.1", channel: "C1" });
    expect((await sendSigned(url, "s", body, "application/json", {}, 6 * 60)).status).toBe(401);
    expect((await sendSigned(url, "s", body, "application/json", {}, -6 * 60)).status).toBe(401);
    expect(slack.calls.filter((call) => call.method.startsWith("chat."))).toEqual([]);
  });

  it("goes down, naming SLACK_BOT_TOKEN, when Slack revokes the token mid-session", async () => {
    slack.revokeToken();
    await sendSigned(url, "s", eventCallback("EvRevoked", { type: "app_mention", user: "U1", text: "<@UBOT> hi", ts: "8.1", channel: "C1" }), "application/json");
    await eventually(() => expect(states.at(-1)).toEqual({ state: "down", reason: expect.stringMatching(/^Slack rejected SLACK_BOT_TOKEN \(token_revoked\)/) }));
  });

  it("names SLACK_APP_TOKEN when Socket Mode's app-level token is rejected, and PORT when the port is taken", async () => {
    const socket = createSlackAdapter(testBot(new Library(store, await LocalEmbedder.create())), { botToken: "xoxb-ok", appToken: REJECTED_APP_TOKEN, apiUrl: (await fresh()).apiUrl, eventsPath: "/slack/events" }, silentLogger, { port: 0 });
    await expect(socket.start()).rejects.toThrow(/^Slack rejected SLACK_APP_TOKEN \(invalid_auth\)/);
    const taken = Number(new URL(url).port);
    const http = createSlackAdapter(testBot(new Library(store, await LocalEmbedder.create())), { botToken: "xoxb-ok", signingSecret: "s", apiUrl: (await fresh()).apiUrl, eventsPath: "/slack/events" }, silentLogger, { port: taken });
    await expect(http.start()).rejects.toThrow(new RegExp(`^Could not listen for Slack events on PORT ${taken} \\(EADDRINUSE\\)`));
  });
});

describe("Slack adapter while idle", () => {
  it("notices a token revoked while no one is asking, from its periodic check", async () => {
    const server = await fresh();
    const seen: { state: AdapterState; reason?: string }[] = [];
    const idle = createSlackAdapter(testBot(new Library(store, await LocalEmbedder.create())), { botToken: "xoxb-ok", signingSecret: "s", apiUrl: server.apiUrl, eventsPath: "/slack/events" }, silentLogger, {
      port: 0,
      probeIntervalMs: 50,
      onStatus: (state, reason) => void seen.push({ state, ...(reason && { reason }) }),
    });
    await idle.start();
    server.revokeToken();
    await eventually(() => expect(seen.at(-1)).toEqual({ state: "down", reason: expect.stringMatching(/^Slack rejected SLACK_BOT_TOKEN \(token_revoked\)/) }));
    await idle.stop();
  });
});

/** A Slack server of its own (the shared one has its token revoked by now), closed after the file. */
const extra: Awaited<ReturnType<typeof startSlackServer>>[] = [];
async function fresh() {
  const server = await startSlackServer();
  extra.push(server);
  return server;
}
afterAll(async () => {
  for (const server of extra) await server.close();
});
