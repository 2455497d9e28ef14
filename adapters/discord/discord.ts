import { ChannelType, Client, Events, MessageFlags, Partials, PermissionFlagsBits, type ButtonInteraction, type ChatInputCommandInteraction, type Message } from "discord.js";
import type { Logger } from "pino";
import type { ChatCore } from "../../src/chat/adapter.ts";
import { decodeAction } from "../../src/chat/actions.ts";
import { commandFromText, type ChatCommand, type ChatRequest } from "../../src/chat/request.ts";
import { RecentEvents, type SeenEvents } from "../../src/chat/seen-events.ts";
import type { DiscordConfig } from "./config.ts";
import type { StatusListener } from "../status.ts";
import { actionFromCustomId } from "./components.ts";
import { chooseIntents } from "./intents.ts";
import { guardGatewayPackets } from "./packet-guard.ts";
import { ShardHealth, shardOptions } from "./shards.ts";
import { body, channelReply, interactionReply, NO_MENTIONS } from "./replies.ts";
import { closeReason, startupError } from "./status.ts";

export type { DiscordConfig };

export { NO_MENTIONS };
/** The platform's name in requests, channels ("discord:123") and the admin list. */
export const PLATFORM = "discord";
const MENTION_ME = "I can only read messages here that mention me (this server has not given me Discord's Message Content intent). Mention me with your follow-up, e.g. `@paperbot the second one`.";

/**
 * The Discord adapter: answers mentions in a thread started on the message
 * (or in the thread it was asked in), later messages in the threads it
 * started as follow-ups (with the Message Content intent), DMs in place,
 * buttons, and `/ask`, `/paper`, `/similar`, `/digest` by deferring at once
 * and editing in the answer. Each event is handled on its own: a malformed
 * one is logged and dropped.
 */
