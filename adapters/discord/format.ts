import type { ChatResponse, PaperCard } from "../../src/chat/response.ts";

/** Discord's limit for one message's content. */
export const MESSAGE_LIMIT = 2_000;

/**
 * A response as Discord messages: Markdown with sources as masked links
 * (`<…>` keeps Discord from unfurling every one), split at line breaks into
 * messages of at most 2,000 characters.
 */
export function toDiscordMessages(response: ChatResponse): string[] {
  return splitMessage(render(response), MESSAGE_LIMIT);
}

function render(response: ChatResponse): string {
  switch (response.kind) {
    case "text":
      return response.markdown;
    case "paper":
      return card(response.paper);
    case "choose":
      return [`Which one did you mean by *${response.query}*?`, ...response.papers.map((paper, index) => `${index + 1}. [${linkText(paper.title)}](<${paper.url}>)`), "Ask again with more of its title."].join("\n");
    case "answer": {
      const { reply } = response;
      const sources = reply.citations.map((citation) => `[${citation.n}] [${linkText(citation.title)}](<${citation.url}>)${citation.publishedAt ? ` (${citation.publishedAt})` : ""}`);
      return [reply.text, ...(sources.length > 0 ? ["", "**Sources**", ...sources] : []), ...reply.notes.map((note) => `\n-# ${note}`)].join("\n");
    }
  }
}

function card(paper: PaperCard): string {
  const by = paper.authors?.join(", ") ?? paper.organization ?? (paper.authorCount ? `${paper.authorCount} authors` : undefined);
  const meta = [by, paper.publishedAt, `${paper.upvotes} upvotes`].filter(Boolean).join(" · ");
  return `**[${linkText(paper.title)}](<${paper.url}>)**\n${meta}\n\n${paper.abstract}`;
}

/** Square brackets would end a masked link's text early. */
function linkText(text: string): string {
  return text.replace(/[[\]]/g, "");
}

export function splitMessage(text: string, limit: number): string[] {
  const messages: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current) messages.push(current);
    current = line;
    while (current.length > limit) {
      const space = current.lastIndexOf(" ", limit);
      const cut = space > limit / 2 ? space : limit;
      messages.push(current.slice(0, cut));
      current = current.slice(cut).trimStart();
    }
  }
  if (current.trim()) messages.push(current);
  return messages;
}
