import { ChannelType, Client, Events, GatewayIntentBits, MessageFlags, Partials, PermissionFlagsBits, type ChatInputCommandInteraction, type Message } from "discord.js";
import type { Logger } from "pino";
import type { ChatBot } from "../../src/chat/bot.ts";
import { handleWithProgress } from "../../src/chat/progress.ts";
import { commandFromText, type ChatCommand, type ChatRequest } from "../../src/chat/request.ts";
import { isForAskerOnly, type ChatResponse } from "../../src/chat/response.ts";
import { RecentEvents, type SeenEvents } from "../../src/chat/seen-events.ts";
import type { ChatConfig } from "../../src/config.ts";
import type { StatusListener } from "../status.ts";
import { splitMessage, toDiscordMessages, MESSAGE_LIMIT } from "./format.ts";
import { guardGatewayPackets } from "./packet-guard.ts";
import { closeReason, startupError } from "./status.ts";

export type DiscordConfig = NonNullable<ChatConfig["discord"]>;

const PLACEHOLDER = "*Looking through the library…*";

/** No @everyone, @here, role or user pings from anything the bot sends: questions and abstracts are echoed in replies. */
export const NO_MENTIONS = { parse: [] as never[] };
const body = (content: string) => ({ content, allowedMentions: NO_MENTIONS });

/**
 * The Discord adapter: answers mentions in a thread started on the message
 * (or in the thread it was asked in), DMs in place, and `/ask`, `/paper`,
 * `/digest` by deferring at once and editing in the answer. Each event is
 * handled on its own: a malformed one is logged and dropped.
 */
