import { createDiscordAdapter } from "../../adapters/discord/discord.ts";
import type { ChatBot } from "../../src/chat/bot.ts";
import type { SeenEvents } from "../../src/chat/seen-events.ts";
import type { Logger } from "../../src/logger.ts";
import { APP_ID, CHANNEL_ID, startDiscordServer, USER } from "../../test/servers/discord.ts";
import { settled, summary, until, type BurstResult } from "./stats.ts";

const PLACEHOLDER = /Looking through the library/;
/** Discord drops an interaction not answered (deferred) within 3 seconds. */
const ACK_DEADLINE_MS = 3_000;

/**
 * Over one gateway session: `count` mentions (each answered in its own
 * thread) and `count` /ask commands (each deferred, then edited). Every
 * command must be deferred within 3 s; everything answered once.
 */
export async function discordBurst(bot: ChatBot, logger: Logger, count: number, options: { seen?: SeenEvents } = {}): Promise<BurstResult> {
  const discord = await startDiscordServer();
  const adapter = createDiscordAdapter(bot, { token: "load-token", applicationId: APP_ID, apiUrl: discord.apiUrl }, logger, options);
  await adapter.start();
  try {
    const started = Date.now();
    const user = (index: number) => ({ ...USER, id: String(900_000_000_000_100_000n + BigInt(index)), username: `user${index}` });
    const messages = Array.from({ length: count }, (_, index) => discord.userMessage(`which papers cover KV cache compression? (${index})`, { author: user(index) }));
    const commands = Array.from({ length: count }, (_, index) => ({ ...discord.slashCommand("ask", [{ name: "question", type: 3, value: `papers about speculative decoding (${index})` }], { user: user(count + index) }), at: Date.now() }));

    const threadOf = new Map<string, string>();
    const finalEdits = (path: RegExp) => discord.calls.filter((call) => call.method === "PATCH" && path.test(call.path) && !PLACEHOLDER.test(call.body.content ?? "") && !/ …$/.test(call.body.content ?? ""));
    const done = () => {
      for (const call of discord.calls) if (call.created) threadOf.set(/messages\/(\d+)\/threads/.exec(call.path)![1]!, call.created);
      const answeredThreads = new Set(finalEdits(/^\/channels\/\d+\/messages\/\d+$/).map((call) => call.path.split("/")[2]));
      const answeredCommands = new Set(finalEdits(/@original$/).map((call) => call.path.split("/")[3]));
      return messages.every((id) => answeredThreads.has(threadOf.get(id) ?? "")) && commands.every((command) => answeredCommands.has(command.token));
    };
    const finished = await until(done, 120_000);
    // Overflow messages of long answers may still be on their way; a duplicate answer would be too.
    await settled(() => discord.calls.length);

    const placeholdersIn = new Map<string, number>();
    for (const call of discord.calls) if (call.method === "POST" && PLACEHOLDER.test(call.body?.content ?? "")) placeholdersIn.set(call.path.split("/")[2]!, (placeholdersIn.get(call.path.split("/")[2]!) ?? 0) + 1);
    const threadEdits = finalEdits(/^\/channels\/\d+\/messages\/\d+$/);
    const mentionsOnce = messages.filter((id) => {
      const thread = threadOf.get(id);
      return thread !== undefined && placeholdersIn.get(thread) === 1 && threadEdits.filter((call) => call.path.split("/")[2] === thread).length === 1;
    }).length;
    const commandEdits = finalEdits(/@original$/);
    const commandsOnce = commands.filter((command) => commandEdits.filter((call) => call.path.split("/")[3] === command.token).length === 1).length;
    const acks = commands.map((command) => discord.calls.find((call) => call.path === `/interactions/${command.id}/${command.token}/callback`)).map((call, index) => (call ? call.at - commands[index]!.at : Number.POSITIVE_INFINITY));
    const onTime = acks.filter((ms) => ms <= ACK_DEADLINE_MS).length;
    const mentionLatency = threadEdits.map((call) => call.at - started);
    const commandLatency = commandEdits.map((call) => call.at - commands.find((command) => call.path.includes(command.token))!.at);
    return {
      ok: finished && onTime === count && mentionsOnce === count && commandsOnce === count,
      lines: [
        `Discord: ${count} mentions and ${count} /ask commands in one gateway burst (channel ${CHANNEL_ID})`,
        `  /ask deferred within 3 s: ${onTime}/${count}   (defer time ${summary(acks.filter(Number.isFinite))})`,
        `  answered exactly once: mentions ${mentionsOnce}/${count}, /ask ${commandsOnce}/${count}`,
        `  mention to answer: ${summary(mentionLatency)};  /ask to answer: ${summary(commandLatency)}`,
      ],
    };
  } finally {
    await adapter.stop();
    await discord.close();
  }
}
