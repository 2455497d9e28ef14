import type { Command } from "commander";
import { createChatBot } from "../../src/chat/create.ts";
import { storeStats } from "../../src/chat/stats.ts";
import type { CliContext } from "../../src/cli/context.ts";
import { withLibrary } from "../../src/cli/library.ts";
import { createChatDigest } from "../../src/digest/create.ts";
import { runConsole } from "./console.ts";
import { dbOption } from "../../src/cli/options.ts";

export function registerChat(program: Command, context: () => CliContext): void {
  program
    .command("chat")
    .description("Talk to the bot in this terminal (no Slack or Discord needed)")
    .option(...dbOption)
    .action(async (flags: { db?: string }) => {
      const ctx = context();
      await withLibrary(ctx, flags.db, async (library, store) => {
        const digest = createChatDigest(library, store.digests(), ctx.config, ctx.logger);
        const bot = createChatBot(library, { logger: ctx.logger, chat: ctx.config.chat, digest: digest.commands, stats: storeStats(store, flags.db ?? ctx.config.db.uri), ...(await ctx.answerWriter()) });
        await runConsole(bot, process.stdin, ctx.stdout);
      });
    });
}