export function createDiscordAdapter(bot: ChatBot, config: DiscordConfig, logger: Logger, options: { onStatus?: StatusListener; seen?: SeenEvents } = {}) {
  const log = logger.child({ adapter: "discord" });
  // Replicas on one token all receive every message; the first to claim it answers. (A command needs no claim:
  // Discord accepts one acknowledgement per interaction, so another replica's deferReply fails.)
  const seen = options.seen ?? new RecentEvents();
  const onStatus: StatusListener = options.onStatus ?? (() => {});
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    // The client-wide default; every send below also says so explicitly.
    allowedMentions: NO_MENTIONS,
    ...(config.apiUrl && { rest: { api: config.apiUrl } }),
  });
  guardGatewayPackets(client, log);
  let started = false;

  client.on(Events.MessageCreate, (message) => {
    void onMessage(message).catch((error: unknown) => log.error({ err: error }, "could not answer a message"));
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    void onCommand(interaction).catch((error: unknown) => log.error({ err: error }, "could not answer a command"));
  });
  client.on(Events.ShardReady, () => onStatus("ready"));
  client.on(Events.ShardResume, () => onStatus("ready"));
  client.on(Events.ShardReconnecting, () => onStatus("reconnecting", "reconnecting to the Discord gateway"));
  client.on(Events.ShardDisconnect, (event) => {
    const reason = closeReason(event.code);
    log.error({ code: event.code }, reason);
    onStatus("down", reason);
  });
  client.on(Events.ShardError, (error) => log.warn({ err: error }, "Discord gateway connection error"));
  // An 'error' event without a listener would be thrown, and would stop the process.
  client.on(Events.Error, (error) => log.error({ err: error }, "Discord client error"));

  async function onMessage(message: Message): Promise<void> {
    if (message.author.bot || !client.user) return;
    const direct = message.channel.type === ChannelType.DM;
    if (!direct && !message.mentions.users.has(client.user.id)) return;
    if (!(await seen.firstTime(`discord:message:${message.id}`))) return log.debug({ message: message.id }, "another delivery of this message is already answered");
    const text = message.content.replace(new RegExp(`<@!?${client.user.id}>`, "g"), "").trim();
    const inThread = message.channel.isThread();
    const parsed = commandFromText(text);
    const channel = direct || inThread ? message.channel : await message.startThread({ name: threadName(text) });
    const request: ChatRequest = {
      ...parsed,
      thread: `discord:${channel.id}`,
      channel: `discord:${inThread && message.channel.isThread() ? message.channel.parentId : message.channelId}`,
      user: { id: message.author.id, name: message.author.username, isBot: message.author.bot, ...(parsed.command === "digest" && { canManageChannel: direct || memberManages(message) }) },
      platform: "discord",
      raw: message,
    };
    if (!channel.isSendable()) return;
    await channel.sendTyping();
    const placeholder = await channel.send(body(PLACEHOLDER));
    // Plain messages cannot be ephemeral on Discord, so notices for the asker go in the thread too.
    await reply(request, (content) => placeholder.edit(body(content)), (content) => channel.send(body(content)));
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    await interaction.deferReply();
    const name = interaction.commandName as ChatCommand;
    const text =
      name === "ask" ? interaction.options.getString("question", true)
      : name === "paper" ? interaction.options.getString("name", true)
      : `${interaction.options.getSubcommand()} ${interaction.options.getString("topic") ?? ""}`.trim();
    const manages = !interaction.inGuild() || Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels));
    const request: ChatRequest = {
      command: name,
      text,
      thread: `discord:${interaction.channelId}:command:${interaction.user.id}`,
      channel: `discord:${interaction.channelId}`,
      user: { id: interaction.user.id, name: interaction.user.username, canManageChannel: manages },
      platform: "discord",
      raw: interaction,
    };
    await reply(
      request,
      (content) => interaction.editReply(body(content)),
      (content) => interaction.followUp(body(content)),
      // Errors and limits go to the asker alone: the public "thinking…" reply is removed.
      // (Deleted first: a follow-up to a reply still "thinking" would replace it, publicly.)
      async (content) => {
        await interaction.deleteReply().catch((error: unknown) => log.warn({ err: error }, "could not remove the deferred reply"));
        await interaction.followUp({ ...body(content), flags: MessageFlags.Ephemeral });
      },
    );
  }

  /** The answer goes into the first message (edited as it streams); any overflow follows as new messages. */
  async function reply(request: ChatRequest, editFirst: (content: string) => Promise<unknown>, sendMore: (content: string) => Promise<unknown>, sendPrivately?: (content: string) => Promise<unknown>): Promise<void> {
    const response: ChatResponse | undefined = await handleWithProgress(bot, request, (partial) => editFirst(clip(`${partial} …`)), (error) => log.warn({ err: error }, "progress edit failed"));
    if (!response) return;
    const [first, ...rest] = toDiscordMessages(response);
    if (sendPrivately && isForAskerOnly(response)) return void (await sendPrivately(first!));
    await editFirst(first!);
    for (const more of rest) await sendMore(more);
  }

  return {
    name: "discord",
    client,
    async start(): Promise<void> {
      onStatus("starting");
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(config.token);
      } catch (error) {
        await client.destroy().catch(() => {});
        throw startupError(error);
      }
      await ready;
      started = true;
      onStatus("ready");
      log.info({ user: client.user?.tag }, "connected to Discord");
    },
    async stop(): Promise<void> {
      if (started) onStatus("down", "stopped");
      await client.destroy();
    },
  };
}

/** Whether the author may change this channel's settings (a guild permission; false when it cannot be told). */
function memberManages(message: Message): boolean {
  try {
    return Boolean(message.member?.permissions.has(PermissionFlagsBits.ManageChannels));
  } catch {
    return false;
  }
}

function threadName(text: string): string {
  const name = text.replace(/\s+/g, " ").trim() || "paperbot";
  return name.length > 90 ? `${name.slice(0, 87)}…` : name;
}

function clip(text: string): string {
  return splitMessage(text, MESSAGE_LIMIT)[0] ?? text.slice(0, MESSAGE_LIMIT);
}
