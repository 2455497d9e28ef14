import { describe, expect, it } from "vitest";
import { createChatBot } from "../../src/chat/create.ts";
import { commandFromText, type ChatRequest } from "../../src/chat/request.ts";
import { statsMarkdown, storeStats } from "../../src/chat/stats.ts";
import type { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { TEST_LIMITS } from "../helpers/bot.ts";
import { useSampleLibrary } from "../helpers/library.ts";
import { silentLogger } from "../helpers/logger.ts";

const samples = useSampleLibrary();
const request = (text: string, channel = "slack:C1"): ChatRequest => ({ ...commandFromText(text), thread: "t", channel, user: { id: "U1" }, platform: "slack" });

describe("stats in chat", () => {
  it("reads 'stats' and '/stats' as the stats command", () => {
    expect(commandFromText("stats")).toEqual({ command: "stats", text: "" });
    expect(commandFromText("/stats")).toEqual({ command: "stats", text: "" });
  });

  it("answers with the library's papers, dates, sources and embedder, from the same queries as paperbot stats", async () => {
    const library = samples();
    const bot = createChatBot(library, { logger: silentLogger, chat: { port: 0, limits: TEST_LIMITS }, stats: storeStats(library.store as LancePaperStore, "lib") });
    const response = await bot.handle(request("stats"));
    expect(response).toMatchObject({ kind: "text" });
    const markdown = (response as { markdown: string }).markdown;
    expect(markdown).toContain("**387 papers**");
    expect(markdown).toMatch(/published \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d; 233 without a date/);
    expect(markdown).toContain("embedder:");
    expect(markdown).toContain("this channel's digest: none");
  });

  it("shows only this channel's subscriptions, and says how to fill an empty library", () => {
    const base = { library: "lib", papers: 2, dated: { earliest: "2024-01-01", latest: "2024-02-01", undated: 0 }, byMonth: [], bySource: [], embedder: null, lastAdded: null, lastFetch: null };
    const subscriptions = [{ channel: "slack:C1", time: "08:00", timeZone: "UTC", topic: "KV cache" }, { channel: "slack:C2", time: "09:00", timeZone: "UTC", topic: "secret plans" }];
    const markdown = statsMarkdown({ ...base, subscriptions }, "slack:C1");
    expect(markdown).toContain("daily at 08:00 UTC, on KV cache");
    expect(markdown).not.toContain("secret plans");
    expect(statsMarkdown({ ...base, papers: 0, subscriptions: [] })).toContain("paperbot ingest");
  });

  it("says where to look when the bot was built without stats, and the help mentions stats, similar and digest show", async () => {
    const bot = createChatBot(samples(), { logger: silentLogger, chat: { port: 0, limits: TEST_LIMITS } });
    expect(await bot.handle(request("stats"))).toMatchObject({ markdown: expect.stringContaining("paperbot stats") });
    const help = ((await bot.handle(request("help"))) as { markdown: string }).markdown;
    for (const phrase of ["`stats`", "`similar PyramidKV`", "`digest show`"]) expect(help).toContain(phrase);
  });
});
