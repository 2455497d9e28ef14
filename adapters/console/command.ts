import type { Command } from "commander";
import type { CliContext } from "../../src/cli/context.ts";
import { withLibrary } from "../../src/cli/library.ts";
import { dbOption } from "../../src/cli/options.ts";
import { assembleBot } from "../assemble.ts";
import { stoppedByInterrupt } from "../interrupt.ts";
import { runConsole } from "./console.ts";

export function registerChat(program: Command, context: () => CliContext): void {
  program
    .command("chat")
    .description("Talk to the bot in this terminal (no Slack or Discord needed)")
    .option(...dbOption)
    .action(async (flags: { db?: string }) => {
      const ctx = context();
      const end = await withLibrary(ctx, flags.db, async (library, store) => {
        const { bot } = await assembleBot(ctx, store, library, { db: flags.db ?? ctx.config.db.uri });
        return await runConsole(bot, process.stdin, ctx.stdout);
      });
      if (end === "interrupted") stoppedByInterrupt();
    });
}
