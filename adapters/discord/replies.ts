import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Message, type SendableChannels } from "discord.js";
import type { Logger } from "pino";
import type { Outgoing, Reply } from "../../src/chat/adapter.ts";
import { isForAskerOnly, type ChatResponse } from "../../src/chat/response.ts";
import { buttonRows, type ButtonRow } from "./components.ts";
import { MESSAGE_LIMIT, splitMessage, toDiscordMessages } from "./format.ts";

/** No @everyone, @here, role or user pings from anything the bot sends: questions and abstracts are echoed in replies. */
export const NO_MENTIONS = { parse: [] as never[] };
export const body = (content: string, components: ButtonRow[] = []) => ({ content, allowedMentions: NO_MENTIONS, components });
type Send = (content: string, components?: ButtonRow[]) => Promise<unknown>;

/** Short names the core uses, as Discord's unicode reactions. */
const EMOJI: Record<string, string> = { thumbsup: "👍", thumbsdown: "👎", eyes: "👀", white_check_mark: "✅" };

/** The response into the first message, any overflow as new messages, the buttons under the last. */
async function sendResponse(response: ChatResponse, editFirst: Send, sendMore: Send): Promise<void> {
  const messages = toDiscordMessages(response);
  const buttons = buttonRows(response);
  for (const [index, content] of messages.entries()) {
    const components = index === messages.length - 1 ? buttons : [];
    await (index === 0 ? editFirst(content, components) : sendMore(content, components));
  }
}

const progressText = (message: { progress: string }) => splitMessage(message.progress.replace(/^_(.*)_$/s, "*$1*"), MESSAGE_LIMIT)[0] ?? message.progress.slice(0, MESSAGE_LIMIT);

/** Answers in a channel, thread or DM. Plain messages cannot be ephemeral on Discord, so notices for the asker go there too. */
export function channelReply(channel: SendableChannels): Reply {
  const sent = new Map<string, Message>();
  const remember = (message: Message) => (sent.set(message.id, message), { id: message.id });
  const send = async (content: string, components?: ButtonRow[]) => remember(await channel.send(body(content, components)));
  return {
    async post(message: Outgoing) {
      if ("progress" in message) return remember(await channel.send(body(progressText(message))));
      let first: { id: string } | undefined;
      await sendResponse(message.response, async (content, components) => void (first = await send(content, components)), send);
      return first!;
    },
    async edit(posted, message) {
      const target = sent.get(posted.id);
      if (!target) throw new Error(`message ${posted.id} was not posted by this reply`);
      if ("progress" in message) return void (await target.edit(body(progressText(message))));
      await sendResponse(message.response, (content, components) => target.edit(body(content, components)), send);
    },
    async react(posted, emoji) {
      await sent.get(posted.id)?.react(EMOJI[emoji] ?? emoji);
    },
  };
}

/**
 * Answers a slash command or a button, which are acknowledged (deferred) at
 * once: the deferred reply is the placeholder. Errors and limits go to the
 * asker alone: the public "thinking…" reply is removed first (a follow-up to
 * a reply still "thinking" would replace it, publicly).
 */
export function interactionReply(interaction: ChatInputCommandInteraction | ButtonInteraction, log: Logger): Reply {
  const editReply: Send = (content, components) => interaction.editReply(body(content, components));
  const followUp: Send = (content, components) => interaction.followUp(body(content, components));
  return {
    post: async () => ({ id: "deferred" }),
    async edit(_posted, message) {
      if ("progress" in message) return void (await editReply(progressText(message)));
      if (isForAskerOnly(message.response)) {
        await interaction.deleteReply().catch((error: unknown) => log.warn({ err: error }, "could not remove the deferred reply"));
        await interaction.followUp({ ...body(toDiscordMessages(message.response)[0]!), flags: MessageFlags.Ephemeral });
        return;
      }
      await sendResponse(message.response, editReply, followUp);
    },
    async react(_posted, emoji) {
      await (await interaction.fetchReply()).react(EMOJI[emoji] ?? emoji);
    },
  };
}
