import type { Command } from "commander";
import type { FeedbackEntry } from "../../chat/feedback.ts";
import { readFeedback } from "../../state/feedback-table.ts";
import { writeJson, type CliContext } from "../context.ts";
import { withStore } from "../library.ts";
import { dbOption, parsePositiveInt } from "../options.ts";
import { counted } from "../../answer/counted.ts";

type FeedbackFlags = { db?: string; json?: boolean; limit?: number; down?: boolean };

export function registerFeedback(program: Command, context: () => CliContext): void {
  program
    .command("feedback")
    .description("List the thumbs up and down people gave the bot's answers in chat, newest first")
    .option(...dbOption)
    .option("--limit <n>", "show at most n votes", parsePositiveInt)
    .option("--down", "only the thumbs down: the answers worth a look")
    .option("--json", 'print {"up","down","votes":[{"at","vote","questionId","answerId","platform","channel","thread","user","question","answer"}]}')
    .action(async (flags: FeedbackFlags) => {
      const ctx = context();
      await withStore(ctx, flags.db, async (store) => {
        const all = await readFeedback(store.connection);
        const votes = all.filter((entry) => !flags.down || entry.vote === "down").slice(0, flags.limit);
        const up = all.filter((entry) => entry.vote === "up").length;
        if (flags.json) return writeJson(ctx.stdout, { up, down: all.length - up, votes });
        ctx.stdout.write(describeFeedback(all.length, up, votes, flags.db ?? ctx.config.db.uri));
      });
    });
}

/** One block per vote: when, which way, where, the question and answer ids, and what was asked when known. */
function describeFeedback(total: number, up: number, votes: FeedbackEntry[], db: string): string {
  if (total === 0) return `No feedback yet in ${db}. People vote with the thumbs under each answer in chat (paperbot serve).\n`;
  const lines = [`${counted(total, "vote")} in ${db}: ${up} up, ${total - up} down`, ""];
  for (const vote of votes) {
    lines.push(`${vote.at.slice(0, 16).replace("T", " ")}  ${vote.vote === "up" ? "up  " : "down"}  ${vote.channel}  by ${vote.platform}:${vote.user}`);
    lines.push(`  question ${vote.questionId}, answer ${vote.answerId}`);
    if (vote.question) lines.push(`  asked: ${oneLine(vote.question)}`);
    if (vote.answer) lines.push(`  answered: ${oneLine(vote.answer)}`);
  }
  if (votes.length < total) lines.push("", `(${votes.length} of ${total} shown; --json lists them all)`);
  return `${lines.join("\n")}\n`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}
