import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Library } from "../../src/library/library.ts";
import { eventually, testBot } from "../helpers/bot.ts";
import { useSampleLibrary } from "../helpers/library.ts";
import { startSlackBot } from "../helpers/slack.ts";
import { blockAction, eventCallback, sendSigned, slashCommand } from "../servers/slack.ts";

const SECRET = "signing-secret";
const JSON_TYPE = "application/json";
const FORM = "application/x-www-form-urlencoded";
const samples = useSampleLibrary();
let library: Library;
let running: Awaited<ReturnType<typeof startSlackBot>>;

beforeAll(async () => {
  library = samples();
  running = await startSlackBot(testBot(library), SECRET);
}, 60_000);
afterAll(() => running.close());
beforeEach(() => {
  running.slack.calls.length = 0;
  running.slack.responses.length = 0;
});

/** `text` is a string in a markdown block, a text object in a section. */
type Block = { type: string; text?: string | { text: string }; elements?: { action_id: string; value: string; text: { text: string } }[] };
const send = (body: string, type = JSON_TYPE) => sendSigned(running.eventsUrl, SECRET, body, type);
const reply = (eventId: string, ts: string, threadTs: string, text: string, extra: Record<string, unknown> = {}) =>
  eventCallback(eventId, { type: "message", channel_type: "channel", channel: "C1", user: "U1", text, ts, thread_ts: threadTs, ...extra });
/** The final answers (chat.update with blocks) posted in a thread. */
const answersIn = (threadTs: string) => {
  const { calls, posted } = running.slack;
  const placeholders = new Set(posted.filter((message) => message.thread_ts === threadTs).map((message) => message.ts));
  return calls.filter((call) => call.method === "chat.update" && call.body.blocks && placeholders.has(call.body.ts)).map((call) => call.body.blocks as Block[]);
};
const textOf = (blocks: Block[]) => blocks.map((block) => (typeof block.text === "string" ? block.text : (block.text?.text ?? ""))).join("\n");
const pause = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("Slack threads as conversations", () => {
  it("answers a follow-up without a mention in a thread it answered in, once, and '2' opens the answer's second paper", async () => {
    const thread = "1700000100.000001";
    await send(eventCallback("EvTop", { type: "app_mention", user: "U1", text: "<@UBOT> which papers cover KV cache compression?", ts: thread, channel: "C1" }));
    await eventually(() => expect(answersIn(thread)).toHaveLength(1));
    const firstAnswer = answersIn(thread)[0]!;
    const second = /\[2\] <[^|]+\|([^>]+)>/.exec(textOf(firstAnswer))![1]!;

    const followUp = reply("EvFollow", "1700000100.000050", thread, "2");
    await send(followUp);
    // Slack's retry of the same event is not answered again.
    await send(followUp);
    await eventually(() => expect(answersIn(thread)).toHaveLength(2));
    expect(textOf(answersIn(thread)[1]!)).toContain(second);
    await pause();
    expect(answersIn(thread)).toHaveLength(2);
  });

  it("stays out of threads it never answered in, other bots' messages, and mentions (app_mention answers those)", async () => {
    const thread = "1700000101.000001";
    await send(eventCallback("EvTop2", { type: "app_mention", user: "U1", text: "<@UBOT> anything on concept bottleneck models?", ts: thread, channel: "C1" }));
    await eventually(() => expect(answersIn(thread)).toHaveLength(1));
    running.slack.calls.length = 0;
    await send(reply("EvOther", "1700000102.000050", "1700000102.000001", "which papers cover KV cache compression?"));
    await send(reply("EvBot", "1700000101.000060", thread, "which papers cover KV cache compression?", { bot_id: "B9", user: undefined }));
    await send(reply("EvMention", "1700000101.000070", thread, "<@UBOT> which papers cover KV cache compression?"));
    await send(reply("EvEdit", "1700000101.000080", thread, "edited", { subtype: "message_changed" }));
    await pause();
    expect(running.slack.calls.filter((call) => call.method.startsWith("chat."))).toEqual([]);
  });
});

