import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../adapters/discord/discord.ts";
import { toDiscordMessages } from "../../adapters/discord/format.ts";
import { toSlackMessage } from "../../adapters/slack/blocks.ts";
import type { ChatResponse } from "../../src/chat/response.ts";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import { Library } from "../../src/library/library.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { eventually, testBot } from "../helpers/bot.ts";
import { silentLogger } from "../helpers/logger.ts";
import { startSlackBot } from "../helpers/slack.ts";
import { APP_ID, startDiscordServer } from "../servers/discord.ts";
import { eventCallback, sendSigned, slashCommand } from "../servers/slack.ts";

/** Every way to ping people on Slack and Discord, as a question or an abstract might carry them. */
const PINGS = "<!channel> <!here> <!everyone> <!subteam^S0TEAM> <@U0BADGUY> <#C0GENERAL> @everyone @here <@&900000000000000777> <@900000000000000100>";
const HOSTILE_TITLE = "<!here> Sink Tokens for KV Cache Eviction @everyone";
const HOSTILE_ABSTRACT = `We study KV cache eviction for long contexts. ${PINGS} Sink tokens let the KV cache keep 4x fewer entries with no loss. See [the code](https://evil.test/x>|<!channel>) for KV cache eviction.`;
const QUESTION = `${PINGS} which papers cover KV cache eviction?`;
/** A live Slack mention: `<!…>`, `<@…>` or `<#…>` not escaped. */
const LIVE_SLACK_MENTION = /<[!@#]/;

let dir: string;
let library: Library;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paperbot-mentions-"));
  const store = await LancePaperStore.open({ uri: dir });
  const embedder = await LocalEmbedder.create();
  const records = [
    { title: HOSTILE_TITLE, abstract: HOSTILE_ABSTRACT, upvotes: 5, source: "test" },
    { title: "Quantized KV Cache Eviction", abstract: "We quantize the KV cache and evict stale entries, halving memory for long contexts.", upvotes: 1, source: "test" },
  ];
  await ingestRecords(records, { store, embedder, logger: silentLogger });
  library = new Library(store, embedder);
}, 60_000);
afterAll(async () => {
  library.store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("hostile questions and abstracts on Slack", () => {
  let running: Awaited<ReturnType<typeof startSlackBot>>;
  beforeAll(async () => {
    running = await startSlackBot(testBot(library), "s");
  });
  afterAll(() => running.close());

  it("never sends a live mention: not in answers, cards or fallback text", async () => {
    const { slack, eventsUrl } = running;
    await sendSigned(eventsUrl, "s", eventCallback("EvHostile", { type: "app_mention", user: "U1", text: `<@UBOT> ${QUESTION}`, ts: "1.1", channel: "C1" }), "application/json");
    await sendSigned(eventsUrl, "s", slashCommand("/paper", "Sink Tokens for KV Cache Eviction", slack.responseUrl("card")), "application/x-www-form-urlencoded");
    await sendSigned(eventsUrl, "s", slashCommand("/paper", `${PINGS} nothing matches this`, slack.responseUrl("none")), "application/x-www-form-urlencoded");
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update" && call.body.blocks)).toBe(true));
    await eventually(() => expect(slack.responses).toHaveLength(2));
    const sent = [...slack.calls.filter((call) => call.method.startsWith("chat.")).map((call) => call.body), ...slack.responses];
    for (const body of sent) expect(JSON.stringify(body)).not.toMatch(LIVE_SLACK_MENTION);
    // The text is still there, as text.
    expect(JSON.stringify(sent)).toContain("&lt;!channel&gt;");
  });
});

describe("hostile questions and abstracts on Discord", () => {
  let discord: Awaited<ReturnType<typeof startDiscordServer>>;
  let adapter: ReturnType<typeof createDiscordAdapter>;
  beforeAll(async () => {
    discord = await startDiscordServer();
    adapter = createDiscordAdapter(testBot(library, { questionsPerWindow: 2 }), { token: "t", applicationId: APP_ID, apiUrl: discord.apiUrl }, silentLogger);
    await adapter.start();
  });
  afterAll(async () => {
    await adapter.stop();
    await discord.close();
  });
  beforeEach(() => void (discord.calls.length = 0));

  it("sends every message, edit and interaction reply with allowed_mentions that ping no one", async () => {
    discord.userMessage(QUESTION);
    const { token } = discord.slashCommand("paper", [{ name: "name", type: 3, value: "Sink Tokens for KV Cache Eviction" }]);
    const choose = discord.slashCommand("paper", [{ name: "name", type: 3, value: "KV Cache Eviction" }]);
    // The same user's third question is over the limit: an error notice, also without pings.
    const limited = discord.slashCommand("ask", [{ name: "question", type: 3, value: QUESTION }]);
    await eventually(() => {
      expect(discord.calls.some((call) => call.method === "PATCH" && /\/channels\//.test(call.path) && !/Looking through/.test(call.body.content))).toBe(true);
      for (const interaction of [token, choose.token]) expect(discord.calls.some((call) => call.path.endsWith(`${interaction}/messages/@original`) && call.method === "PATCH")).toBe(true);
      expect(discord.calls.some((call) => call.path === `/webhooks/${APP_ID}/${limited.token}` && call.method === "POST")).toBe(true);
    });
    const sent = discord.calls.filter((call) => (call.method === "POST" || call.method === "PATCH") && /\/messages|\/webhooks\/\d+\/[^/]+$/.test(call.path) && !call.path.endsWith("/threads"));
    // placeholder, answer edit, card, choose list, and the ephemeral notice
    expect(sent.length).toBeGreaterThanOrEqual(5);
    for (const call of sent) expect(call.body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe("mention neutralising in rendering", () => {
  const digest = { channel: "slack:C1", from: "2026-01-01", to: "2026-01-01", topic: PINGS, items: [{ id: "p", title: HOSTILE_TITLE, url: "https://x.test/a>|<!channel>", upvotes: 1, summary: PINGS, why: PINGS }], coverage: { papers: 1 }, skippedAlreadyPosted: 0, key: "k" };
  const card = { id: "p", title: HOSTILE_TITLE, abstract: HOSTILE_ABSTRACT, url: "https://x.test/p", upvotes: 1 };
  const responses: ChatResponse[] = [
    { kind: "text", markdown: PINGS },
    { kind: "paper", paper: card },
    { kind: "choose", query: PINGS, papers: [card, card] },
    { kind: "digest", digest },
    { kind: "answer", reply: { text: `${PINGS} [1]`, citations: [{ n: 1, id: "p", title: HOSTILE_TITLE, url: "https://x.test/p" }], found: true, closest: [], notes: [PINGS] } },
  ];

  it("leaves no live Slack mention in any kind of response, fallback text included", () => {
    for (const response of responses) expect(JSON.stringify(toSlackMessage(response))).not.toMatch(LIVE_SLACK_MENTION);
  });

  it("keeps the text readable on Discord (pings are stopped by allowed_mentions, not by mangling)", () => {
    expect(toDiscordMessages(responses[0]!)[0]).toContain("@everyone");
  });
});
