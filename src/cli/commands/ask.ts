import { randomUUID } from "node:crypto";
import type { Command } from "commander";
import { Answerer } from "../../answer/answerer.ts";
import type { Reply } from "../../answer/reply.ts";
import type { CliContext } from "../context.ts";
import { requireQuery, runQueries, withLibrary } from "../library.ts";
import { dbOption } from "../options.ts";
import { isSearchLink, PLAIN, renderMarkdown, shortLink, styleFor, type Style } from "../render.ts";

type AskFlags = { db?: string; json?: boolean; stdin?: boolean; conversation?: boolean };

export function registerAsk(program: Command, context: () => CliContext): void {
  program
    .command("ask")
    .description("Answer a question from the library, citing the papers used")
    .argument("[question]", 'e.g. "which papers cover KV cache compression?"')
    .option(...dbOption)
    .option("--json", 'print {"question","found","answer","citations":[{"n","id","title","url"}]}')
    .option("--stdin", "read one question per line from standard input; print one JSON object per line")
    .option("--conversation", "with --stdin: treat the lines as one thread, so later questions can refer to earlier answers")
    .action(async (question: string | undefined, flags: AskFlags) => {
      requireQuery(question, flags, 'Give a question, e.g. paperbot ask "which papers cover KV cache compression?", or use --stdin');
      const ctx = context();
      await withLibrary(ctx, flags.db, async (library) => {
        const answerer = new Answerer(library, await ctx.answerWriter());
        const thread = flags.stdin && flags.conversation ? randomUUID() : undefined;
        await runQueries(ctx, question, flags, (text) => answerer.ask(text, { ...(thread && { thread }), logger: ctx.logger }), {
          json: (reply, text) => toJson(text, reply),
          human: (reply) => render(reply, styleFor(ctx.stdout)),
        });
      });
    });
}

export function toJson(question: string, reply: Reply) {
  return {
    question,
    found: reply.found,
    answer: reply.text,
    citations: reply.citations.map(({ n, id, title, url }) => ({ n, id, title, url })),
    ...(reply.notes.length > 0 && { notes: reply.notes }),
  };
}

/**
 * Terminal rendering: the answer's Markdown as text, then the numbered
 * sources. A source whose title the answer already shows is not named
 * again; sources with only a title search (no arXiv id) share one line
 * saying so, instead of repeating a long percent-encoded URL each.
 */
export function render(reply: Reply, style: Style = PLAIN): string {
  const shown = reply.text.toLowerCase();
  const sources: string[] = [];
  const searchOnly: string[] = [];
  for (const { n, title, url } of reply.citations) {
    const named = shown.includes(title.toLowerCase());
    if (named && isSearchLink(url) && !style.rich) searchOnly.push(`[${n}]`);
    else sources.push(`[${n}] ${named ? "" : `${title}: `}${shortLink(url, style)}`);
  }
  if (searchOnly.length > 0) sources.push(`${searchOnly.join(" ")}: no direct link; search the title on huggingface.co/papers`);
  const notes = reply.notes.map((note) => `(${note})`);
  return [renderMarkdown(reply.text, style), ...(sources.length > 0 ? ["", "Sources:", ...sources] : []), ...(notes.length > 0 ? ["", ...notes] : [])].join("\n") + "\n";
}
