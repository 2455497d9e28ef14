import type { Command } from "commander";
import { PaperbotError } from "../../errors.ts";
import { ingestRecords } from "../../ingest/ingest.ts";
import { checkFiles, inputFiles, streamRecords } from "../../sources/load.ts";
import { writeJson, type CliContext } from "../context.ts";
import { cacheForSearch } from "../library.ts";
import { dbOption, parseYear } from "../options.ts";
import { progressBar } from "../progress.ts";
import { counted } from "../../answer/counted.ts";

type IngestFlags = { db?: string; year?: number; json?: boolean; rebuild?: boolean; dryRun?: boolean };

export function registerIngest(program: Command, context: () => CliContext): void {
  program
    .command("ingest")
    .description("Add saved Hugging Face Daily Papers pages (.txt) and JSON Lines files (.jsonl) to the library")
    .argument("<paths...>", "files, or directories to search for .txt and .jsonl files")
    .option(...dbOption)
    .option("--year <yyyy>", "year for dates shown without one (default: the year the page was saved, read from its own dates)", parseYear)
    .option("--rebuild", "re-embed the whole library, e.g. after changing PAPERBOT_EMBEDDER")
    .option("--dry-run", "parse and compare, but write nothing")
    .option("--json", "print one JSON object with the counts")
    .action(async (paths: string[], flags: IngestFlags) => {
      const ctx = context();
      const years = { today: new Date(), ...(flags.year && { year: flags.year }) };
      const files = await inputFiles(paths);
      if (files.length === 0) throw new PaperbotError("USAGE", `No .txt or .jsonl files found in ${paths.join(", ")}`);
      // Every record is parsed once before anything is written, holding none, so one bad file stops the run with the library untouched.
      const totalRecords = await checkFiles(files, years);
      const store = await ctx.openStore(flags.db, { create: true });
      const bar = progressBar(ctx.stderr, "Ingesting");
      try {
        const summary = await ingestRecords(
          streamRecords(files, years),
          { store, embedder: await ctx.embedder(), logger: ctx.logger },
          { rebuild: flags.rebuild ?? false, dryRun: flags.dryRun ?? false, totalRecords, onProgress: (done, total) => bar.update(Math.round(done), total ?? totalRecords) },
        );
        bar.stop();
        if (!flags.dryRun) await cacheForSearch(ctx, store, flags.db);
        const result = { files: files.length, ...summary };
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
  const read = `Read ${counted(r.files, "file")}: ${r.records} records, ${r.papers} distinct papers.`;
  if (r.inserted + r.updated === 0) return `${read}\nNothing changed: all ${r.papers} are already in the library (${total} papers in ${db}).\n`;
  const verb = dryRun ? "Would add" : "Added";
  return `${read}\n${verb} ${r.inserted} new, ${dryRun ? "update" : "updated"} ${r.updated}, ${r.unchanged} unchanged. Library: ${total} papers in ${db}.\n`;
}
