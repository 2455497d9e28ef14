import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPaperbot } from "../helpers/cli.ts";
import { APP_ID, CHANNEL_ID, startDiscordServer } from "../servers/discord.ts";
import { startSlackServer } from "../servers/slack.ts";

let dir: string;
let db: string;
let slack: Awaited<ReturnType<typeof startSlackServer>>;
let discord: Awaited<ReturnType<typeof startDiscordServer>>;
let env: Record<string, string>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paperbot-digest-cli-"));
  db = join(dir, "db");
  slack = await startSlackServer();
  discord = await startDiscordServer();
  env = { SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: slack.apiUrl, DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.apiUrl };
  const lines = [
    { title: "KV cache compression for long context", abstract: "We propose KVC, which compresses key-value caches eightfold.", publishedAt: "2026-11-20", upvotes: 4 },
    { title: "Diffusion models for video", abstract: "We propose a video diffusion model that is fast.", publishedAt: "2026-11-20", upvotes: 7 },
  ];
  await writeFile(join(dir, "papers.jsonl"), lines.map((line) => JSON.stringify(line)).join("\n"));
  expect((await runPaperbot(["ingest", join(dir, "papers.jsonl"), "--db", db])).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await slack.close();
  await discord.close();
  await rm(dir, { recursive: true, force: true });
});

describe("paperbot digest", () => {
  it("prints what would be posted with --dry-run, one JSON object per channel, and posts nothing", async () => {
    const result = await runPaperbot(["digest", "--db", db, "--channel", "slack:C1", "--date", "2026-11-20", "--dry-run", "--json"], env);
    expect(result.code).toBe(0);
    const digest = JSON.parse(result.stdout);
    expect(digest).toMatchObject({ date: "2026-11-20", channel: "slack:C1", posted: false, skippedAlreadyPosted: 0 });
    expect(digest.papers.map((paper: { title: string }) => paper.title)).toEqual(["Diffusion models for video", "KV cache compression for long context"]);
    expect(Object.keys(digest.papers[0]).sort()).toEqual(["id", "publishedAt", "summary", "title", "upvotes", "url"]);
    expect(slack.posted).toEqual([]);
  });

  it("posts to every subscription with the configured credentials, Discord over REST only, and never twice", async () => {
    await runPaperbot(["digest", "subscribe", "--db", db, "--channel", "slack:C1", "--time", "07:30", "--tz", "Europe/Berlin"], env);
    await runPaperbot(["digest", "subscribe", "--db", db, "--channel", `discord:${CHANNEL_ID}`, "--topic", "video diffusion"], env);
    const listed = JSON.parse((await runPaperbot(["digest", "list", "--db", db, "--json"], env)).stdout);
    expect(listed).toHaveLength(2);
    expect(listed.find((entry: { channel: string }) => entry.channel === "slack:C1")).toMatchObject({ time: "07:30", timeZone: "Europe/Berlin" });

    const first = (await runPaperbot(["digest", "--db", db, "--since", "2026-11-20", "--json"], env)).stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(first.map((entry) => [entry.channel, entry.posted, entry.papers.length])).toEqual([
      ["slack:C1", true, 2],
      [`discord:${CHANNEL_ID}`, true, 1],
    ]);
    expect(slack.posted).toHaveLength(1);
    expect(discord.posted.filter((message) => message.embeds.length > 0)).toHaveLength(1);
    expect(discord.calls.some((call) => call.path === "/gateway/bot")).toBe(false);

    const second = (await runPaperbot(["digest", "--db", db, "--since", "2026-11-20", "--json"], env)).stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(second.map((entry) => [entry.posted, entry.papers.length, entry.skippedAlreadyPosted])).toEqual([
      [false, 0, 2],
      // The Discord channel's topic kept only one of the two papers; only that one was posted there.
      [false, 0, 1],
    ]);
    expect(slack.posted).toHaveLength(1);
  });

  it("explains bad channels and missing credentials", async () => {
    expect((await runPaperbot(["digest", "--db", db, "--channel", "C1", "--dry-run"])).stderr).toMatch(/use slack:<channel id> or discord:<channel id>/);
    const unconfigured = await runPaperbot(["digest", "--db", db, "--channel", "slack:C2", "--date", "2026-11-20"]);
    expect(unconfigured.code).not.toBe(0);
    expect(unconfigured.stderr).toMatch(/Cannot post to slack:C2: set SLACK_BOT_TOKEN/);
  });
});
