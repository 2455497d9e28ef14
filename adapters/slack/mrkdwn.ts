/** Slack's limits for one section block's text, and for blocks in one message. */
export const SECTION_LIMIT = 3_000;
export const BLOCK_LIMIT = 50;

/**
 * The core's Markdown as Slack mrkdwn: `**bold**` becomes `*bold*`,
 * `[text](url)` becomes `<url|text>`, and `&`, `<`, `>` are escaped as
 * Slack requires. Backslash escapes have no mrkdwn equivalent and are dropped.
 */
export function toMrkdwn(markdown: string): string {
  const links: string[] = [];
  const withoutLinks = markdown.replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, (_match, text: string, url: string) => {
    links.push(`<${url}|${escape(text.replace(/\\([\\*_`[\]])/g, "$1")).replace(/\|/g, "¦")}>`);
    return `\u0000${links.length - 1}\u0000`;
  });
  return escape(withoutLinks)
    .replace(/\*\*(.+?)\*\*/g, "*$1*")
    .replace(/\\([\\*_`[\]])/g, "$1")
    .replace(/\u0000(\d+)\u0000/g, (_match, index: string) => links[Number(index)]!);
}

export function link(url: string, text: string): string {
  return `<${url}|${escape(text).replace(/\|/g, "¦")}>`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Splits text into pieces of at most `limit` characters, at line breaks where possible, then at spaces. */
export function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    current = line;
    while (current.length > limit) {
      const cut = current.lastIndexOf(" ", limit) > limit / 2 ? current.lastIndexOf(" ", limit) : limit;
      pieces.push(current.slice(0, cut));
      current = current.slice(cut).trimStart();
    }
  }
  if (current) pieces.push(current);
  return pieces;
}
