import type { ChatBot } from "../src/chat/bot.ts";
import { createChatBot } from "../src/chat/create.ts";
import { storeStats, type StatsSource } from "../src/chat/stats.ts";
import type { CliContext } from "../src/cli/context.ts";
import { createChatDigest } from "../src/digest/create.ts";
import type { DigestService, DigestPoster } from "../src/digest/service.ts";
import type { Library } from "../src/library/library.ts";
import type { LanceChatState } from "../src/store/lance/chat-state-tables.ts";
import { LanceFeedback } from "../src/store/lance/feedback-table.ts";
import type { LancePaperStore } from "../src/store/lance/lance-store.ts";

/**
 * `shared`: the bot serves people on chat platforms, maybe as one of several
 * replicas, so per-user limits, seen events, followed threads and
 * conversations live in the database (a restart or another replica still
 * answers a retried event once and still knows what "those" are), and
 * feedback votes are stored. Without it (the console) they stay in memory.
 * `poster`: where digests go; `onDigestChange`: told when a subscription changes.
 */
export type AssembleOptions = { db: string; shared?: boolean; poster?: DigestPoster; onDigestChange?: () => void };

export type AssembledBot = { bot: ChatBot; digest: DigestService; stats: StatsSource; chatState?: LanceChatState };

/** The one place the chat bot is put together, for `serve` and for `paperbot chat` alike. */
export async function assembleBot(ctx: CliContext, store: LancePaperStore, library: Library, options: AssembleOptions): Promise<AssembledBot> {
  const { config, logger } = ctx;
  const digest = createChatDigest(library, store.digests(), config, logger, { ...(options.poster && { poster: options.poster }), ...(options.onDigestChange && { onChange: options.onDigestChange }) });
  const stats = storeStats(store, options.db);
  const shared = options.shared
    ? {
        chatState: store.chatState({ questionsPerWindow: config.chat.limits.questionsPerWindow, windowMs: config.chat.limits.windowMs }),
        conversations: store.conversations((error) => logger.warn({ err: error }, "could not save a conversation turn")),
        feedback: new LanceFeedback(store.connection),
      }
    : undefined;
  const bot = createChatBot(library, {
    logger,
    chat: config.chat,
    digest: digest.commands,
    stats,
    ...(shared && { limiter: shared.chatState, conversations: shared.conversations, feedback: shared.feedback }),
    ...(await ctx.answerWriter()),
  });
  return { bot, digest: digest.service, stats, ...(shared && { chatState: shared.chatState }) };
}
