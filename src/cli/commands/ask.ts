import { randomUUID } from "node:crypto";
import type { Command } from "commander";
import { Answerer } from "../../answer/answerer.ts";
import { MORE_CLOSE } from "../../answer/reply-notes.ts";
import type { Reply } from "../../answer/reply.ts";
import { OPEN_BY_NUMBER } from "../../answer/not-found.ts";
import type { CliContext } from "../context.ts";
import { requireQuery, runQueries, withLibrary } from "../library.ts";
import { dbOption } from "../options.ts";
import { replyText, styleFor } from "../render.ts";

type AskFlags = { db?: string; json?: boolean; stdin?: boolean; conversation?: boolean };

export function registerAsk(program: Command, context: () => CliContext): void {
  program
    .command("ask")
    .description("Answer a question from the library, citing the papers used")
    .argument("[question]", 'e.g. "which papers cover KV cache compression?"')
    .option(...dbOption)
    .option("--json", 'print {"question","found","partial"?,"answer","citations":[{"n","id","title","url"}]}')
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
          // One question at a time, "more" has no thread to go on: the search command lists the rest.
          human: (reply, text) => replyText(thread ? reply : oneShot(reply, text), styleFor(ctx.stdout)),
        });
      });
    });
}

/**
 * A reply read once, with no thread to answer in: "more" and "reply with a number" have nothing to go on, so the
 * note names the command that lists the rest, and the closest papers are not offered to open by number.
 */
function oneShot(reply: Reply, question: string): Reply {
  const text = reply.text.replaceAll(OPEN_BY_NUMBER, "");
  return { ...reply, text, notes: reply.notes.map((note) => (note === MORE_CLOSE ? moreClose(question) : note)) };
}

/** Where the rest are: the search command with the question, which a long question would bury in the note. */
function moreClose(question: string): string {
  return question.length <= 80 ? `More papers rank close to these: paperbot search "${question}" lists them.` : "More papers rank close to these: paperbot search, with the same question, lists them.";
}

export function toJson(question: string, reply: Reply) {
  return {
    question,
    found: reply.found,
    ...(reply.partial && { partial: true }),
    answer: reply.text,
    citations: reply.citations.map(({ n, id, title, url }) => ({ n, id, title, url })),
    ...(reply.notes.length > 0 && { notes: reply.notes }),
  };
}
