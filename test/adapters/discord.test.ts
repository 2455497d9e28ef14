import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../adapters/discord/discord.ts";
import type { Library } from "../../src/library/library.ts";
import { eventually, testBot } from "../helpers/bot.ts";
import { useSampleLibrary } from "../helpers/library.ts";
import { silentLogger } from "../helpers/logger.ts";
import { APP_ID, CHANNEL_ID, startDiscordServer } from "../servers/discord.ts";

const samples = useSampleLibrary();
let library: Library;
let discord: Awaited<ReturnType<typeof startDiscordServer>>;
let adapter: ReturnType<typeof createDiscordAdapter>;

beforeAll(async () => {
  library = samples();
  discord = await startDiscordServer();
  adapter = createDiscordAdapter(testBot(library), { token: "test-token", applicationId: APP_ID, apiUrl: discord.apiUrl }, silentLogger);
  await adapter.start();
}, 60_000);
afterAll(async () => {
  await adapter.stop();
  await discord.close();
});
beforeEach(() => {
  discord.calls.length = 0;
});

const edits = () => discord.calls.filter((call) => call.method === "PATCH");

describe("Discord adapter (real discord.js client, local REST and gateway)", () => {
  it("answers a mention in a new thread: typing, a placeholder, then the answer with linked sources", async () => {
    const messageId = discord.userMessage("which papers cover KV cache compression?");
    await eventually(() => expect(edits().length).toBeGreaterThan(0));
    const thread = discord.calls.find((call) => call.path === `/channels/${CHANNEL_ID}/messages/${messageId}/threads`)!;
    expect(thread.body.name).toBe("which papers cover KV cache compression?");
    expect(discord.calls.some((call) => /\/typing$/.test(call.path))).toBe(true);
    const placeholder = discord.calls.find((call) => call.method === "POST" && /\/channels\/\d+\/messages$/.test(call.path))!;
    expect(placeholder.path).not.toContain(CHANNEL_ID);
    // A long answer continues in further messages; read the thread as a whole, once its last part has arrived
    // (the placeholder's final edit and the continuations can land in either order).
    const answer = () => [edits().at(-1)!.body.content, ...discord.calls.filter((call) => call.method === "POST" && call.path === placeholder.path).slice(1).map((call) => call.body.content)].join("\n") as string;
    await eventually(() => expect(answer()).toMatch(/\*\*Sources\*\*\n\[1\] \[.+\]\(<https:\/\/huggingface\.co\/papers\?q=.+>\)/));
    expect(answer()).toMatch(/\[1\]/);
    for (const call of discord.calls.filter((entry) => entry.method !== "GET")) expect(call.body?.content?.length ?? 0).toBeLessThanOrEqual(2000);
  });

  it("answers a DM in place, and ignores other bots and unmentioned channel messages", async () => {
    discord.userMessage("paper PyramidKV", { guild: false, mention: false });
    await eventually(() => expect(edits().length).toBeGreaterThan(0));
    expect(edits().at(-1)!.body.content).toMatch(/^\*\*\[PyramidKV: Dynamic KV Cache Compression/);
    expect(discord.calls.some((call) => call.path.endsWith("/threads"))).toBe(false);

    discord.calls.length = 0;
    discord.userMessage("which papers cover KV cache compression?", { author: { id: "900000000000000200", username: "otherbot", discriminator: "0", avatar: null, bot: true } });
    discord.userMessage("just chatting here", { mention: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(discord.calls.filter((call) => call.method !== "GET")).toEqual([]);
  });

  it("defers /ask within Discord's window and edits the answer in", async () => {
    const { id, token } = discord.slashCommand("ask", [{ name: "question", type: 3, value: "papers from 2024 about KV cache compression" }]);
    await eventually(() => expect(discord.calls.some((call) => call.path === `/webhooks/${APP_ID}/${token}/messages/@original`)).toBe(true));
    const callback = discord.calls.find((call) => call.path === `/interactions/${id}/${token}/callback`)!;
    expect(callback.body.type).toBe(5);
    const edited = discord.calls.findLast((call) => call.path === `/webhooks/${APP_ID}/${token}/messages/@original`)!;
    expect(edited.body.content).toMatch(/Keyformer|ZipVL/);
  });

  it("offers numbered alternatives for an ambiguous /paper", async () => {
    const { token } = discord.slashCommand("paper", [{ name: "name", type: 3, value: "Pay Less Attention" }]);
    await eventually(() => expect(discord.calls.some((call) => call.path === `/webhooks/${APP_ID}/${token}/messages/@original`)).toBe(true));
    const content = discord.calls.findLast((call) => call.path.endsWith("@original"))!.body.content as string;
    expect(content).toMatch(/^Which one did you mean by \*Pay Less Attention\*\?\n1\. \[/);
    expect(content).toMatch(/\n2\. \[/);
  });
});
