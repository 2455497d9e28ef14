import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../adapters/discord/discord.ts";
import { createChatBot } from "../../src/chat/create.ts";
import { ChatDigestCommands } from "../../src/chat/digest-commands.ts";
import type { LanceDigestStore } from "../../src/state/digest-tables.ts";
import { DigestService } from "../../src/digest/service.ts";
import { ExtractiveSummarizer } from "../../src/digest/summary.ts";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import { Library } from "../../src/library/library.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { eventually, TEST_LIMITS } from "../helpers/bot.ts";
import { silentLogger } from "../helpers/logger.ts";
import { startSlackBot } from "../helpers/slack.ts";
import { APP_ID, startDiscordServer, USER } from "../servers/discord.ts";
import { ADMIN_USER, eventCallback, sendSigned, slashCommand } from "../servers/slack.ts";
import { openDigests } from "../../src/state/open.ts";

const MANAGE_CHANNELS = "16";
let dir: string;
let library: Library;
let digests: LanceDigestStore;

/** One question per user per minute, digest commands wired to real LanceDB tables, one configured admin per platform. */
function bot() {
  const service = new DigestService({ library, store: digests, summarizer: new ExtractiveSummarizer(library), settings: { limit: 10, emptyDays: "post", catchUpDays: 7 }, logger: silentLogger, poster: { post: async () => {}, hasPosted: async () => false } });
  const digest = new ChatDigestCommands(digests, service, { time: "08:00", timeZone: "UTC" });
  return createChatBot(library, { logger: silentLogger, chat: { port: 0, limits: { ...TEST_LIMITS, questionsPerWindow: 1 }, admins: ["slack:UCHOSEN", "discord:900000000000000555"] }, digest });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paperbot-asker-"));
  const store = await LancePaperStore.open({ uri: dir });
  const embedder = await LocalEmbedder.create();
  await ingestRecords([{ title: "Sparse Attention for Long Documents", abstract: "We make attention sparse so long documents fit in memory.", upvotes: 1, source: "test" }], { store, embedder, logger: silentLogger });
  library = new Library(store, embedder);
  digests = openDigests(store);
}, 60_000);
afterAll(async () => {
  library.store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("Slack: notices for the asker alone, digest changes for managers", () => {
  let running: Awaited<ReturnType<typeof startSlackBot>>;
  beforeAll(async () => {
    running = await startSlackBot(bot(), "s");
  });
  afterAll(() => running.close());
  const mention = (id: string, user: string, text: string, channel = "C1") => eventCallback(id, { type: "app_mention", user, text: `<@UBOT> ${text}`, ts: `${id.length}.1`, channel });

  it("shows a rate-limit notice to the asker only: ephemeral in the thread, placeholder removed", async () => {
    const { slack, eventsUrl } = running;
    await sendSigned(eventsUrl, "s", mention("EvA1", "ULIMIT", "sparse attention?"), "application/json");
    await eventually(() => expect(slack.calls.filter((call) => call.method === "chat.update" && call.body.blocks)).toHaveLength(1));
    await sendSigned(eventsUrl, "s", mention("EvA2", "ULIMIT", "and long documents?"), "application/json");
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.postEphemeral")).toBe(true));
    const notice = slack.calls.find((call) => call.method === "chat.postEphemeral")!.body;
    expect(notice).toMatchObject({ channel: "C1", user: "ULIMIT" });
    expect(JSON.stringify(notice.blocks)).toMatch(/faster than I can keep up/);
    await eventually(() => expect(slack.calls.filter((call) => call.method === "chat.delete")).toHaveLength(1));
    expect(slack.calls.filter((call) => call.method === "chat.update" && call.body.blocks)).toHaveLength(1);
  });

  it("answers /ask over the limit ephemerally, and /digest subscribe only for admins, managers and the admin list", async () => {
    const { slack, eventsUrl } = running;
    const slash = (command: string, text: string, user: string, id: string) => sendSigned(eventsUrl, "s", slashCommand(command, text, slack.responseUrl(id)).replace("user_id=U1", `user_id=${user}`), "application/x-www-form-urlencoded");
    await slash("/ask", "sparse attention?", "USLASH", "a1");
    await slash("/ask", "sparse attention?", "USLASH", "a2");
    await slash("/digest", "subscribe sparse attention", "UNOBODY", "d1");
    await eventually(() => expect(slack.responses).toHaveLength(3));
    const byText = (pattern: RegExp) => slack.responses.find((response) => pattern.test(JSON.stringify(response)));
    expect(byText(/faster than I can keep up/)).toMatchObject({ response_type: "ephemeral" });
    expect(byText(/Only people who can manage this channel/)).toMatchObject({ response_type: "ephemeral" });
    expect(await digests.subscription("slack:C1")).toBeUndefined();

    await slash("/digest", "subscribe sparse attention", ADMIN_USER, "d2");
    await eventually(() => expect(slack.responses).toHaveLength(4));
    expect(slack.responses[3]).toMatchObject({ response_type: "in_channel", text: expect.stringMatching(/^Subscribed/) });
    await slash("/digest", "unsubscribe", "UCHOSEN", "d3");
    await eventually(() => expect(slack.responses).toHaveLength(5));
    expect(slack.responses[4]!.text).toMatch(/^Unsubscribed/);
  });

  it("lets anyone manage the digest of their own DM", async () => {
    const { slack, eventsUrl } = running;
    await sendSigned(eventsUrl, "s", eventCallback("EvDm", { type: "message", channel_type: "im", user: "UDM", text: "digest subscribe", ts: "9.1", channel: "D9" }), "application/json");
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update" && call.body.channel === "D9" && /Subscribed/.test(call.body.text))).toBe(true));
  });
});

describe("Discord: ephemeral notices for slash commands, digest changes for managers", () => {
  let discord: Awaited<ReturnType<typeof startDiscordServer>>;
  let adapter: ReturnType<typeof createDiscordAdapter>;
  beforeAll(async () => {
    discord = await startDiscordServer();
    adapter = createDiscordAdapter(bot(), { token: "t", applicationId: APP_ID, apiUrl: discord.apiUrl }, silentLogger);
    await adapter.start();
  });
  afterAll(async () => {
    await adapter.stop();
    await discord.close();
  });
  const subscribe = [{ name: "subscribe", type: 1, options: [] }];
  const followUps = (token: string) => discord.calls.filter((call) => call.method === "POST" && call.path === `/webhooks/${APP_ID}/${token}`);
  const original = (token: string) => discord.calls.filter((call) => call.path === `/webhooks/${APP_ID}/${token}/messages/@original`);

  it("refuses /digest subscribe from a member who cannot manage the channel, ephemerally, and removes the public reply", async () => {
    const { token } = discord.slashCommand("digest", subscribe);
    await eventually(() => expect(followUps(token)).toHaveLength(1));
    expect(followUps(token)[0]!.body).toMatchObject({ flags: 64, content: expect.stringMatching(/Only people who can manage this channel/) });
    expect(original(token).map((call) => call.method)).toEqual(["DELETE"]);
    expect(await digests.subscription("discord:900000000000000020")).toBeUndefined();
  });

  it("accepts it from a member with Manage Channels, or on the admin list", async () => {
    const manager = discord.slashCommand("digest", subscribe, { permissions: MANAGE_CHANNELS });
    await eventually(() => expect(original(manager.token).some((call) => call.method === "PATCH" && /^Subscribed/.test(call.body.content))).toBe(true));
    const listed = discord.slashCommand("digest", [{ name: "unsubscribe", type: 1, options: [] }], { user: { ...USER, id: "900000000000000555" } });
    await eventually(() => expect(original(listed.token).some((call) => call.method === "PATCH" && /^Unsubscribed/.test(call.body.content))).toBe(true));
  });

  it("answers an /ask over the limit with an ephemeral notice", async () => {
    const other = { ...USER, id: "900000000000000777" };
    const asks = [1, 2].map(() => discord.slashCommand("ask", [{ name: "question", type: 3, value: "sparse attention?" }], { user: other }).token);
    // Whichever of the two is handled second is over the limit.
    await eventually(() => expect(asks.flatMap(followUps)).toHaveLength(1));
    expect(asks.flatMap(followUps)[0]!.body).toMatchObject({ flags: 64, content: expect.stringMatching(/faster than I can keep up/) });
  });
});
