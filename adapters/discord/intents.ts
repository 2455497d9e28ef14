import { REST } from "@discordjs/rest";
import { ApplicationFlags, GatewayIntentBits, Routes } from "discord.js";
import type { Logger } from "pino";

/** Mentions, DMs and slash commands need no privileged intent: Discord sends the text of messages that mention the bot, and of DMs. */
const BASE_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/**
 * The gateway intents to ask for. Message Content is privileged: asked for
 * only when the application has it switched on in the Developer Portal
 * (asking without it closes the gateway with 4014). With it, messages in
 * the bot's own threads are follow-ups without a mention; without it,
 * Discord leaves their text empty, so the bot asks people to mention it.
 * A 401 is left for the login to report with its usual message.
 */
export async function chooseIntents(token: string, apiUrl: string | undefined, log: Logger): Promise<{ intents: GatewayIntentBits[]; readsContent: boolean }> {
  let readsContent = false;
  try {
    const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
    const { flags = 0 } = (await rest.get(Routes.currentApplication())) as { flags?: number };
    readsContent = (flags & (ApplicationFlags.GatewayMessageContent | ApplicationFlags.GatewayMessageContentLimited)) !== 0;
  } catch (error) {
    log.warn({ err: error }, "could not read the application's settings; connecting without the Message Content intent");
  }
  if (!readsContent) log.info("Message Content intent is off: follow-ups in the bot's threads need a mention (switch it on under Bot → Privileged Gateway Intents to drop that)");
  return { intents: readsContent ? [...BASE_INTENTS, GatewayIntentBits.MessageContent] : BASE_INTENTS, readsContent };
}
