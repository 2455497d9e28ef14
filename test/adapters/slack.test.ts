import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Library } from "../../src/library/library.ts";
import { eventually, testBot } from "../helpers/bot.ts";
import { useSampleLibrary } from "../helpers/library.ts";
import { startSlackBot } from "../helpers/slack.ts";
import { eventCallback, sendSigned, slashCommand } from "../servers/slack.ts";

const SECRET = "signing-secret";
const samples = useSampleLibrary();
let library: Library;
let running: Awaited<ReturnType<typeof startSlackBot>>;
let slack: typeof running.slack;
let eventsUrl: string;

beforeAll(async () => {
  library = samples();
  running = await startSlackBot(testBot(library), SECRET);
  ({ slack, eventsUrl } = running);
}, 60_000);
afterAll(() => running.close());
beforeEach(() => {
  slack.calls.length = 0;
  slack.responses.length = 0;
});

const mention = (eventId: string, text: string, extra: Record<string, unknown> = {}) =>
  eventCallback(eventId, { type: "app_mention", user: "U1", text: `<@UBOT> ${text}`, ts: "1700000000.000001", channel: "C1", event_ts: "1700000000.000001", ...extra });

describe("Slack adapter (real Bolt app, signed requests, local Web API)", () => {
  it("answers a mention in its thread: a placeholder first, then the answer with linked sources", async () => {
    const sent = await sendSigned(eventsUrl, SECRET, mention("Ev1", "which papers cover KV cache compression?"), "application/json");
    expect(sent.status).toBe(200);
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update")).toBe(true));
    const placeholder = slack.calls.find((call) => call.method === "chat.postMessage")!;
    expect(placeholder.body).toMatchObject({ channel: "C1", thread_ts: "1700000000.000001" });
    const update = slack.calls.findLast((call) => call.method === "chat.update")!;
    const blocks = update.body.blocks as { type: string; text?: string | { text: string } }[];
    // The answer's Markdown goes to Slack's markdown block as written; the sources are a mrkdwn list of links.
    expect(blocks[0]).toEqual({ type: "markdown", text: expect.stringMatching(/\*\*(?:Model Tells You What to Discard|PyramidKV|Head-Aware)/) });
    const sections = blocks.flatMap((block) => (typeof block.text === "object" ? [block.text.text] : []));
    expect(sections.join("\n")).toMatch(/\[1\] <https:\/\/huggingface\.co\/papers\?q=[^|]+\|[^>]+>/);
    expect(sections.every((text) => text.length <= 3000)).toBe(true);
    expect(update.body.ts).toBeDefined();
  });

  it("answers a direct message, and ignores messages from bots", async () => {
    await sendSigned(eventsUrl, SECRET, eventCallback("Ev2", { type: "message", channel_type: "im", user: "U1", text: "paper PyramidKV", ts: "1700000001.000001", channel: "D1" }), "application/json");
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update" && call.body.channel === "D1")).toBe(true));
    expect(JSON.stringify(slack.calls.findLast((call) => call.method === "chat.update")!.body.blocks)).toContain("PyramidKV: Dynamic KV Cache Compression");

    slack.calls.length = 0;
    await sendSigned(eventsUrl, SECRET, eventCallback("Ev3", { type: "message", channel_type: "im", bot_id: "B9", text: "hello", ts: "1700000002.000001", channel: "D1" }), "application/json");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.calls.filter((call) => call.method.startsWith("chat."))).toEqual([]);
  });

  it("answers a retried event once", async () => {
    const body = mention("Ev4", "anything on concept bottleneck models?");
    await sendSigned(eventsUrl, SECRET, body, "application/json");
    await sendSigned(eventsUrl, SECRET, body, "application/json", { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update")).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.calls.filter((call) => call.method === "chat.postMessage")).toHaveLength(1);
  });

  it("leaves no orphaned placeholder when Slack posts one but the response is lost", async () => {
    slack.loseNextResponses(1);
    await sendSigned(eventsUrl, SECRET, mention("EvLost", "anything on concept bottleneck models?", { ts: "1700000005.000001" }), "application/json");
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update" && call.body.blocks)).toBe(true));
    expect(slack.posted.filter((message) => message.thread_ts === "1700000005.000001")).toHaveLength(1);
    expect(slack.calls.filter((call) => call.method === "chat.postMessage")).toHaveLength(1);
    expect(slack.calls.findLast((call) => call.method === "chat.update")!.body.ts).toBe(slack.posted.find((message) => message.thread_ts === "1700000005.000001")!.ts);
  });

  it("rejects a badly signed request and posts nothing", async () => {
    const response = await sendSigned(eventsUrl, "wrong-secret", mention("Ev5", "which papers cover KV cache compression?"), "application/json");
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.calls).toEqual([]);
  });

  it("acknowledges /ask at once and answers through the response URL", async () => {
    const started = Date.now();
    const ack = await sendSigned(eventsUrl, SECRET, slashCommand("/ask", "papers from 2024 about KV cache compression", slack.responseUrl("r1")), "application/x-www-form-urlencoded");
    expect(ack.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    await eventually(() => expect(slack.responses).toHaveLength(1));
    expect(slack.responses[0]).toMatchObject({ response_type: "in_channel" });
    expect(JSON.stringify(slack.responses[0]!.blocks)).toMatch(/Keyformer|ZipVL/);
  });

  it("offers the alternatives for an ambiguous /paper", async () => {
    await sendSigned(eventsUrl, SECRET, slashCommand("/paper", "Model Tells You", slack.responseUrl("r2")), "application/x-www-form-urlencoded");
    await eventually(() => expect(slack.responses).toHaveLength(1));
    const text = JSON.stringify(slack.responses[0]!.blocks);
    expect(text).toContain("Which one did you mean");
    expect(text).toContain("What to Discard");
    expect(text).toContain("Where to Merge");
  });
});
