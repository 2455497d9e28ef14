import { GatewayIntentBits } from "discord.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../adapters/discord/discord.ts";
import type { Library } from "../../src/library/library.ts";
import { eventually, testBot } from "../helpers/bot.ts";
import { useSampleLibrary } from "../helpers/library.ts";
import { silentLogger } from "../helpers/logger.ts";
import { APP_ID, CHANNEL_ID, startDiscordServer } from "../servers/discord.ts";

const samples = useSampleLibrary();
let library: Library;
beforeAll(() => void (library = samples()));

type Discord = Awaited<ReturnType<typeof startDiscordServer>>;
type Button = { custom_id: string; label: string };

/** A Discord server and a started adapter; `messageContent`: whether the app has the privileged intent switched on. */
function useDiscord(messageContent: boolean) {
  const running = {} as { discord: Discord; adapter: ReturnType<typeof createDiscordAdapter> };
  beforeAll(async () => {
    running.discord = await startDiscordServer({ messageContent });
    running.adapter = createDiscordAdapter(testBot(library), { token: "t", applicationId: APP_ID, apiUrl: running.discord.apiUrl }, silentLogger);
    await running.adapter.start();
  });
  afterAll(async () => {
    await running.adapter.stop();
    await running.discord.close();
  });
  beforeEach(() => void (running.discord.calls.length = 0));
  return running;
}

/** Mentions the bot in the lab channel and waits for its answer in the new thread: the thread id and the answer (all its messages). */
async function askInNewThread(discord: Discord, question: string): Promise<{ thread: string; answer: Reply }> {
  const messageId = discord.userMessage(question);
  await eventually(() => expect(discord.calls.some((call) => call.path === `/channels/${CHANNEL_ID}/messages/${messageId}/threads` && call.created)).toBe(true));
  const thread = discord.calls.find((call) => call.path === `/channels/${CHANNEL_ID}/messages/${messageId}/threads`)!.created!;
  await eventually(() => expect(repliesIn(discord, thread)).toHaveLength(1));
  return { thread, answer: repliesIn(discord, thread)[0]! };
}

type Reply = { content: string; buttons: Button[] };

/**
 * The bot's finished replies in `channel`: a placeholder's last edit plus
 * any overflow messages, ending with the message that carries the buttons
 * (every reply in these tests has some).
 */
function repliesIn(discord: Discord, channel: string): Reply[] {
  const replies: Reply[] = [];
  let content: string[] = [];
  for (const call of discord.calls) {
    const edit = call.method === "PATCH" && call.path.startsWith(`/channels/${channel}/messages/`);
    const post = call.method === "POST" && call.path === `/channels/${channel}/messages`;
    if (!(edit || post) || /Looking through the library|…$/.test(call.body.content)) continue;
    content.push(call.body.content);
    const buttons = (call.body.components?.[0]?.components ?? []) as Button[];
    if (buttons.length === 0) continue;
    replies.push({ content: content.join("\n"), buttons });
    content = [];
  }
  return replies;
}

describe("Discord threads as conversations (Message Content intent on)", () => {
  const running = useDiscord(true);

  it("asks for Message Content, and answers a follow-up without a mention in a thread it created: '2' opens the answer's second paper", async () => {
    const { discord } = running;
    expect(discord.intents() & GatewayIntentBits.MessageContent).toBe(GatewayIntentBits.MessageContent);
    const { thread, answer } = await askInNewThread(discord, "which papers cover KV cache compression?");
    const second = /\n\[2\] \[([^\]]+)\]/.exec(answer.content)![1]!;
    discord.userMessage("2", { mention: false, channel: thread });
    await eventually(() => expect(repliesIn(discord, thread)).toHaveLength(2));
    expect(repliesIn(discord, thread)[1]!.content).toContain(second);
  });

  it("puts 'Similar papers' buttons under an answer; a click answers with papers like that one", async () => {
    const { discord } = running;
    const { thread, answer } = await askInNewThread(discord, "which papers cover KV cache compression?");
    const { buttons } = answer;
    expect(buttons.map((button) => button.label)).toEqual(expect.arrayContaining(["Similar to [1]", "Similar to [2]"]));
    const { id, token } = discord.buttonClick(buttons[0]!.custom_id, thread);
    await eventually(() => expect(discord.calls.some((call) => call.path === `/webhooks/${APP_ID}/${token}/messages/@original` && /^Papers similar to/.test(call.body.content))).toBe(true));
    expect(discord.calls.find((call) => call.path === `/interactions/${id}/${token}/callback`)!.body.type).toBe(5);
  });

  it("gives /paper's choice one button per candidate, and a click opens that card; /similar works too", async () => {
    const { discord } = running;
    const choose = discord.slashCommand("paper", [{ name: "name", type: 3, value: "Model Tells You" }]);
    await eventually(() => expect(discord.calls.some((call) => call.path === `/webhooks/${APP_ID}/${choose.token}/messages/@original`)).toBe(true));
    const buttons = discord.calls.findLast((call) => call.path.endsWith(`${choose.token}/messages/@original`))!.body.components[0].components as Button[];
    expect(buttons.every((button) => button.custom_id.startsWith("paperbot:paper:"))).toBe(true);
    const click = discord.buttonClick(buttons[1]!.custom_id);
    await eventually(() => expect(discord.calls.some((call) => call.path === `/webhooks/${APP_ID}/${click.token}/messages/@original` && call.body.content.startsWith("**["))).toBe(true));
    expect(discord.calls.findLast((call) => call.path.endsWith(`${click.token}/messages/@original`))!.body.content).toContain(buttons[1]!.label.replace(/^2\. /, "").replace(/…$/, ""));

    const similar = discord.slashCommand("similar", [{ name: "name", type: 3, value: "PyramidKV" }]);
    await eventually(() => expect(discord.calls.some((call) => call.path === `/webhooks/${APP_ID}/${similar.token}/messages/@original` && /^Papers similar to \*\*PyramidKV/.test(call.body.content))).toBe(true));
  });
});

describe("Discord without the Message Content intent", () => {
  const running = useDiscord(false);

  it("does not ask for it, still answers mentions, and asks once per thread to be mentioned for follow-ups", async () => {
    const { discord } = running;
    expect(discord.intents() & GatewayIntentBits.MessageContent).toBe(0);
    const { thread } = await askInNewThread(discord, "which papers cover KV cache compression?");
    discord.calls.length = 0;
    // Without the intent Discord sends such messages with their text empty.
    discord.userMessage("", { mention: false, channel: thread });
    await eventually(() => expect(discord.calls.some((call) => call.method === "POST" && call.path === `/channels/${thread}/messages`)).toBe(true));
    expect(discord.calls.find((call) => call.method === "POST")!.body.content).toMatch(/^I can only read messages here that mention me/);
    discord.userMessage("", { mention: false, channel: thread });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(discord.calls.filter((call) => call.method === "POST")).toHaveLength(1);
  });
});
