/**
 * Text as one line: APIs wrap titles and abstracts at fixed width with runs
 * of spaces, and prompts keep each paper to one paragraph.
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
