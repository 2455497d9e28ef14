import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The prompt templates live in `prompts/` at the project root, beside their rules, so they can be read and edited as text. */
const PROMPTS_DIR = join(import.meta.dirname, "..", "prompts");

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
