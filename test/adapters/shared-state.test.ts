import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatBot } from "../../src/chat/create.ts";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import { Library } from "../../src/library/library.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { eventually, TEST_LIMITS } from "../helpers/bot.ts";
import { silentLogger } from "../helpers/logger.ts";
import { startSlackAdapter } from "../helpers/slack.ts";
import { eventCallback, sendSigned, startSlackServer } from "../servers/slack.ts";
import { openChatState, openConversations } from "../../src/state/open.ts";

let dir: string;
let embedder: LocalEmbedder;
const limits = { questionsPerWindow: 2, windowMs: 60_000 };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paperbot-state-"));
  embedder = await LocalEmbedder.create();
  const store = await LancePaperStore.open({ uri: dir });
  await ingestRecords(
    [
      { title: "Sparse Attention for Long Documents", abstract: "We make attention sparse so long documents fit in memory.", upvotes: 1, publishedAt: "2024-03-01", source: "test" },
      { title: "Block Sparse Attention Kernels", abstract: "Block sparse attention kernels speed up long document models on GPUs.", upvotes: 2, publishedAt: "2025-06-01", source: "test" },
    ],
    { store, embedder, logger: silentLogger },
  );
  store.close();
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** One `serve` process's worth of Slack adapter over the database at `dir`, with its chat state there too. */
async function startReplica(slack: Awaited<ReturnType<typeof startSlackServer>>) {
  const store = await LancePaperStore.open({ uri: dir });
  const state = openChatState(store, limits);
  const bot = createChatBot(new Library(store, embedder), { logger: silentLogger, chat: { port: 0, limits: TEST_LIMITS }, limiter: state });
  const { adapter, eventsUrl } = await startSlackAdapter(bot, slack, "s", { seen: state, threads: state });
  return {
    url: eventsUrl,
    async stop() {
      await adapter.stop();
      store.close();
    },
  };
}

describe("chat state in LanceDB, shared by restarts and replicas", () => {
  it("answers a Slack event retried after a restart once", async () => {
    const slack = await startSlackServer();
    const event = eventCallback("EvRestart", { type: "app_mention", user: "U1", text: "<@UBOT> sparse attention?", ts: "5.1", channel: "C1" });
    const first = await startReplica(slack);
    await sendSigned(first.url, "s", event, "application/json");
    await eventually(() => expect(slack.calls.filter((call) => call.method === "chat.update")).toHaveLength(1));
    await first.stop();

    const second = await startReplica(slack);
    const retry = await sendSigned(second.url, "s", event, "application/json", { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_error" });
    expect(retry.status).toBe(200);
    // A fresh event on the restarted replica is answered, so the retry had its chance to be too.
    await sendSigned(second.url, "s", eventCallback("EvAfterRestart", { type: "app_mention", user: "U2", text: "<@UBOT> sparse attention?", ts: "6.1", channel: "C2" }), "application/json");
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update" && call.body.channel === "C2")).toBe(true));
    expect(slack.calls.filter((call) => call.method === "chat.postMessage" && call.body.channel === "C1")).toHaveLength(1);
    await second.stop();
    await slack.close();
  });

  it("still follows a thread it answered in after a restart: a reply there without a mention is answered", async () => {
    const slack = await startSlackServer();
    const first = await startReplica(slack);
    await sendSigned(first.url, "s", eventCallback("EvFollowed", { type: "app_mention", user: "U3", text: "<@UBOT> sparse attention?", ts: "7.1", channel: "C3" }), "application/json");
    await eventually(() => expect(slack.calls.filter((call) => call.method === "chat.update" && call.body.channel === "C3")).toHaveLength(1));
    await first.stop();

    const second = await startReplica(slack);
    const reply = (id: string, ts: string, thread: string) => eventCallback(id, { type: "message", channel_type: "channel", user: "U3", text: "any from 2025?", ts, thread_ts: thread, channel: "C3" });
    await sendSigned(second.url, "s", reply("EvNotFollowed", "8.2", "8.1"), "application/json");
    await sendSigned(second.url, "s", reply("EvFollowUp", "7.2", "7.1"), "application/json");
    await eventually(() => expect(slack.calls.filter((call) => call.method === "chat.update" && call.body.channel === "C3")).toHaveLength(2));
    expect(slack.calls.filter((call) => call.method === "chat.postMessage" && call.body.channel === "C3").map((call) => call.body.thread_ts)).toEqual(["7.1", "7.1"]);
    await second.stop();
    await slack.close();
  });

  it("lets two replicas claim the same events concurrently, each event won exactly once, and share per-user counts", async () => {
    const [a, b] = [await LancePaperStore.open({ uri: dir }), await LancePaperStore.open({ uri: dir })];
    const [left, right] = [openChatState(a, limits), openChatState(b, limits)];
    const keys = Array.from({ length: 12 }, (_, index) => `slack:EvShared${index}`);
    const claims = await Promise.all(keys.flatMap((key) => [left.firstTime(key), right.firstTime(key)]));
    for (let index = 0; index < keys.length; index++) expect(claims[2 * index]! !== claims[2 * index + 1]!).toBe(true);

    expect(await left.take("slack:U9")).toEqual({ allowed: true });
    expect(await right.take("slack:U9")).toEqual({ allowed: true });
    expect(await left.take("slack:U9")).toMatchObject({ allowed: false, retryInMs: expect.any(Number) });
    a.close();
    b.close();
  });

  it("keeps a thread's turns across a restart, so a follow-up still knows what 'those' are", async () => {
    const ask = async (text: string) => {
      const store = await LancePaperStore.open({ uri: dir });
      const bot = createChatBot(new Library(store, embedder), { logger: silentLogger, chat: { port: 0, limits: TEST_LIMITS }, conversations: openConversations(store) });
      const response = await bot.handle({ command: "ask", text, thread: "slack:T1:C1:1.1", channel: "slack:C1", user: { id: "U1" }, platform: "slack" });
      await bot.drain(5_000);
      // Let the write-through of the new turn land before this "process" goes away.
      await new Promise((resolve) => setTimeout(resolve, 300));
      store.close();
      return response;
    };
    expect(await ask("which papers cover sparse attention for long documents?")).toMatchObject({ kind: "answer", reply: { found: true } });
    const followUp = await ask("which of those is the most recent?");
    expect(followUp).toMatchObject({ kind: "answer", reply: { text: expect.stringMatching(/^The most recent of those is \*\*.*Sparse Attention/) } });
  });
});
