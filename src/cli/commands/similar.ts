import type { Command } from "commander";
import { lookupMiss, noMatch } from "../../answer/lookup-miss.ts";
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
    .option("--k <n>", "how many papers to return (and at most n candidates when the name fits several)", parsePositiveInt, 10)
    .option("--json", 'print {"paper": {id, title} or null, "results": [...], "closest": [...]}')
    .option("--stdin", "read one name per line from standard input; print one JSON object per line")
    .action(async (name: string | undefined, flags: SimilarFlags) => {
      requireQuery(name, flags, 'Give a paper name, e.g. paperbot similar "PyramidKV", or use --stdin');
      const ctx = context();
      await withLibrary(ctx, flags.db, (library) =>
        runQueries(ctx, name, flags, (text) => library.similar(text, { k: flags.k, maxAlternatives: flags.k }), { json: toSimilarJson, human: (found, text) => describe(found, text, styleFor(ctx.stdout)) }),
      );
    });
}

/** No paper found: "alternatives" when the name fits several (as `paper` offers them), "closest" when it fits none. */
function toSimilarJson(found: Similar) {
  const brief = ({ id, title }: { id: string; title: string }) => ({ id, title });
  if (!found.paper) return { paper: null, results: [], ...(found.lookup.alternatives.length > 0 && { alternatives: found.lookup.alternatives.map(brief) }), closest: found.lookup.closest.map(brief) };
  return { paper: { id: found.paper.id, title: found.paper.title }, results: toJson(found.result).results };
}

function describe(found: Similar, name: string, style: Style): string {
  if (!found.paper) {
    const { alternatives, closest } = found.lookup;
    // A command line cannot take a reply: say how to run it again for the one meant.
    const again = (papers: { title: string }[]) => `For papers like one of them, give its title: paperbot similar "${papers[0]!.title}"`;
    if (alternatives.length > 0) return `"${name}" could be any of these; which one?\n${paperList(alternatives, style)}\n${again(alternatives)}\n`;
    if (closest.length === 0) return `${noMatch(`"${name}"`, name, ", so I cannot look for papers like it")}\n`;
    const miss = lookupMiss(`"${name}"`, name, closest, ", so I cannot look for papers like it");
    return `${miss.headline}${miss.inTitles ? "" : "; closest"}:\n${paperList(miss.papers, style)}\n${again(miss.papers)}\n`;
  }
  return `Papers similar to ${bold(found.paper.title, style)}:\n${paperList(found.result.results.map((hit) => hit.paper), style)}\n`;
}
