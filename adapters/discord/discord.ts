import { ChannelType, Client, Events, GatewayIntentBits, Partials, type ChatInputCommandInteraction, type Message } from "discord.js";
import type { Logger } from "pino";
import type { ChatBot } from "../../src/chat/bot.ts";
import { handleWithProgress } from "../../src/chat/progress.ts";
import { commandFromText, type ChatCommand, type ChatRequest } from "../../src/chat/request.ts";
import type { ChatConfig } from "../../src/config.ts";
import { splitMessage, toDiscordMessages, MESSAGE_LIMIT } from "./format.ts";

export type DiscordConfig = NonNullable<ChatConfig["discord"]>;

const PLACEHOLDER = "*Looking through the library…*";

/**
 * The Discord adapter: answers mentions in a thread started on the message
 * (or in the thread it was asked in), DMs in place, and `/ask`, `/paper`,
 * `/digest` by deferring at once and editing in the answer.
 */
export function createDiscordAdapter(bot: ChatBot, config: DiscordConfig, logger: Logger) {
  const log = logger.child({ adapter: "discord" });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    ...(config.apiUrl && { rest: { api: config.apiUrl } }),
  });

  client.on(Events.MessageCreate, (message) => {
    void onMessage(message).catch((error: unknown) => log.error({ err: error }, "could not answer a message"));
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    void onCommand(interaction).catch((error: unknown) => log.error({ err: error }, "could not answer a command"));
  });

  async function onMessage(message: Message): Promise<void> {
    if (message.author.bot || !client.user) return;
    const direct = message.channel.type === ChannelType.DM;
    if (!direct && !message.mentions.users.has(client.user.id)) return;
    const text = message.content.replace(new RegExp(`<@!?${client.user.id}>`, "g"), "").trim();
    const inThread = message.channel.isThread();
    const channel = direct || inThread ? message.channel : await message.startThread({ name: threadName(text) });
    const request: ChatRequest = {
      ...commandFromText(text),
      thread: `discord:${channel.id}`,
      channel: `discord:${inThread && message.channel.isThread() ? message.channel.parentId : message.channelId}`,
      user: { id: message.author.id, name: message.author.username, isBot: message.author.bot },
      platform: "discord",
      raw: message,
    };
    if (!channel.isSendable()) return;
    await channel.sendTyping();
    const placeholder = await channel.send(PLACEHOLDER);
    await reply(request, (content) => placeholder.edit(content), (content) => channel.send(content));
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    await interaction.deferReply();
    const name = interaction.commandName as ChatCommand;
    const text =
      name === "ask" ? interaction.options.getString("question", true)
      : name === "paper" ? interaction.options.getString("name", true)
      : `${interaction.options.getSubcommand()} ${interaction.options.getString("topic") ?? ""}`.trim();
    const request: ChatRequest = {
      command: name,
      text,
      thread: `discord:${interaction.channelId}:command:${interaction.user.id}`,
      channel: `discord:${interaction.channelId}`,
      user: { id: interaction.user.id, name: interaction.user.username },
      platform: "discord",
      raw: interaction,
    };
    await reply(request, (content) => interaction.editReply(content), (content) => interaction.followUp(content));
  }

  /** The answer goes into the first message (edited as it streams); any overflow follows as new messages. */
  async function reply(request: ChatRequest, editFirst: (content: string) => Promise<unknown>, sendMore: (content: string) => Promise<unknown>): Promise<void> {
    const response = await handleWithProgress(bot, request, (partial) => editFirst(clip(`${partial} …`)), (error) => log.warn({ err: error }, "progress edit failed"));
    if (!response) return;
    const [first, ...rest] = toDiscordMessages(response);
    await editFirst(first!);
    for (const more of rest) await sendMore(more);
  }

  return {
    name: "discord",
    client,
    async start(): Promise<void> {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(config.token);
      await ready;
      log.info({ user: client.user?.tag }, "connected to Discord");
    },
    async stop(): Promise<void> {
      await client.destroy();
    },
  };
}

function threadName(text: string): string {
  const name = text.replace(/\s+/g, " ").trim() || "paperbot";
  return name.length > 90 ? `${name.slice(0, 87)}…` : name;
}

function clip(text: string): string {
  return splitMessage(text, MESSAGE_LIMIT)[0] ?? text.slice(0, MESSAGE_LIMIT);
}
