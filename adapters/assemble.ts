import type { ChatBot } from "../src/chat/bot.ts";
import { createChatBot } from "../src/chat/create.ts";
import { UNLIMITED } from "../src/chat/rate-limit.ts";
import { storeStats, type StatsSource } from "../src/chat/stats.ts";
import type { CliContext } from "../src/cli/context.ts";
import { createChatDigest } from "../src/chat/digest-commands.ts";
import type { DigestService, DigestPoster } from "../src/digest/service.ts";
import type { Library } from "../src/library/library.ts";
import type { LanceChatState } from "../src/state/chat-state-tables.ts";
import { LanceFeedback } from "../src/state/feedback-table.ts";
import type { LancePaperStore } from "../src/store/lance/lance-store.ts";
import { PLATFORM as CONSOLE } from "./console/console.ts";
import { CONSOLE_COMMANDS } from "./console/surface.ts";
import { DISCORD_COMMANDS } from "./discord/surface.ts";
import { PLATFORM as SLACK } from "./slack/platform.ts";
import { SLACK_COMMANDS } from "./slack/surface.ts";
import { openChatState, openConversations, openDigests } from "../src/state/open.ts";

/**
 * Each platform's commands as typed there, so its help lists those
 * (src/chat/help.ts). Discord's name is spelled out: importing it from its
 * adapter would load discord.js into the terminal chat too.
 */
export const SURFACES = { [CONSOLE]: CONSOLE_COMMANDS, [SLACK]: SLACK_COMMANDS, discord: DISCORD_COMMANDS };

/**
 * `shared`: the bot serves people on chat platforms, maybe as one of several
 * replicas, so per-user limits, seen events, followed threads and
 * conversations live in the database (a restart or another replica still
 * answers a retried event once and still knows what "those" are), and
 * feedback votes are stored. Without it (the console) they stay in memory, and
 * questions are not limited: one person at their own terminal.
 * `poster`: where digests go; `onDigestChange`: told when a subscription changes.
 */
export type AssembleOptions = { db: string; shared?: boolean; poster?: DigestPoster; onDigestChange?: () => void };

export type AssembledBot = { bot: ChatBot; digest: DigestService; stats: StatsSource; chatState?: LanceChatState };

/** The one place the chat bot is put together, for `serve` and for `paperbot chat` alike. */
export async function assembleBot(ctx: CliContext, store: LancePaperStore, library: Library, options: AssembleOptions): Promise<AssembledBot> {
  const { config, logger } = ctx;
  const digest = createChatDigest(library, openDigests(store), config, logger, { ...(options.poster && { poster: options.poster }), ...(options.onDigestChange && { onChange: options.onDigestChange }) });
  const stats = storeStats(store, options.db);
  const shared = options.shared
    ? {
        chatState: openChatState(store, { questionsPerWindow: config.chat.limits.questionsPerWindow, windowMs: config.chat.limits.windowMs }),
        conversations: openConversations(store, (error) => logger.warn({ err: error }, "could not save a conversation turn")),
        feedback: new LanceFeedback(store.connection),
      }
    : undefined;
  const bot = createChatBot(library, {
    logger,
    chat: config.chat,
    digest: digest.commands,
    stats,
    surfaces: SURFACES,
    ...(shared ? { limiter: shared.chatState, conversations: shared.conversations, feedback: shared.feedback } : { limiter: UNLIMITED }),
    ...(await ctx.answerWriter()),
  });
  return { bot, digest: digest.service, stats, ...(shared && { chatState: shared.chatState }) };
}
