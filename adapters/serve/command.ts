import type { Command } from "commander";
import type { CliContext } from "../../src/cli/context.ts";
import { dbOption } from "../../src/cli/options.ts";

export function registerServe(program: Command, context: () => CliContext): void {
  program
    .command("serve")
    .description("Run the bot on every chat platform whose credentials are configured")
    .option(...dbOption)
    .action(async (flags: { db?: string }) => {
      const { serve } = await import("./serve.ts");
      await serve(context(), flags);
    });
}
