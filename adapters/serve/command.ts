import type { Command } from "commander";
import type { CliContext } from "../../src/cli/context.ts";

export function registerServe(program: Command, context: () => CliContext): void {
  program
    .command("serve")
    .description("Run the bot on every chat platform whose credentials are configured")
    .option("--db <dir>", "library location (default: $PAPERBOT_DB or ./data/lancedb)")
    .action(async (flags: { db?: string }) => {
      const { serve } = await import("./serve.ts");
      await serve(context(), flags);
    });
}
