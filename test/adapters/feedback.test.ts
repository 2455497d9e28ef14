import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../adapters/discord/discord.ts";
import { createChatBot } from "../../src/chat/create.ts";
import type { Library } from "../../src/library/library.ts";
import { LanceFeedback, readFeedback } from "../../src/state/feedback-table.ts";
import type { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { eventually, TEST_LIMITS } from "../helpers/bot.ts";
import { useSampleLibrary } from "../helpers/library.ts";
import { silentLogger } from "../helpers/logger.ts";
import { startSlackBot } from "../helpers/slack.ts";
import { APP_ID, CHANNEL_ID, startDiscordServer } from "../servers/discord.ts";
import { eventCallback, sendSigned, slashCommand } from "../servers/slack.ts";

const SECRET = "feedback-secret";
const QUESTION = "which papers cover KV cache compression?";
const samples = useSampleLibrary();
let library: Library;
let store: LancePaperStore;
let slack: Awaited<ReturnType<typeof startSlackBot>>;
let discord: Awaited<ReturnType<typeof startDiscordServer>>;
let discordAdapter: ReturnType<typeof createDiscordAdapter>;

beforeAll(async () => {
  library = samples();
  store = library.store as LancePaperStore;
  // The real table, in the sample library's own LanceDB database: what `serve` wires in.
  const bot = createChatBot(library, { logger: silentLogger, chat: { port: 0, limits: TEST_LIMITS }, feedback: new LanceFeedback(store.connection) });
  slack = await startSlackBot(bot, SECRET);
  discord = await startDiscordServer();
  discordAdapter = createDiscordAdapter(bot, { token: "t", applicationId: APP_ID, apiUrl: discord.apiUrl }, silentLogger);
  await discordAdapter.start();
}, 60_000);
afterAll(async () => {
  await slack?.close();
  await discordAdapter?.stop();
  await discord?.close();
});
beforeEach(() => {
  slack.slack.calls.length = 0;
  slack.slack.responses.length = 0;
  discord.calls.length = 0;
});

type SlackBlock = { type: string; elements?: { type: string; action_id: string; positive_button: { value: string }; negative_button: { value: string } }[] };

/** A click on one of Slack's feedback buttons, as Slack posts it: a block action whose value is the chosen button's. */
function feedbackClick(value: string, message: { ts: string; threadTs?: string; text: string; ephemeral?: boolean }, responseUrl: string, user = "U1"): string {
  return new URLSearchParams({
    payload: JSON.stringify({
      type: "block_actions", token: "legacy", api_app_id: "A1", trigger_id: "1.2.3", response_url: responseUrl,
      team: { id: "T1", domain: "lab" }, user: { id: user, username: "ada", name: "ada", team_id: "T1" },
      container: { type: "message", message_ts: message.ts, channel_id: "C1", is_ephemeral: message.ephemeral === true },
      channel: { id: "C1", name: "papers" },
      // Slack sends no `message` for a click on an ephemeral one.
      ...(!message.ephemeral && { message: { type: "message", ts: message.ts, thread_ts: message.threadTs, text: message.text, user: "UBOT", bot_id: "BBOT" } }),
      actions: [{ type: "feedback_buttons", action_id: "paperbot:feedback", block_id: "paperbot_feedback", value, action_ts: `${Date.now() / 1000}` }],
    }),
  }).toString();
}

describe("feedback on answers", () => {
  it("Slack: an answer carries Slack's feedback buttons; a vote is thanked to the voter alone and stored with the question's and the answer's ts", async () => {
    const { slack: server, eventsUrl } = slack;
    const question = "1700000300.000001";
    await sendSigned(eventsUrl, SECRET, eventCallback("EvFeedback", { type: "app_mention", user: "U1", text: `<@UBOT> ${QUESTION}`, ts: question, channel: "C1" }), "application/json");
    await eventually(() => expect(server.calls.some((call) => call.method === "chat.update" && JSON.stringify(call.body.blocks ?? []).includes("feedback_buttons"))).toBe(true), 20_000);
    const answer = server.calls.find((call) => call.method === "chat.update" && JSON.stringify(call.body.blocks ?? []).includes("feedback_buttons"))!;
    const feedback = (answer.body.blocks as SlackBlock[]).find((block) => block.type === "context_actions")!.elements![0]!;
    expect(feedback).toMatchObject({ type: "feedback_buttons", action_id: "paperbot:feedback" });
    expect(feedback.positive_button.value).toBe(`feedback:up:${question}`);

    const message = { ts: answer.body.ts as string, threadTs: question, text: answer.body.text as string };
    server.calls.length = 0;
    await sendSigned(eventsUrl, SECRET, feedbackClick(feedback.negative_button.value, message, server.responseUrl("vote1")), "application/x-www-form-urlencoded");
    await eventually(() => expect(server.responses).toHaveLength(1));
    expect(server.responses[0]).toMatchObject({ response_type: "ephemeral", replace_original: false, text: expect.stringMatching(/^Thanks for telling me/) });
    // Nothing was posted in the thread for everyone.
    expect(server.calls.filter((call) => call.method === "chat.postMessage")).toHaveLength(0);
    const votes = (await readFeedback(store.connection)).filter((vote) => vote.platform === "slack");
    expect(votes).toEqual([expect.objectContaining({ vote: "down", questionId: question, answerId: message.ts, user: "U1", channel: "slack:C1", question: QUESTION })]);

    // A change of mind replaces the vote; it does not count twice.
    await sendSigned(eventsUrl, SECRET, feedbackClick(feedback.positive_button.value, message, server.responseUrl("vote2")), "application/x-www-form-urlencoded");
    await eventually(() => expect(server.responses).toHaveLength(2));
    expect(server.responses[1]!.text).toMatch(/^Thanks, glad it helped/);
    expect((await readFeedback(store.connection)).filter((vote) => vote.platform === "slack")).toEqual([expect.objectContaining({ vote: "up", questionId: question, answerId: message.ts })]);
  }, 40_000);

  it("Slack: an answer to /ask carries them too, with a made-up question id, and a vote on it is stored by the message's container", async () => {
    const { slack: server, eventsUrl } = slack;
    await sendSigned(eventsUrl, SECRET, slashCommand("/ask", QUESTION, server.responseUrl("ask")), "application/x-www-form-urlencoded");
    await eventually(() => expect(server.responses).toHaveLength(1), 20_000);
    const feedback = (server.responses[0]!.blocks as SlackBlock[]).find((block) => block.type === "context_actions")!.elements![0]!;
    const questionId = /^feedback:up:(q-[0-9a-f]+)$/.exec(feedback.positive_button.value)![1]!;
    await sendSigned(eventsUrl, SECRET, feedbackClick(feedback.positive_button.value, { ts: "1700000400.000100", text: "", ephemeral: true }, server.responseUrl("vote3")), "application/x-www-form-urlencoded");
    await eventually(() => expect(server.responses).toHaveLength(2));
    const vote = (await readFeedback(store.connection)).find((entry) => entry.questionId === questionId);
    expect(vote).toMatchObject({ vote: "up", answerId: "1700000400.000100", question: QUESTION, platform: "slack" });
  }, 40_000);

  it("Discord: an answer carries a row of thumbs; a click is deferred privately, thanked privately, and stored with the question's and the answer's message ids", async () => {
    const asked = discord.userMessage(QUESTION);
    await eventually(() => expect(discord.calls.some((call) => call.path === `/channels/${CHANNEL_ID}/messages/${asked}/threads` && call.created)).toBe(true));
    const thread = discord.calls.find((call) => call.path === `/channels/${CHANNEL_ID}/messages/${asked}/threads`)!.created!;
    type Row = { components: { custom_id: string; label: string; emoji?: { name: string } }[] };
    // A long answer runs over into more messages; the buttons go under the last.
    const inThread = (call: (typeof discord.calls)[number]) => (call.method === "PATCH" && call.path.startsWith(`/channels/${thread}/messages/`)) || (call.method === "POST" && call.path === `/channels/${thread}/messages`);
    const withThumbs = (call: (typeof discord.calls)[number]) => inThread(call) && ((call.body.components ?? []) as Row[]).some((row) => row.components.some((button) => button.custom_id.startsWith("paperbot:feedback:")));
    await eventually(() => expect(discord.calls.some(withThumbs)).toBe(true), 20_000);
    const answerIds = discord.calls.filter(inThread).map((call) => call.created ?? /\/messages\/(\d+)$/.exec(call.path)?.[1]);
    const rows = discord.calls.find(withThumbs)!.body.components as Row[];
    // A row of "Similar to [n]", a row of "Details [n]", then the thumbs.
    expect(rows.map((row) => row.components[0]!.label)).toEqual(["Similar to [1]", "Details [1]", "Helpful"]);
    const thumbs = rows.at(-1)!.components;
    expect(thumbs.map((button) => [button.emoji?.name, button.custom_id])).toEqual([
      ["👍", `paperbot:feedback:up:${asked}`],
      ["👎", `paperbot:feedback:down:${asked}`],
    ]);

    const { id, token } = discord.buttonClick(thumbs[1]!.custom_id, thread);
    await eventually(() => expect(discord.calls.some((call) => call.method === "POST" && call.path === `/webhooks/${APP_ID}/${token}` && /^Thanks for telling me/.test(call.body.content))).toBe(true));
    // Deferred as an ephemeral reply (flags 64): only the voter sees the thanks.
    expect(discord.calls.find((call) => call.path === `/interactions/${id}/${token}/callback`)!.body).toMatchObject({ type: 5, data: { flags: 64 } });
    const votes = (await readFeedback(store.connection)).filter((vote) => vote.platform === "discord");
    expect(votes).toEqual([expect.objectContaining({ vote: "down", questionId: asked, answerId: expect.toBeOneOf(answerIds), channel: `discord:${CHANNEL_ID}`, question: QUESTION, answer: expect.stringContaining("[1]") })]);
  }, 40_000);
});
