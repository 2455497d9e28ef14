import type { Command } from "commander";
import { PaperbotError } from "../../errors.ts";
import { createFetchers, daysBetween, fetchArxiv, fetchHf, type FetchSummary } from "../../sources/fetch.ts";
import { writeJson, type CliContext } from "../context.ts";
import { indexForSearch, withStore } from "../library.ts";
import { dbOption, parseIsoDate, parsePositiveInt } from "../options.ts";


type CommonFlags = { db?: string; dryRun?: boolean; json?: boolean };

/** `paperbot fetch hf|arxiv`: fill the library from the live APIs (base URLs from HF_API_URL and ARXIV_API_URL). */
export function registerFetch(program: Command, context: () => CliContext): void {
  const fetch = program.command("fetch").description("Add new papers from Hugging Face Daily Papers or arXiv").enablePositionalOptions();

  fetch
    .command("hf")
    .description("Papers Hugging Face featured on a day (default: today, UTC) or a range of days")
    .option("--date <yyyy-mm-dd>", "one day", parseIsoDate)
    .option("--from <yyyy-mm-dd>", "first day of a range", parseIsoDate)
    .option("--to <yyyy-mm-dd>", "last day of a range (default: today)", parseIsoDate)
    .option(...dbOption)
    .option("--dry-run", "fetch and compare, but write nothing")
    .option("--json", "print one JSON object with the counts")
    .action(async (flags: CommonFlags & { date?: string; from?: string; to?: string }) => {
      if (flags.date && (flags.from || flags.to)) throw new PaperbotError("USAGE", "Give --date, or --from and --to, not both");
      const today = new Date().toISOString().slice(0, 10);
      const days = flags.date ? [flags.date] : daysBetween(flags.from ?? flags.to ?? today, flags.to ?? today);
      if (days.length === 0) throw new PaperbotError("USAGE", "--from is after --to");
      if (days.length > 62) throw new PaperbotError("USAGE", "That is more than two months of days; fetch in smaller ranges");
      await run(context(), flags, (deps, fetchers) => fetchHf(fetchers, days, deps, flags.dryRun));
    });

  fetch
    .command("arxiv")
    .description("Recent arXiv papers matching a query or in a category")
    .option("--query <text>", 'words, or an arXiv query such as ti:"kv cache"')
    .option("--category <cat>", "e.g. cs.CL, cs.LG")
    .option("--days <n>", "only papers submitted in the last n days", parsePositiveInt)
    .option("--max <n>", "at most n papers (default 100)", parsePositiveInt, 100)
    .option(...dbOption)
    .option("--dry-run", "fetch and compare, but write nothing")
    .option("--json", "print one JSON object with the counts")
    .action(async (flags: CommonFlags & { query?: string; category?: string; days?: number; max: number }) => {
      if (!flags.query && !flags.category) throw new PaperbotError("USAGE", "Give --query or --category, e.g. paperbot fetch arxiv --category cs.CL --days 1");
      await run(context(), flags, (deps, fetchers) =>
        fetchArxiv(fetchers, { max: flags.max, ...(flags.query && { query: flags.query }), ...(flags.category && { category: flags.category }), ...(flags.days && { days: flags.days }) }, deps, flags.dryRun),
      );
    });
}

async function run(ctx: CliContext, flags: CommonFlags, fetch: (deps: Parameters<typeof fetchHf>[2], fetchers: ReturnType<typeof createFetchers>) => Promise<FetchSummary>): Promise<void> {
  await withStore(ctx, flags.db, async (store) => {
    const summary = await fetch({ store, embedder: await ctx.embedder(), logger: ctx.logger }, createFetchers(ctx.config, ctx.logger));
    if (!flags.dryRun && summary.inserted + summary.updated > 0) await indexForSearch(ctx, store, flags.db);
    if (flags.json) return writeJson(ctx.stdout, summary);
    const verb = flags.dryRun ? "Would add" : "Added";
    ctx.stdout.write(`Fetched ${summary.records} records (${summary.papers} papers${summary.skipped > 0 ? `, ${summary.skipped} malformed skipped` : ""}). ${verb} ${summary.inserted} new, ${summary.updated} updated, ${summary.unchanged} unchanged.\n`);
  }, { create: true });
}
