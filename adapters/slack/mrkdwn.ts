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
    links.push(`<${safeUrl(url)}|${escape(text.replace(/\\([\\*_`[\]])/g, "$1")).replace(/\|/g, "¦")}>`);
    return `\u0000${links.length - 1}\u0000`;
  });
  return escape(withoutLinks)
    .replace(/\*\*(.+?)\*\*/g, "*$1*")
    .replace(/\\([\\*_`[\]])/g, "$1")
    .replace(/\u0000(\d+)\u0000/g, (_match, index: string) => links[Number(index)]!);
}

export function link(url: string, text: string): string {
  return `<${safeUrl(url)}|${escape(text).replace(/\|/g, "¦")}>`;
}

/** A URL cannot close its `<url|text>` link early, nor open a new one: `<`, `>`, `|` and spaces are percent-encoded. */
function safeUrl(url: string): string {
  return url.replace(/[<>|\s]/g, (character) => encodeURIComponent(character));
}

/**
 * The last pass over everything sent to Slack: no live `<!channel>`,
 * `<!here>`, `<!everyone>`, `<!subteam^…>`, `<@U…>` or `<#C…>` survives,
 * whatever text (a question, an abstract, a model's answer) it came from.
 * The bot itself never mentions anyone, so any such sequence is injected.
 */
export function neutralizeMentions(mrkdwn: string): string {
  return mrkdwn.replace(/<(?=[!@#])/g, "&lt;");
}

/** Plain text as Slack shows it (notification fallbacks): escaped, so `<!here>` reads as text. */
export function plainText(text: string): string {
  return neutralizeMentions(escape(text));
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export { splitText } from "../../src/chat/split.ts";
