import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../adapters/discord/discord.ts";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import { Library } from "../../src/library/library.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { eventually, testBot } from "../helpers/bot.ts";
import { silentLogger } from "../helpers/logger.ts";
import { startSlackBot } from "../helpers/slack.ts";
import { APP_ID, CHANNEL_ID, GUILD_ID, startDiscordServer, USER } from "../servers/discord.ts";
import { eventCallback, sendSigned } from "../servers/slack.ts";

/**
 * Random and malformed input through the real input surfaces: signed
 * bodies into Bolt's HTTP receiver, dispatch frames into discord.js's
 * gateway client. Nothing may escape as an uncaught error, and a valid
 * request afterwards must still be answered. Seeded, so a failure repeats.
 */
const SEED = 20_251_122;
const CASES = 150;

function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

const SLACK_KEYS = ["type", "event", "event_id", "team_id", "api_app_id", "command", "text", "user_id", "user", "channel_id", "channel", "channel_type", "payload", "ssl_check", "challenge", "ts", "thread_ts", "bot_id", "subtype", "actions", "view", "enterprise_id", "authorizations", "is_enterprise_install"];
const SLACK_TYPES = ["event_callback", "url_verification", "app_mention", "message", "block_actions", "view_submission", "shortcut", "app_rate_limited", "", "\u0000"];
const DISCORD_KEYS = ["id", "channel_id", "guild_id", "author", "content", "member", "mentions", "type", "data", "user", "name", "options", "token", "application_id", "timestamp", "embeds", "attachments", "flags", "message_reference", "thread", "roles", "permissions"];
const DISCORD_EVENTS = ["MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "INTERACTION_CREATE", "CHANNEL_CREATE", "THREAD_CREATE", "TYPING_START", "GUILD_MEMBER_ADD", "PRESENCE_UPDATE", "MESSAGE_REACTION_ADD", "UNKNOWN_EVENT"];

function value(rng: ReturnType<typeof random>, keys: readonly string[], types: readonly string[], depth = 0): unknown {
  switch (rng.int(depth > 2 ? 6 : 9)) {
    case 0: return null;
    case 1: return rng.int(3) === 0 ? -1 : rng.int(1e6);
    case 2: return rng.next() < 0.5;
    case 3: return rng.pick(types);
    case 4: return "x".repeat(rng.int(3) === 0 ? 5_000 : rng.int(20));
    case 5: return rng.pick(["<@UBOT> hi", "<!channel>", "paper PyramidKV", "digest subscribe", "", "🙂".repeat(10), "\ud800"]);
    case 6: case 7: return Object.fromEntries(Array.from({ length: rng.int(6) }, () => [rng.pick(keys), value(rng, keys, types, depth + 1)]));
    default: return Array.from({ length: rng.int(4) }, () => value(rng, keys, types, depth + 1));
  }
}

let dir: string;
let library: Library;
const escaped: unknown[] = [];
const record = (error: unknown) => void escaped.push(error);
beforeAll(async () => {
  process.on("unhandledRejection", record);
  process.on("uncaughtException", record);
  dir = await mkdtemp(join(tmpdir(), "paperbot-fuzz-"));
  const store = await LancePaperStore.open({ uri: dir });
  const embedder = await LocalEmbedder.create();
  await ingestRecords([{ title: "PyramidKV: Dynamic KV Cache Compression", abstract: "We compress the KV cache layer by layer in a pyramid.", upvotes: 1, source: "test" }], { store, embedder, logger: silentLogger });
  library = new Library(store, embedder);
}, 60_000);
afterAll(async () => {
  process.off("unhandledRejection", record);
  process.off("uncaughtException", record);
  library.store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("fuzzing the input surfaces", () => {
  it("Slack: random signed bodies, JSON and form-encoded, never escape the receiver", async () => {
    const running = await startSlackBot(testBot(library, { questionsPerWindow: 1_000 }), "s");
    try {
      const rng = random(SEED);
      const bodies = Array.from({ length: CASES }, (_, index): [string, string] => {
        const shape = rng.int(5);
        if (shape === 0) return [JSON.stringify(value(rng, SLACK_KEYS, SLACK_TYPES)), "application/json"];
        if (shape === 1) return [eventCallback(`EvFuzz${index}`, value(rng, SLACK_KEYS, SLACK_TYPES, 1) as Record<string, unknown>), "application/json"];
        if (shape === 2) return [new URLSearchParams({ payload: JSON.stringify(value(rng, SLACK_KEYS, SLACK_TYPES)) }).toString(), "application/x-www-form-urlencoded"];
        if (shape === 3) return [new URLSearchParams({ command: rng.pick(["/ask", "/paper", "/digest", "/nope"]), text: String(value(rng, SLACK_KEYS, SLACK_TYPES)), response_url: rng.pick([running.slack.responseUrl("fuzz"), "not a url", ""]), user_id: "U1", channel_id: "C1", team_id: "T1" }).toString(), "application/x-www-form-urlencoded"];
        return [JSON.stringify(value(rng, SLACK_KEYS, SLACK_TYPES)).slice(0, rng.int(40)) + rng.pick(["", "}", "\u0000", "%%%"]), rng.pick(["application/json", "application/x-www-form-urlencoded", "text/plain"])];
      });
      // All at once: requests no listener takes wait out Bolt's 3-second ack timeout, together rather than in turn.
      const statuses = await Promise.all(bodies.map(([body, type]) => sendSigned(running.eventsUrl, "s", body, type).then((response) => response.status)));
      for (const status of statuses) expect([200, 400, 401, 404, 413, 500]).toContain(status);
      running.slack.calls.length = 0;
      await sendSigned(running.eventsUrl, "s", eventCallback("EvFuzzValid", { type: "app_mention", user: "U1", text: "<@UBOT> paper PyramidKV", ts: "3.1", channel: "C1" }), "application/json");
      await eventually(() => expect(running.slack.calls.some((call) => call.method === "chat.update" && /PyramidKV/.test(JSON.stringify(call.body.blocks)))).toBe(true));
      expect(escaped).toEqual([]);
    } finally {
      await running.close();
    }
  });

  it("Discord: random dispatch frames never escape the gateway client", async () => {
    const discord = await startDiscordServer();
    const adapter = createDiscordAdapter(testBot(library, { questionsPerWindow: 1_000 }), { token: "t", applicationId: APP_ID, apiUrl: discord.apiUrl }, silentLogger);
    try {
      await adapter.start();
      const rng = random(SEED + 1);
      for (let index = 0; index < CASES; index++) {
        const event = rng.pick(DISCORD_EVENTS);
        const shape = rng.int(3);
        const base = { id: discord.snowflake(), channel_id: CHANNEL_ID, guild_id: GUILD_ID, author: USER, content: "<@900000000000000001> hi", timestamp: new Date().toISOString(), type: 0, mentions: [], attachments: [], embeds: [] };
        const mutated = { ...base, ...(value(rng, DISCORD_KEYS, DISCORD_EVENTS, 1) as object) };
        discord.dispatch(event, (shape === 0 ? value(rng, DISCORD_KEYS, DISCORD_EVENTS) : shape === 1 ? mutated : { ...base, [rng.pick(DISCORD_KEYS)]: value(rng, DISCORD_KEYS, DISCORD_EVENTS, 2) }) as object);
      }
      discord.calls.length = 0;
      discord.userMessage("paper PyramidKV");
      await eventually(() => expect(discord.calls.some((call) => call.method === "PATCH" && /PyramidKV/.test(call.body.content))).toBe(true));
      expect(escaped).toEqual([]);
    } finally {
      await adapter.stop();
      await discord.close();
    }
  });
});
