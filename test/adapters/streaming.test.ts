import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlmWriter } from "../../src/answer/llm-writer.ts";
import { createChatBot } from "../../src/chat/create.ts";
import { createOpenAIClient } from "../../src/embed/create.ts";
import type { Library } from "../../src/library/library.ts";
import { eventually, TEST_LIMITS } from "../helpers/bot.ts";
import { useSampleLibrary } from "../helpers/library.ts";
import { silentLogger } from "../helpers/logger.ts";
import { startSlackBot } from "../helpers/slack.ts";
import { slowStream, startOpenAICompatibleServer } from "../servers/openai-compatible.ts";
import { eventCallback, sendSigned } from "../servers/slack.ts";

const samples = useSampleLibrary();
let library: Library;
let model: Awaited<ReturnType<typeof startOpenAICompatibleServer>>;
beforeAll(async () => {
  library = samples();
  model = await startOpenAICompatibleServer();
}, 60_000);
afterAll(() => model.close());

type Block = { type: string; text?: string | { text: string } };

/** A bot answering with a model that streams slowly, on a local Slack that streams (or, with `streaming: false`, one that will not for this app). */
function useSlack(streaming: boolean) {
  const running = {} as Awaited<ReturnType<typeof startSlackBot>>;
  beforeAll(async () => {
    const writer = new LlmWriter(createOpenAIClient({ apiKey: "k", baseURL: model.baseURL, timeoutMs: 5_000, maxRetries: 0 }), { model: "m", timeoutMs: 5_000 });
    const bot = createChatBot(library, { logger: silentLogger, chat: { port: 0, limits: TEST_LIMITS }, writer });
    Object.assign(running, await startSlackBot(bot, "s", {}, { streaming }));
  });
  afterAll(() => running.close());
  return running;
}

const ask = (running: { eventsUrl: string }, id: string, ts: string) =>
  sendSigned(running.eventsUrl, "s", eventCallback(id, { type: "app_mention", user: "U1", text: "<@UBOT> which papers cover KV cache compression?", ts, channel: "C1" }), "application/json");

describe("a streamed answer in Slack, where Slack streams", () => {
  const running = useSlack(true);

  it("streams the text into one message in place of the placeholder (only what was added each time), then edits it into the checked answer", async () => {
    const { slack } = running;
    model.override(slowStream(250));
    await ask(running, "EvStream", "1.1");
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update" && JSON.stringify(call.body.blocks ?? []).includes("[1] <https:"))).toBe(true), 20_000);
    const start = slack.calls.find((call) => call.method === "chat.startStream")!;
    // Outside a DM Slack wants to know whom the stream is for.
    expect(start.body).toMatchObject({ channel: "C1", thread_ts: "1.1", recipient_user_id: "U1", recipient_team_id: "T1" });
    const streamTs = slack.posted.find((message) => message.text === start.body.markdown_text && message.ts.endsWith(".000300"))!.ts;
    const placeholder = slack.posted.find((message) => message.thread_ts === "1.1" && message.ts !== streamTs)!;
    expect(slack.calls.some((call) => call.method === "chat.delete" && call.body.ts === placeholder.ts)).toBe(true);
    // Deltas, never the whole text again, and no "…" progress marks in what readers keep.
    const appended = slack.calls.filter((call) => call.method === "chat.appendStream").map((call) => call.body.markdown_text as string);
    const streamed = [start.body.markdown_text as string, ...appended].join("");
    expect(streamed).not.toMatch(/ …$/);
    expect(new Set([start.body.markdown_text, ...appended]).size).toBe(appended.length + 1);
    const stop = slack.calls.findIndex((call) => call.method === "chat.stopStream" && call.body.ts === streamTs);
    const final = slack.calls.findIndex((call) => call.method === "chat.update" && call.body.ts === streamTs);
    expect(stop).toBeGreaterThan(-1);
    expect(final).toBeGreaterThan(stop);
    // The answer's text is Markdown in Slack's own markdown block, not converted to mrkdwn by hand.
    const blocks = slack.calls[final]!.body.blocks as Block[];
    expect(blocks[0]).toMatchObject({ type: "markdown", text: expect.stringMatching(/\[1\]/) });
    expect(slack.calls.filter((call) => call.method === "chat.update" && call.body.ts === placeholder.ts)).toHaveLength(0);
  }, 30_000);
});

describe("a streamed answer in Slack, where Slack will not stream for this app", () => {
  const running = useSlack(false);

  it("edits the placeholder as the model writes, at a limited rate, then puts in the checked answer; streaming is not tried again", async () => {
    const { slack } = running;
    model.override(slowStream(250));
    await ask(running, "EvEdits", "2.1");
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update" && JSON.stringify(call.body.blocks ?? []).includes("[1] <https:"))).toBe(true), 20_000);
    const updates = slack.calls.filter((call) => call.method === "chat.update");
    const progress = updates.filter((call) => / …$/.test(call.body.text));
    expect(progress.length).toBeGreaterThanOrEqual(1);
    // About three seconds of streaming at one edit per 1.5 s: a couple of edits, not one per token.
    expect(progress.length).toBeLessThanOrEqual(3);
    expect(progress[0]!.body.blocks).toEqual([{ type: "markdown", text: expect.stringMatching(/ …$/) }]);
    expect(new Set(updates.map((call) => call.body.ts)).size).toBe(1);
    expect(slack.calls.filter((call) => call.method === "chat.startStream")).toHaveLength(1);

    slack.calls.length = 0;
    model.override(slowStream(250));
    await ask(running, "EvEdits2", "2.2");
    await eventually(() => expect(slack.calls.some((call) => call.method === "chat.update" && JSON.stringify(call.body.blocks ?? []).includes("[1] <https:"))).toBe(true), 20_000);
    expect(slack.calls.filter((call) => call.method === "chat.startStream")).toHaveLength(0);
  }, 40_000);
});
