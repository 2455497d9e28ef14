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
let running: Awaited<ReturnType<typeof startSlackBot>>;
let slack: typeof running.slack;
let eventsUrl: string;

beforeAll(async () => {
  library = samples();
  model = await startOpenAICompatibleServer();
  const writer = new LlmWriter(createOpenAIClient({ apiKey: "k", baseURL: model.baseURL, timeoutMs: 5_000, maxRetries: 0 }), { model: "m", timeoutMs: 5_000 });
  const bot = createChatBot(library, { logger: silentLogger, chat: { port: 0, limits: TEST_LIMITS }, writer });
  running = await startSlackBot(bot, "s");
  ({ slack, eventsUrl } = running);
}, 60_000);
afterAll(async () => {
  await running.close();
  await model.close();
});

describe("a streamed answer in Slack", () => {
  it("edits the placeholder as the model writes, at a limited rate, then puts in the checked answer", async () => {
    model.override(slowStream(250));
    const event = { type: "app_mention", user: "U1", text: "<@UBOT> which papers cover KV cache compression?", ts: "1.1", channel: "C1" };
    await sendSigned(eventsUrl, "s", eventCallback("EvStream", event), "application/json");
    await eventually(() => expect(slack.calls.filter((call) => call.method === "chat.update").some((call) => Array.isArray(call.body.blocks))).toBe(true), 20_000);
    const updates = slack.calls.filter((call) => call.method === "chat.update");
    const progress = updates.filter((call) => !call.body.blocks);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    // About three seconds of streaming at one edit per 1.5 s: a couple of edits, not one per token.
    expect(progress.length).toBeLessThanOrEqual(3);
    expect(progress[0]!.body.text).toMatch(/ …$/);
    const final = updates.at(-1)!;
    expect(JSON.stringify(final.body.blocks)).toMatch(/\[1\] <https:/);
  }, 30_000);
});
