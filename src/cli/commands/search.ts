import type { Command } from "commander";
import type { SearchResult } from "../../search/search-result.ts";
import type { CliContext } from "../context.ts";
import { requireQuery, runQueries, withLibrary } from "../library.ts";
import { dbOption, parsePositiveInt } from "../options.ts";
import { paperList, styleFor, type Style } from "../render.ts";

type SearchFlags = { db?: string; k: number; json?: boolean; stdin?: boolean };

export function registerSearch(program: Command, context: () => CliContext): void {
  program
    .command("search")
    .description("Find the papers that answer a question, best first")
    .argument("[question]", 'a question as you would ask it in chat, e.g. "which papers cover KV cache compression?"')
    .option(...dbOption)
    .option("--k <n>", "how many papers to return", parsePositiveInt, 10)
    .option("--json", "print the result as JSON")
    .option("--stdin", "read one question per line from standard input; print one JSON object per line")
    .action(async (question: string | undefined, flags: SearchFlags) => {
      requireQuery(question, flags, 'Give a question, e.g. paperbot search "papers on sparse attention", or use --stdin');
      const ctx = context();
      await withLibrary(ctx, flags.db, (library) =>
        runQueries(ctx, question, flags, async (text) => toJson(await library.search(text, { k: flags.k })), {
          json: (result) => result,
          human: (result) => describe(result, styleFor(ctx.stdout)),
        }),
      );
    });
}

export function toJson(result: SearchResult) {
  return {
    query: result.query.text,
    filters: result.query.filters,
    relevant: result.relevant,
    /** "unsure": the library may cover the question only in part (its papers are still listed as relevant). */
    decision: result.verdict.decision,
    results: result.results.map(({ paper, score }) => ({
      id: paper.id,
      title: paper.title,
      score: Number(score.toFixed(5)),
      publishedAt: paper.publishedAt ?? null,
      upvotes: paper.upvotes,
      url: paper.url,
    })),
  };
}

function describe(result: ReturnType<typeof toJson>, style: Style): string {
  if (result.results.length === 0) return "No papers match (check the date or upvote constraints in the question).\n";
  const header = result.relevant ? "" : "Nothing in the library squarely covers that. Closest papers:\n";
  return `${header}${paperList(result.results, style)}\n`;
}
