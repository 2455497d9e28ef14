import type { Command } from "commander";
import { writeJson, type CliContext } from "../context.ts";
import { withStore } from "../library.ts";
import { dbOption } from "../options.ts";
import { readLibraryStats } from "../../library/stats.ts";
import { describeStats } from "../stats.ts";

type StatsFlags = { db?: string; json?: boolean };

export function registerStats(program: Command, context: () => CliContext): void {
  program
    .command("stats")
    .description("Show what the library holds: papers by month and source, the embedder, the last fetch, digest subscriptions")
    .option(...dbOption)
    .option("--json", 'print {"library","papers","dated","byMonth","bySource","embedder","lastAdded","lastFetch","subscriptions"}')
    .action(async (flags: StatsFlags) => {
      const ctx = context();
      await withStore(ctx, flags.db, async (store) => {
        const stats = await readLibraryStats(store, flags.db ?? ctx.config.db.uri);
        if (flags.json) writeJson(ctx.stdout, stats);
        else ctx.stdout.write(describeStats(stats));
      });
    });
}
