import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../helpers/bot.ts";
import { runPaperbot } from "../helpers/cli.ts";
import { SAMPLES_DIR } from "../helpers/files.ts";
import { APP_ID, startDiscordServer } from "../servers/discord.ts";
import { eventCallback, sendSigned, startSlackServer } from "../servers/slack.ts";

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
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", () => {});
  const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
  return { child, output: () => stdout, exited };
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
    expect(await serve.exited).toBe(0);
  }, 60_000);
});
