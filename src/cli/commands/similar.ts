import type { Command } from "commander";
import type { Library } from "../../library/library.ts";
import type { CliContext } from "../context.ts";
import { requireQuery, runQueries, withLibrary } from "../library.ts";
import { dbOption, parsePositiveInt } from "../options.ts";
import { toJson } from "./search.ts";
import { bold, paperList, styleFor, type Style } from "../render.ts";

type SimilarFlags = { db?: string; k: number; json?: boolean; stdin?: boolean };
type Similar = Awaited<ReturnType<Library["similar"]>>;

export function registerSimilar(program: Command, context: () => CliContext): void {
  program
    .command("similar")
    .description("Find the papers most like one you name (looked up as `paper` does), best first")
    .argument("[name]", 'the paper, e.g. "PyramidKV" or "the HNSW paper"')
    .option(...dbOption)
    .option("--k <n>", "how many papers to return", parsePositiveInt, 10)
    .option("--json", 'print {"paper": {id, title} or null, "results": [...], "closest": [...]}')
    .option("--stdin", "read one name per line from standard input; print one JSON object per line")
    .action(async (name: string | undefined, flags: SimilarFlags) => {
      requireQuery(name, flags, 'Give a paper name, e.g. paperbot similar "PyramidKV", or use --stdin');
      const ctx = context();
      await withLibrary(ctx, flags.db, (library) =>
        runQueries(ctx, name, flags, (text) => library.similar(text, { k: flags.k }), { json: toSimilarJson, human: (found, text) => describe(found, text, styleFor(ctx.stdout)) }),
      );
    });
}

function toSimilarJson(found: Similar) {
  if (!found.paper) return { paper: null, results: [], closest: found.lookup.closest.map(({ id, title }) => ({ id, title })) };
  return { paper: { id: found.paper.id, title: found.paper.title }, results: toJson(found.result).results };
}

function describe(found: Similar, name: string, style: Style): string {
  if (!found.paper) {
    const closest = found.lookup.closest.map((paper, index) => `${index + 1}. ${paper.title}`).join("\n");
    return `"${name}" is not in the library, so I cannot look for papers like it.${closest ? ` Closest:\n${closest}` : ""}\n`;
  }
  return `Papers similar to ${bold(found.paper.title, style)}:\n${paperList(found.result.results.map((hit) => hit.paper), style)}\n`;
}
