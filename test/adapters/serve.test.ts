import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../helpers/bot.ts";
import { runPaperbot } from "../helpers/cli.ts";
import { SAMPLES_DIR } from "../helpers/files.ts";
import { APP_ID, CHANNEL_ID, GUILD_ID, REJECTED_TOKEN, startDiscordServer, USER } from "../servers/discord.ts";
import { eventCallback, REJECTED_TOKEN as REJECTED_SLACK_TOKEN, sendSigned, startSlackServer } from "../servers/slack.ts";

let dir: string;
let db: string;
let slack: Awaited<ReturnType<typeof startSlackServer>>;
let discord: Awaited<ReturnType<typeof startDiscordServer>>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paperbot-serve-"));
  db = join(dir, "lancedb");
  slack = await startSlackServer();
  discord = await startDiscordServer();
  expect((await runPaperbot(["ingest", SAMPLES_DIR, "--db", db])).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await slack.close();
  await discord.close();
  await rm(dir, { recursive: true, force: true });
});

function startServe(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(import.meta.dirname, "..", "..", "adapters", "main.ts"), "serve", "--db", db], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", LOG_LEVEL: "warn", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
  return { child, output: () => stdout, errors: () => stderr, exited };
}

describe("paperbot serve", () => {
  it("starts every configured platform, answers on them, serves /healthz, and stops cleanly on SIGTERM", async () => {
    const serve = startServe({
      SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "secret", SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: "test-token", DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.apiUrl,
    });
    await eventually(() => expect(serve.output()).toContain("paperbot is running"), 30_000);
    expect(serve.output()).toContain("Slack: starting (HTTP mode");
    expect(serve.output()).toContain("Discord: starting");
    const health = /Health check: (\S+)/.exec(serve.output())![1]!;
    const status = await (await fetch(health)).json();
    expect(status).toMatchObject({ status: "ok", adapters: { slack: { state: "ready" }, discord: { state: "ready" } } });

    const events = health.replace("/healthz", "/slack/events");
    await sendSigned(events, "secret", eventCallback("EvServe", { type: "app_mention", user: "U1", text: "<@UBOT> anything on concept bottleneck models?", ts: "1.1", channel: "C1" }), "application/json");
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update")).toBe(true), 15_000);
    discord.userMessage("paper PyramidKV");
    await eventually(() => expect(discord.calls.some((call) => call.method === "PATCH")).toBe(true), 15_000);

    serve.child.kill("SIGTERM");
    expect(await serve.exited).toBe(0);
    expect(serve.output()).toContain("Stopped.");
  }, 60_000);

  it("says which platforms it skipped and why, and /healthz says 503: no platform is serving", async () => {
    const serve = startServe({});
    await eventually(() => expect(serve.output()).toContain("paperbot is running"), 30_000);
    expect(serve.output()).toContain("Slack: skipped (set SLACK_BOT_TOKEN");
    expect(serve.output()).toContain("Discord: skipped (set DISCORD_TOKEN");
    const health = /Health check: (\S+)/.exec(serve.output())![1]!;
    const response = await fetch(health);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "no-platform", reason: expect.stringContaining("SLACK_BOT_TOKEN or DISCORD_TOKEN") });
    serve.child.kill("SIGINT");
    // Ctrl-C: a clean stop all the same, with the status shells expect of an interrupted command.
    expect(await serve.exited).toBe(130);
    expect(serve.output()).toContain("Stopped.");
  }, 60_000);

  it("drops malformed input on both platforms without stopping, logs it without secrets, and reports Discord auth loss (4004) in /healthz", async () => {
    const SECRET = "sign-s3cr3t-value";
    const TOKEN = "discord-t0ken-value";
    const serve = startServe({
      SLACK_BOT_TOKEN: "xoxb-slack-t0ken", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.apiUrl,
    });
    await eventually(() => expect(serve.output()).toContain("paperbot is running"), 30_000);
    const health = /Health check: (\S+)/.exec(serve.output())![1]!;
    const events = health.replace("/healthz", "/slack/events");

    // Correctly signed, and not an object: each used to stop the process.
    for (const body of ["null", "[]", "7", '"text"']) expect((await sendSigned(events, SECRET, body, "application/json")).status).toBe(400);
    expect((await sendSigned(events, SECRET, "payload=null", "application/x-www-form-urlencoded")).status).toBe(400);
    const message = { id: discord.snowflake(), channel_id: CHANNEL_ID, guild_id: GUILD_ID, content: "hi", timestamp: new Date().toISOString(), type: 0, mentions: [], attachments: [], embeds: [] };
    discord.dispatch("MESSAGE_CREATE", null as unknown as object);
    discord.dispatch("MESSAGE_CREATE", { ...message, author: null });
    discord.dispatch("INTERACTION_CREATE", { id: discord.snowflake(), type: 2, data: null, member: null });

    slack.calls.length = 0;
    discord.calls.length = 0;
    await sendSigned(events, SECRET, eventCallback("EvAfterGarbage", { type: "app_mention", user: "U1", text: "<@UBOT> anything on concept bottleneck models?", ts: "2.1", channel: "C1" }), "application/json");
    discord.userMessage("paper PyramidKV", { author: USER });
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update")).toBe(true), 15_000);
    await eventually(() => expect(discord.calls.some((call) => call.method === "PATCH")).toBe(true), 15_000);
    expect(serve.child.exitCode).toBeNull();
    expect(serve.errors()).toMatch(/dropped a Slack request: its body is null/);
    expect(serve.errors()).toMatch(/dropped a Discord gateway event/);
    expect(serve.errors()).not.toContain(SECRET);
    expect(serve.errors()).not.toContain(TOKEN);

    discord.closeSession(4004, "Authentication failed");
    let status: { status: number; body: any } = { status: 0, body: undefined };
    for (let tries = 0; tries < 100 && status.status !== 503; tries++) {
      const response = await fetch(health);
      status = { status: response.status, body: await response.json() };
      if (status.status !== 503) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status.status).toBe(503);
    expect(status.body).toMatchObject({ status: "degraded", adapters: { slack: { state: "ready" }, discord: { state: "down", reason: expect.stringContaining("Discord rejected DISCORD_TOKEN") } } });
    await eventually(() => expect(serve.errors()).toMatch(/Discord rejected DISCORD_TOKEN \(gateway close 4004/));

    serve.child.kill("SIGTERM");
    expect(await serve.exited).toBe(0);
  }, 60_000);

  it("refuses to start when a platform rejects its token, naming the platform and the variable", async () => {
    const [onDiscord, onSlack] = [
      startServe({ DISCORD_TOKEN: REJECTED_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.apiUrl }),
      startServe({ SLACK_BOT_TOKEN: REJECTED_SLACK_TOKEN, SLACK_SIGNING_SECRET: "s", SLACK_API_URL: slack.apiUrl }),
    ];
    expect(await onDiscord.exited).toBe(1);
    expect(onDiscord.errors()).toMatch(/^paperbot: Discord rejected DISCORD_TOKEN \(.+\): copy a new token/m);
    expect(await onSlack.exited).toBe(1);
    expect(onSlack.errors()).toMatch(/^paperbot: Slack rejected SLACK_BOT_TOKEN \(invalid_auth\)/m);
  }, 60_000);
});
