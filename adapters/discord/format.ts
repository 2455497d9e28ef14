import { paperByline, unshownLine, type ChatResponse, type PaperCard } from "../../src/chat/response.ts";
import { splitText } from "../../src/chat/split.ts";
import { digestHeading, digestLines } from "../../src/digest/render.ts";
import type { Digest } from "../../src/digest/types.ts";

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
    case "digest":
      return [digestHeading(response.digest), ...maskedDigestLines(response.digest)].join("\n");
    case "paper":
      return card(response.paper);
    case "choose":
      return [`Which one did you mean by *${response.query}*?`, ...response.papers.map((paper, index) => `${index + 1}. [${linkText(paper.title)}](<${paper.url}>)`), ...unshownLine(response.unshown), "Pick one below, or reply with its number."].join("\n");
    case "answer": {
      const { reply } = response;
      const sources = reply.citations.map((citation) => `[${citation.n}] [${linkText(citation.title)}](<${citation.url}>)${citation.publishedAt ? ` (${citation.publishedAt})` : ""}`);
      return [reply.text, ...(sources.length > 0 ? ["", "**Sources**", ...sources] : []), ...reply.notes.map((note) => `\n-# ${note}`)].join("\n");
    }
  }
}

function card(paper: PaperCard): string {
  return `**[${linkText(paper.title)}](<${paper.url}>)**\n${paperByline(paper)}\n\n${paper.abstract}`;
}

/** Square brackets would end a masked link's text early. */
function linkText(text: string): string {
  return text.replace(/[[\]]/g, "");
}

/** Discord messages are split like any capped text. */
export const splitMessage = splitText;

/** Discord's limits for one embed's description, and for all embeds of one message. */
const EMBED_DESCRIPTION_LIMIT = 4_096;
const EMBEDS_TOTAL_LIMIT = 6_000;

export type DiscordEmbed = { title?: string; description: string; color?: number; footer?: { text: string } };

/** The announcement of a bulk import (if any) and the papers, with masked links that do not unfurl, as in answers. */
function maskedDigestLines(digest: Digest): string[] {
  return digestLines(digest).map((line) => line.replace(/\]\((https?:[^)]+)\)/, "](<$1>)"));
}

/**
 * A digest as Discord messages of embeds: the heading as the first embed's
 * title, a bulk import's announcement and the items in descriptions of at most 4,096 characters, at most 6,000
 * characters of embeds per message, and the digest key in the last footer.
 */
export function digestEmbeds(digest: Digest): DiscordEmbed[][] {
  const descriptions = splitMessage(digestLines(digest).join("\n"), EMBED_DESCRIPTION_LIMIT);
  const embeds: DiscordEmbed[] = descriptions.map((description, index) => ({ ...(index === 0 && { title: digestHeading(digest).replace(/\*\*/g, "").slice(0, 256) }), description, color: 0x5865f2 }));
  embeds.at(-1)!.footer = { text: `paperbot digest ${digest.key}` };
  const messages: DiscordEmbed[][] = [[]];
  let size = 0;
  for (const embed of embeds) {
    const length = embed.description.length + (embed.title?.length ?? 0) + (embed.footer?.text.length ?? 0);
    if (size + length > EMBEDS_TOTAL_LIMIT || messages.at(-1)!.length === 10) {
      messages.push([]);
      size = 0;
    }
    messages.at(-1)!.push(embed);
    size += length;
  }
  return messages;
}
