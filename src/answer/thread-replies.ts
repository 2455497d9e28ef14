import type { StoredPaper } from "../store/paper-store.ts";
import { escapeMarkdown } from "./extractive.ts";
import type { FollowUp } from "./follow-up.ts";
import { textReply } from "./list-replies.ts";
import type { Reply } from "./reply.ts";

/**
 * The replies that need nothing but the thread: a number with no list or
 * past its end, "compare them" with one paper, "which one?", "how many are
 * there?", "why?", and "back to X" when no earlier list is about X.
 */

/** The reply to a follow-up that needs nothing but the thread to answer, if it is one. */
export function sayingOnly(followUp: FollowUp): Reply | undefined {
  switch (followUp.kind) {
    case "no-list":
      return noListReply();
    case "out-of-range":
      return outOfRangeReply(followUp.count);
    case "needs-two":
      return needsTwoReply();
    case "count":
      return countReply(followUp.count, followUp.more);
    case "vague":
      return vagueReply(followUp.count);
    case "which-one":
      return whichOneReply(followUp.count, followUp.example, followUp.candidates);
    case "back":
      return followUp.turn ? undefined : noEarlierListReply(followUp.target);
    case "undated":
      return textReply(
        `${followUp.paper ? `The library has no date for **${escapeMarkdown(followUp.paper.title)}**` : "None of the papers shown has a date in the library"}, so I cannot tell which papers are newer or older. ` +
          "Ask for the topic with dates instead (`… from 2025`).",
      );
    default:
      return undefined;
  }
}

/** Said for "2" or "more" when the thread has no numbered list to refer to. */
export const NO_LIST = 'There is no numbered list here to refer to yet. Ask about a topic (or name a paper: `paper PyramidKV`); then reply with a number to open one of the papers it lists, or "more" for the next ones.';

function noListReply(): Reply {
  return textReply(NO_LIST);
}

function outOfRangeReply(count: number): Reply {
  return textReply(count === 1 ? "The list has one paper: reply with 1 to open it." : `The list has ${count} papers: reply with a number from 1 to ${count}.`);
}

/** "compare them" with one paper in view. */
function needsTwoReply(): Reply {
  return textReply("There is only one paper here to compare. Name the other (`compare PyramidKV and Keyformer`), or ask about a topic and then say `compare 1 and 2`.");
}

/** A question about one paper of several listed, none opened: which one (of `candidates`, when the question narrowed it to those). */
function whichOneReply(count: number, example: string, candidates?: { n: number; paper: StoredPaper }[]): Reply {
  if (candidates) return textReply(`Which one? ${candidates.map(({ n, paper }) => `[${n}] **${escapeMarkdown(paper.title)}**`).join(" or ")}: say its number, for example \`${example}\`.`);
  return textReply(`Which of the ${count} papers listed? Say it with its number, for example \`${example}\`.`);
}

function noEarlierListReply(target: string): Reply {
  return textReply(`No earlier list in this thread is about *${escapeMarkdown(target)}*. Ask about it again, and I will search for it.`);
}

/** "how many are there?" of a list; `more`: a search it came from may hold more, less close. */
function countReply(count: number, more: boolean): Reply {
  return textReply(`The list shows ${count === 1 ? "one paper" : `${count} papers`}.${more ? ' Say "more" for further papers, each a less close match.' : ""}`);
}

/** "why?", "really?": nothing a paper's abstract answers, and what can be asked instead. */
function vagueReply(count: number): Reply {
  const example = count >= 2 ? "`what does 2 propose?`, `compare 1 and 2`" : "`what does it propose?`, `papers like it`";
  return textReply(`I can only answer from the papers' abstracts. Ask about the papers shown (${example}), or ask a new question.`);
}