export function createDiscordAdapter(core: ChatCore, config: DiscordConfig, logger: Logger, options: { onStatus?: StatusListener; seen?: SeenEvents } = {}) {
  const log = logger.child({ adapter: "discord" });
  // Replicas on one token all receive every message; the first to claim it answers. (A command needs no claim:
  // Discord accepts one acknowledgement per interaction, so another replica's deferReply fails.)
  const seen = options.seen ?? new RecentEvents();
  const onStatus: StatusListener = options.onStatus ?? (() => {});
  // Built at start, once the intents the application may use are known.
  let client: Client;
  let readsContent = false;
  /** Threads already told to mention the bot, so the note comes once, not under every message. */
  const toldToMention = new Set<string>();
  let started = false;

  function connect(intents: Awaited<ReturnType<typeof chooseIntents>>["intents"]): Client {
    client = new Client({
      intents,
      partials: [Partials.Channel],
      ...shardOptions(config.shards),
      // The client-wide default; every send below also says so explicitly.
      allowedMentions: NO_MENTIONS,
      ...(config.apiUrl && { rest: { api: config.apiUrl } }),
    });
    guardGatewayPackets(client, log);
    listen(client);
    return client;
  }

  function listen(client: Client): void {
    client.on(Events.MessageCreate, (message) => {
      void onMessage(message).catch((error: unknown) => log.error({ err: error }, "could not answer a message"));
    });
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isButton()) return void onButton(interaction).catch((error: unknown) => log.error({ err: error }, "could not answer a button"));
      if (!interaction.isChatInputCommand()) return;
      void onCommand(interaction).catch((error: unknown) => log.error({ err: error }, "could not answer a command"));
    });
    const shards = new ShardHealth(onStatus);
    client.on(Events.ShardReady, (shard) => shards.set(shard, "ready"));
    client.on(Events.ShardResume, (shard) => shards.set(shard, "ready"));
    client.on(Events.ShardReconnecting, (shard) => shards.set(shard, "reconnecting", "reconnecting to the Discord gateway"));
    client.on(Events.ShardDisconnect, (event, shard) => {
      const reason = closeReason(event.code);
      log.error({ code: event.code, shard }, reason);
      shards.set(shard, "down", reason);
    });
    client.on(Events.ShardError, (error, shard) => log.warn({ err: error, shard }, "Discord gateway connection error"));
    // An 'error' event without a listener would be thrown, and would stop the process.
    client.on(Events.Error, (error) => log.error({ err: error }, "Discord client error"));
  }

  async function onMessage(message: Message): Promise<void> {
    if (message.author.bot || !client.user) return;
    const direct = message.channel.type === ChannelType.DM;
    const mentioned = message.mentions.users.has(client.user.id);
    // In a thread the bot started, every message is a follow-up; elsewhere in a server only mentions are for it.
    const ownThread = message.channel.isThread() && message.channel.ownerId === client.user.id;
    if (!direct && !mentioned && !ownThread) return;
    if (!(await seen.firstTime(`discord:message:${message.id}`))) return log.debug({ message: message.id }, "another delivery of this message is already answered");
    if (!direct && !mentioned && !readsContent) {
      if (toldToMention.has(message.channelId) || !message.channel.isSendable()) return;
      toldToMention.add(message.channelId);
      await message.channel.send(body(MENTION_ME));
      return;
    }
    const text = message.content.replace(new RegExp(`<@!?${client.user.id}>`, "g"), "").trim();
    // A follow-up with no text (an image, a sticker) is not a question; a bare mention still gets help.
    if (!text && !direct && !mentioned) return;
    const inThread = message.channel.isThread();
    const parsed = commandFromText(text);
    const channel = direct || inThread ? message.channel : await message.startThread({ name: threadName(text) });
    const request: ChatRequest = {
      ...parsed,
      thread: `${PLATFORM}:${channel.id}`,
      channel: `${PLATFORM}:${inThread && message.channel.isThread() ? message.channel.parentId : message.channelId}`,
      user: { id: message.author.id, name: message.author.username, isBot: message.author.bot, ...(parsed.command === "digest" && { canManageChannel: direct || memberManages(message) }) },
      platform: PLATFORM,
      id: message.id,
      raw: message,
    };
    if (!channel.isSendable()) return;
    await channel.sendTyping();
    await core.receive(request, channelReply(channel));
  }

  /** A button under an earlier answer, card or choice: answered as a reply to the click, in the same channel or thread. */
  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const encoded = actionFromCustomId(interaction.customId);
    const action = encoded ? decodeAction(encoded) : undefined;
    if (!action) return log.warn({ customId: interaction.customId }, "ignored a button this version does not know");
    // A vote is thanked to the voter alone; anything else is answered where everyone in the thread sees it.
    await interaction.deferReply(action.kind === "feedback" ? { flags: MessageFlags.Ephemeral } : {});
    const request: ChatRequest = {
      ...(action.kind === "feedback"
        ? { command: "feedback", feedback: { vote: action.vote, questionId: action.questionId, answerId: interaction.message.id, ...(interaction.message.content && { answer: interaction.message.content }) } }
        : { command: action.kind, paperId: action.paperId }),
      text: "",
      thread: `${PLATFORM}:${interaction.channelId}`,
      channel: `${PLATFORM}:${interaction.channel?.isThread() ? interaction.channel.parentId : interaction.channelId}`,
      user: { id: interaction.user.id, name: interaction.user.username },
      platform: PLATFORM,
      raw: interaction,
    };
    await core.receive(request, interactionReply(interaction, log));
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    await interaction.deferReply();
    const name = interaction.commandName as ChatCommand;
    const text =
      name === "ask" ? interaction.options.getString("question", true)
      : name === "paper" || name === "similar" ? interaction.options.getString("name", true)
      : name === "stats" ? ""
      : `${interaction.options.getSubcommand()} ${interaction.options.getString("topic") ?? ""}`.trim();
    const manages = !interaction.inGuild() || Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels));
    const request: ChatRequest = {
      command: name,
      text,
      thread: `${PLATFORM}:${interaction.channelId}:command:${interaction.user.id}`,
      channel: `${PLATFORM}:${interaction.channelId}`,
      user: { id: interaction.user.id, name: interaction.user.username, canManageChannel: manages },
      platform: PLATFORM,
      raw: interaction,
    };
    await core.receive(request, interactionReply(interaction, log));
  }

  return {
    name: "discord",
    async start(): Promise<void> {
      onStatus("starting");
      const chosen = await chooseIntents(config.token, config.apiUrl, log);
      readsContent = chosen.readsContent;
      connect(chosen.intents);
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
      log.info({ user: client.user?.tag, shards: client.ws.shards.size }, "connected to Discord");
    },
    async stop(): Promise<void> {
      if (started) onStatus("down", "stopped");
      await client?.destroy();
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
