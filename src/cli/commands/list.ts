import type { Command } from "commander";
import type { StoredPaper } from "../../store/paper-store.ts";
import { writeJson, type CliContext } from "../context.ts";
import { withStore } from "../library.ts";
import { dbOption, parsePositiveInt } from "../options.ts";

type ListFlags = { db?: string; json?: boolean; limit?: number };

export function registerList(program: Command, context: () => CliContext): void {
  program
    .command("list")
    .description("Show the papers in the library, newest first")
    .option(...dbOption)
    .option("--limit <n>", "show at most n papers", parsePositiveInt)
    .option("--json", "print a JSON array of the papers with all their fields")
    .action(async (flags: ListFlags) => {
      const ctx = context();
      await withStore(ctx, flags.db, async (store) => {
        const papers = (await store.list()).slice(0, flags.limit);
        if (flags.json) return writeJson(ctx.stdout, papers.map(publicFields));
        const total = await store.count();
        ctx.stdout.write(table(papers, total, flags.db ?? ctx.config.db.uri));
      });
    });
}

/** The paper model without the library's bookkeeping. */
export function publicFields({ contentHash, recordHash, addedAt, ...paper }: StoredPaper) {
  return paper;
}

function table(papers: StoredPaper[], total: number, db: string): string {
  if (total === 0) return `The library at ${db} is empty. Add papers with: paperbot ingest data/samples\n`;
  const lines = papers.map((paper) => {
    const date = (paper.publishedAt ?? "unknown").padEnd(10);
    // Blank rather than "0▲": most pages do not say, so zero means unknown.
    const votes = (paper.upvotes > 0 ? String(paper.upvotes) : "").padStart(4);
    const title = paper.title.length > 90 ? `${paper.title.slice(0, 87)}...` : paper.title;
    return `${date} ${votes}${paper.upvotes > 0 ? "▲" : " "}  ${title}`;
  });
  const more = total > papers.length ? `\n... and ${total - papers.length} more (paperbot list --json for all)` : "";
  return `${total} papers in ${db}:\n${lines.join("\n")}${more}\n`;
}
