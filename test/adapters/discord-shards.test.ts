import { afterEach, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../adapters/discord/discord.ts";
import type { Reply } from "../../src/chat/adapter.ts";
import { eventually } from "../helpers/bot.ts";
import { silentLogger } from "../helpers/logger.ts";
import { APP_ID, startDiscordServer } from "../servers/discord.ts";
import { RecordingCore } from "./adapter.case.ts";

type Running = { discord: Awaited<ReturnType<typeof startDiscordServer>>; adapter: ReturnType<typeof createDiscordAdapter>; states: { state: string; reason?: string }[]; core: RecordingCore };
let running: Running | undefined;
afterEach(async () => {
  await running?.adapter.stop();
  await running?.discord.close();
  running = undefined;
});

async function startSharded(shards: number | "auto", recommendedShards: number): Promise<Running> {
  const discord = await startDiscordServer({ recommendedShards });
  const core = new RecordingCore();
  core.script = async (reply: Reply) => void (await reply.post({ response: { kind: "text", markdown: "Noted." } }));
  const states: Running["states"] = [];
  const adapter = createDiscordAdapter(core, { token: "t", applicationId: APP_ID, apiUrl: discord.apiUrl, shards }, silentLogger, { onStatus: (state, reason) => void states.push({ state, ...(reason && { reason }) }) });
  running = { discord, adapter, states, core };
  await adapter.start();
  return running;
}

describe("Discord sharding (DISCORD_SHARDS)", () => {
  it("'auto' opens as many gateway connections as Discord recommends, is ready once all are, and answers on them", async () => {
    const { discord, states, core } = await startSharded("auto", 2);
    expect([...discord.identifies].sort()).toEqual([[0, 2], [1, 2]]);
    expect(states.at(-1)).toEqual({ state: "ready" });
    discord.userMessage("paper PyramidKV");
    await eventually(() => expect(core.received).toHaveLength(1));
    expect(core.received[0]).toMatchObject({ command: "paper", text: "PyramidKV", platform: "discord" });
  }, 30_000);

  it("a number opens that many; one shard shut out takes the adapter down, naming the shard and the variable to fix", async () => {
    const { discord, states } = await startSharded(3, 2);
    expect([...discord.identifies].sort()).toEqual([[0, 3], [1, 3], [2, 3]]);
    // The fake's events go to the connection that opened last; close that one as Discord does a rejected token.
    discord.closeSession(4004, "Authentication failed");
    await eventually(() => expect(states.at(-1)).toEqual({ state: "down", reason: expect.stringMatching(/^shard \d: Discord rejected DISCORD_TOKEN \(gateway close 4004/) }));
  }, 30_000);
});