describe("Slack buttons", () => {
  it("puts a 'Similar papers' button under an answer's papers; a click answers in the same thread", async () => {
    const thread = "1700000110.000001";
    await send(eventCallback("EvButtons", { type: "app_mention", user: "U1", text: "<@UBOT> which papers cover KV cache compression?", ts: thread, channel: "C1" }));
    await eventually(() => expect(answersIn(thread)).toHaveLength(1));
    const actions = answersIn(thread)[0]!.find((block) => block.type === "actions")!;
    expect(actions.elements!.map((button) => button.text.text)).toEqual(expect.arrayContaining(["Similar to [1]", "Similar to [2]"]));
    const answerTs = running.slack.posted.find((message) => message.thread_ts === thread)!.ts;

    const click = await send(blockAction(actions.elements![0]!, { ts: answerTs, threadTs: thread }, running.slack.responseUrl("click")), FORM);
    expect(click.status).toBe(200);
    await eventually(() => expect(answersIn(thread)).toHaveLength(2));
    // Markdown, in Slack's markdown block.
    expect(textOf(answersIn(thread)[1]!)).toMatch(/^Papers similar to \*\*/);
  });

  it("puts a 'Details' button beside each, which opens that paper's card in the thread", async () => {
    const thread = "1700000111.000001";
    await send(eventCallback("EvDetails", { type: "app_mention", user: "U1", text: "<@UBOT> which papers cover KV cache compression?", ts: thread, channel: "C1" }));
    await eventually(() => expect(answersIn(thread)).toHaveLength(1));
    const answer = answersIn(thread)[0]!;
    const second = /\[2\] <[^|]+\|([^>]+)>/.exec(textOf(answer))![1]!;
    const buttons = answer.find((block) => block.type === "actions")!.elements!;
    // "Similar to" for every paper first, then "Details" for every paper, so they line up.
    const labels = buttons.map((button) => button.text.text);
    expect(labels).toEqual(expect.arrayContaining(["Details [1]", "Details [2]"]));
    expect(labels.findLastIndex((label) => label.startsWith("Similar to"))).toBeLessThan(labels.findIndex((label) => label.startsWith("Details")));
    const details = buttons.find((button) => button.text.text === "Details [2]")!;
    expect(details.value).toMatch(/^paper:/);
    const answerTs = running.slack.posted.find((message) => message.thread_ts === thread)!.ts;
    await send(blockAction(details, { ts: answerTs, threadTs: thread }, running.slack.responseUrl("details")), FORM);
    await eventually(() => expect(answersIn(thread)).toHaveLength(2));
    expect(textOf(answersIn(thread)[1]!)).toContain(second);
  });

  it("gives a choice one button per candidate, and a click opens that paper's card", async () => {
    await send(slashCommand("/paper", "Model Tells You", running.slack.responseUrl("choose")), FORM);
    await eventually(() => expect(running.slack.responses).toHaveLength(1));
    const buttons = (running.slack.responses[0]!.blocks as Block[]).find((block) => block.type === "actions")!.elements!;
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    expect(buttons.every((button) => button.value.startsWith("paper:"))).toBe(true);
    // The slash command's answer was posted in the channel; its ts is where the click happened.
    const choiceTs = "1700000120.000001";
    await send(blockAction(buttons[1]!, { ts: choiceTs }, running.slack.responseUrl("card")), FORM);
    await eventually(() => expect(answersIn(choiceTs)).toHaveLength(1));
    expect(textOf(answersIn(choiceTs)[0]!)).toContain(buttons[1]!.text.text.replace(/^2\. /, "").replace(/…$/, ""));
  });

  it("answers /similar through the response URL, with buttons", async () => {
    await send(slashCommand("/similar", "PyramidKV", running.slack.responseUrl("similar")), FORM);
    await eventually(() => expect(running.slack.responses).toHaveLength(1));
    const blocks = running.slack.responses[0]!.blocks as Block[];
    expect(textOf(blocks)).toMatch(/^Papers similar to \*\*PyramidKV/);
    expect(blocks.at(-1)!.type).toBe("actions");
  });
});
