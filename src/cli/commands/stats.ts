import type { Command } from "commander";
import { paperFacts, readSubscriptions } from "../../store/lance/library-stats.ts";
import { writeJson, type CliContext } from "../context.ts";
import { withStore } from "../library.ts";
import { dbOption } from "../options.ts";
import { describeStats, libraryStats } from "../stats.ts";

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
        const stats = libraryStats(flags.db ?? ctx.config.db.uri, await paperFacts(store.table), await store.builtWith(), await readSubscriptions(store.connection));
        if (flags.json) writeJson(ctx.stdout, stats);
        else ctx.stdout.write(describeStats(stats));
      });
    });
}
