import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { StoredPaper } from "../store/paper-store.ts";
import { oneLine } from "../papers/text.ts";
import { neutralizeReferenceMarkers } from "./markers.ts";

/** The fixed reply that means "the evidence does not answer this"; the prompt asks for it word for word. */
export const CANNOT_ANSWER = "I cannot answer this from the papers in the library.";

const PROMPTS_DIR = join(import.meta.dirname, "..", "..", "prompts");

function template(name: string): string {
  return readFileSync(join(PROMPTS_DIR, name), "utf8");
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => values[key] ?? "");
}

/** A template from `prompts/` with its `{{placeholders}}` filled. */
export function fillTemplate(name: string, values: Record<string, string>): string {
  return fill(template(name), values);
}

/**
 * Chat messages for an answer: the rules as the system message, the
 * numbered evidence and question as the user's. The evidence is numbered
 * [1], [2], ...; an abstract's own "[2]" would read as one of those
 * numbers, so its reference markers are removed first.
 */
export function answerMessages(question: string, evidence: StoredPaper[], history: string[]): { role: "system" | "user"; content: string }[] {
  const numbered = evidence
    .map((paper, index) => `[${index + 1}] ${oneLine(neutralizeReferenceMarkers(paper.title))}${paper.publishedAt ? ` (${paper.publishedAt})` : ""}\nAbstract: ${oneLine(neutralizeReferenceMarkers(paper.abstract))}`)
    .join("\n\n");
  const earlier = history.length > 0 ? `Earlier in this conversation:\n${history.join("\n")}\n\n` : "";
  return [
    { role: "system", content: fill(template("answer.system.md"), { sentinel: CANNOT_ANSWER }) },
    { role: "user", content: fill(template("answer.user.md"), { history: earlier, evidence: numbered, question: oneLine(question) }) },
  ];
}
