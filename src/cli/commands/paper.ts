import type { Command } from "commander";
import { lookupMiss, noMatch } from "../../answer/lookup-miss.ts";
import type { Library } from "../../library/library.ts";
import type { StoredPaper } from "../../store/paper-store.ts";
import type { CliContext } from "../context.ts";
import { requireQuery, runQueries, withLibrary } from "../library.ts";
import { dbOption, parsePositiveInt } from "../options.ts";
import { unshownLine } from "../../chat/response.ts";
import { publicFields } from "./list.ts";
import { paperCard, paperList, styleFor, type Style } from "../render.ts";

type PaperFlags = { db?: string; k: number; json?: boolean; stdin?: boolean };

export function registerPaper(program: Command, context: () => CliContext): void {
  program
    .command("paper")
    .description("Look up one paper by its title, short name, method name, a fragment, or its arXiv id or link")
    .argument("[name]", 'e.g. "PyramidKV", "the HNSW paper", "scissor hands kv cache", 2406.02069')
    .option(...dbOption)
    .option("--k <n>", "offer at most n alternatives", parsePositiveInt, 10)
    .option("--json", 'print {"match": <paper or null>, "alternatives": [...]}, plus "closest": [...] when nothing matches')
    .option("--stdin", "read one name per line from standard input; print one JSON object per line")
    .action(async (name: string | undefined, flags: PaperFlags) => {
      requireQuery(name, flags, 'Give a paper name, e.g. paperbot paper "PyramidKV", or use --stdin');
      const ctx = context();
      const lookUp = (library: Library) => async (text: string) => {
        const found = await library.lookup(text, flags.k);
        // "closest" and "description" appear only when they say something, so a plain miss stays {"match": null, "alternatives": []}.
        return {
          match: found.match && publicFields(found.match),
          alternatives: found.alternatives.map(publicFields),
          ...(found.closest.length > 0 && { closest: found.closest.map(publicFields) }),
          ...(found.description && { description: true }),
          ...(found.unshown && { unshown: found.unshown }),
        };
      };
      await withLibrary(ctx, flags.db, (library) =>
        runQueries(ctx, name, flags, lookUp(library), { json: (found) => found, human: (found, query) => describe(query, found, styleFor(ctx.stdout)) }),
      );
    });
}

type Shown = Omit<StoredPaper, "contentHash" | "recordHash" | "addedAt">;
type Found = { match: Shown | null; alternatives: Shown[]; closest?: Shown[]; description?: boolean; unshown?: number };

function describe(name: string, found: Found, style: Style): string {
  if (found.match) return `${paperCard(found.match, style)}\n`;
  const list = (papers: Shown[]) => paperList(papers, style);
  if (found.alternatives.length > 0) return [`"${name}" could be any of these; which one?`, list(found.alternatives), ...unshownLine(found.unshown)].join("\n") + "\n";
  const hint = found.description ? `That reads like a description: try paperbot search "${name}".` : "Try its full title, a distinctive part of it, or its arXiv id.";
  // A description is not a missing paper: what fits it best, and where to see more.
  if (found.description && found.closest?.length) return `No paper stands out as "${name}"; these fit the description best:\n${list(found.closest)}\nFor more: paperbot search "${name}".\n`;
  if (found.closest?.length) {
    const miss = lookupMiss(`"${name}"`, name, found.closest);
    return `${miss.headline}${miss.inTitles ? "" : "; closest"}:\n${list(miss.papers)}\n${hint}\n`;
  }
  return `${found.description ? `No paper in the library matches "${name}". ${hint}` : noMatch(`"${name}"`, name)}\n`;
}

