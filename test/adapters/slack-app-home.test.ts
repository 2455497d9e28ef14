import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LibraryStats } from "../../src/library/stats.ts";
import { eventually, testBot } from "../helpers/bot.ts";
import { useSampleLibrary } from "../helpers/library.ts";
import { startSlackBot } from "../helpers/slack.ts";
import { eventCallback, sendSigned } from "../servers/slack.ts";

const SECRET = "home-secret";
const STATS: LibraryStats = {
  library: "lib", papers: 387, dated: { earliest: "2017-07-16", latest: "2026-11-20", undated: 233 }, byMonth: [{ month: "2026-11", papers: 12 }], bySource: [{ source: "file hf-1.txt", papers: 387 }],
  embedder: { name: "local-hash", dims: 256 }, lastAdded: "2026-11-22", lastFetch: null,
  // The fake says U1 is in C1 and D1, not C9.
  subscriptions: [{ channel: "slack:C1", time: "08:00", timeZone: "UTC", topic: "KV cache" }, { channel: "slack:C9", time: "09:00", timeZone: "UTC", topic: "someone else's" }],
};
const samples = useSampleLibrary();
let running: Awaited<ReturnType<typeof startSlackBot>>;
let slack: typeof running.slack;
let url: string;
beforeAll(async () => {
  running = await startSlackBot(testBot(samples()), SECRET, { stats: async () => STATS });
  ({ slack, eventsUrl: url } = running);
}, 60_000);
afterAll(() => running.close());

describe("Slack App Home and the assistant status", () => {
  it("publishes the Home tab with the library's stats and the digests of this user's channels only", async () => {
    await sendSigned(url, SECRET, eventCallback("EvHome", { type: "app_home_opened", user: "U1", channel: "D1", tab: "home", event_ts: "1.1" }), "application/json");
    await eventually(() => expect(slack.calls.some((call) => call.method === "views.publish")).toBe(true));
    const publish = slack.calls.find((call) => call.method === "views.publish")!.body;
    expect(publish.user_id).toBe("U1");
    const view = JSON.stringify(typeof publish.view === "string" ? JSON.parse(publish.view) : publish.view);
    expect(view).toContain('"type":"home"');
    expect(view).toContain("387 papers");
    expect(view).toContain("<#C1>: daily at 08:00 UTC, on _KV cache_");
    expect(view).not.toContain("someone else");
  });

  it("sets the assistant thread's status while answering a DM, before the answer is posted", async () => {
    slack.calls.length = 0;
    await sendSigned(url, SECRET, eventCallback("EvDm", { type: "message", channel_type: "im", channel: "D1", user: "U1", text: "paper PyramidKV", ts: "1700000200.000001" }), "application/json");
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update" && call.body.channel === "D1")).toBe(true));
    const methods = slack.calls.map((call) => call.method);
    const status = slack.calls.find((call) => call.method === "assistant.threads.setStatus")!.body;
    expect(status).toMatchObject({ channel_id: "D1", thread_ts: "1700000200.000001", status: "is looking through the library…" });
    expect(methods.indexOf("assistant.threads.setStatus")).toBeLessThan(methods.indexOf("chat.postMessage"));
  });
});
