import type { StoredPaper } from "../store/paper-store.ts";
import { readableAbstract, oneLine } from "../papers/text.ts";
import { fillTemplate } from "../prompt-templates.ts";

/** The fixed reply that means "the evidence does not answer this"; the prompt asks for it word for word. */
export const CANNOT_ANSWER = "I cannot answer this from the papers in the library.";

/**
 * Chat messages for an answer: the rules as the system message, the
 * numbered evidence and question as the user's. The evidence is numbered
 * [1], [2], ...; an abstract's own "[2]" would read as one of those
 * numbers, so its reference markers are removed first.
 */
export function answerMessages(question: string, evidence: StoredPaper[], history: string[]): { role: "system" | "user"; content: string }[] {
  const numbered = evidence
    .map((paper, index) => `[${index + 1}] ${oneLine(readableAbstract(paper.title))}${paper.publishedAt ? ` (${paper.publishedAt})` : ""}\nAbstract: ${oneLine(readableAbstract(paper.abstract))}`)
    .join("\n\n");
  const earlier = history.length > 0 ? `Earlier in this conversation:\n${history.join("\n")}\n\n` : "";
  return [
    { role: "system", content: fillTemplate("answer.system.md", { sentinel: CANNOT_ANSWER }) },
    { role: "user", content: fillTemplate("answer.user.md", { history: earlier, evidence: numbered, question: oneLine(question) }) },
  ];
}
