import type { Command } from "commander";
import { ingestRecords } from "../../ingest/ingest.ts";
import { writeJson, type CliContext } from "../context.ts";
import { indexForSearch, withStore } from "../library.ts";
import { dbOption } from "../options.ts";
import { progressBar } from "../progress.ts";
import { counted } from "../../answer/counted.ts";

type ReindexFlags = { db?: string; json?: boolean };

/**
 * Re-embeds every paper in the library with the configured embedder, in one
 * write (the `ingest --rebuild` machinery with no new records): what to run
 * after changing PAPERBOT_EMBEDDER or PAPERBOT_EMBEDDER_MODEL.
 */
export function registerReindex(program: Command, context: () => CliContext): void {
  program
    .command("reindex")
    .description("Re-embed the whole library with the configured embedder (run it after changing PAPERBOT_EMBEDDER)")
    .option(...dbOption)
    .option("--json", 'print {"papers","embedder":{"name","dims"}}')
    .action(async (flags: ReindexFlags) => {
      const ctx = context();
      await withStore(ctx, flags.db, async (store) => {
        const embedder = await ctx.embedder();
        const bar = progressBar(ctx.stderr, `Re-embedding with ${embedder.id}`);
        try {
          await ingestRecords([], { store, embedder, logger: ctx.logger }, { rebuild: true, onProgress: (done, total) => bar.update(done, total ?? done) });
        } finally {
          bar.stop();
        }
        await indexForSearch(ctx, store, flags.db);
        const papers = await store.count();
        const result = { papers, embedder: { name: embedder.id, dims: embedder.dims } };
        if (flags.json) return writeJson(ctx.stdout, result);
        ctx.stdout.write(`Re-embedded ${counted(papers, "paper")} with ${embedder.id} (${embedder.dims} dimensions) in ${flags.db ?? ctx.config.db.uri}.\n`);
      });
    });
}
