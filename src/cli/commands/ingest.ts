import type { Command } from "commander";
import { PaperbotError } from "../../errors.ts";
import { ingestRecords } from "../../ingest/ingest.ts";
import { loadFiles } from "../../sources/load.ts";
import { writeJson, type CliContext } from "../context.ts";
import { dbOption, parseYear } from "../options.ts";
import { progressBar } from "../progress.ts";

type IngestFlags = { db?: string; year?: number; json?: boolean; rebuild?: boolean; dryRun?: boolean };

export function registerIngest(program: Command, context: () => CliContext): void {
  program
    .command("ingest")
    .description("Add saved Hugging Face Daily Papers pages (.txt) and JSON Lines files (.jsonl) to the library")
    .argument("<paths...>", "files, or directories to search for .txt and .jsonl files")
    .option(...dbOption)
    .option("--year <yyyy>", "year for dates shown without one (default: the most recent such date not in the future)", parseYear)
    .option("--rebuild", "re-embed the whole library, e.g. after changing PAPERBOT_EMBEDDER")
    .option("--dry-run", "parse and compare, but write nothing")
    .option("--json", "print one JSON object with the counts")
    .action(async (paths: string[], flags: IngestFlags) => {
      const ctx = context();
      const loaded = await loadFiles(paths, { today: new Date(), ...(flags.year && { year: flags.year }) });
      if (loaded.length === 0) throw new PaperbotError("USAGE", `No .txt or .jsonl files found in ${paths.join(", ")}`);
      const store = await ctx.openStore(flags.db, { create: true });
      const bar = progressBar(ctx.stderr, "Embedding");
      try {
        const records = loaded.flatMap((file) => file.records);
        const summary = await ingestRecords(
          records,
          { store, embedder: await ctx.embedder(), logger: ctx.logger },
          { rebuild: flags.rebuild ?? false, dryRun: flags.dryRun ?? false, onEmbedProgress: bar.update },
        );
        bar.stop();
        const result = { files: loaded.length, ...summary };
        if (flags.json) return writeJson(ctx.stdout, result);
        const total = await store.count();
        ctx.stdout.write(describe(result, total, flags.db ?? ctx.config.db.uri, flags.dryRun ?? false));
      } finally {
        bar.stop();
        store.close();
      }
    });
}

function describe(r: { files: number; records: number; papers: number; inserted: number; updated: number; unchanged: number }, total: number, db: string, dryRun: boolean): string {
  const read = `Read ${r.files} file${r.files === 1 ? "" : "s"}: ${r.records} records, ${r.papers} distinct papers.`;
  if (r.inserted + r.updated === 0) return `${read}\nNothing changed: all ${r.papers} are already in the library (${total} papers in ${db}).\n`;
  const verb = dryRun ? "Would add" : "Added";
  return `${read}\n${verb} ${r.inserted} new, ${dryRun ? "update" : "updated"} ${r.updated}, ${r.unchanged} unchanged. Library: ${total} papers in ${db}.\n`;
}
