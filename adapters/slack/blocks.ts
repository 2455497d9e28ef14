import { paperByline, unshownLine, type ChatResponse, type PaperCard } from "../../src/chat/response.ts";
import { digestHeading, digestLines } from "../../src/digest/render.ts";
import type { Digest } from "../../src/digest/types.ts";
import { buttonBlocks } from "./buttons.ts";
import { BLOCK_LIMIT, link, neutralizeMentions, plainText, SECTION_LIMIT, splitText, toMrkdwn } from "./mrkdwn.ts";

export type SlackBlock = Record<string, unknown>;
export type SlackMessage = { text: string; blocks: SlackBlock[] };

const section = (text: string): SlackBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const context = (text: string): SlackBlock => ({ type: "context", elements: [{ type: "mrkdwn", text: text.slice(0, SECTION_LIMIT) }] });
const SHORTENED = context("(Shortened to fit Slack's message limits.)");
/** Slack's cap on the text of the markdown blocks in one message. */
export const MARKDOWN_LIMIT = 12_000;

/**
 * The core's Markdown (answers, help, notices) as Slack's own `markdown`
 * block, which renders standard Markdown itself: emphasis, links, lists
 * and code come out as written, with no conversion to mrkdwn by hand.
 */
export function markdownBlock(markdown: string): SlackBlock {
  const note = "\n\n_(Shortened to fit Slack's message limits.)_";
  const text = markdown.length > MARKDOWN_LIMIT ? `${markdown.slice(0, MARKDOWN_LIMIT - note.length - 2)} …${note}` : markdown;
  return { type: "markdown", text: neutralizeMentions(text) };
}

/**
 * A response as a Slack message: Block Kit sections (at most 3,000
 * characters each, 50 blocks in all), sources as `<url|title>` links, and a
 * plain-text fallback for notifications.
 */
export function toSlackMessage(response: ChatResponse): SlackMessage {
  const { text, blocks } = withoutButtons(response);
  const buttons = buttonBlocks(response);
  // The buttons stay when the content has to be shortened to fit.
  const room = BLOCK_LIMIT - buttons.length;
  return { text, blocks: [...(blocks.length <= room ? blocks : [...blocks.slice(0, room - 1), SHORTENED]), ...buttons] };
}

function withoutButtons(response: ChatResponse): SlackMessage {
  switch (response.kind) {
    case "text":
      return message(response.markdown, [markdownBlock(response.markdown)]);
    case "digest":
      return digestMessage(response.digest);
    case "paper":
      return message(response.paper.title, cardBlocks(response.paper));
    case "choose": {
      const list = [...response.papers.map((paper, index) => `${index + 1}. ${link(paper.url, paper.title)}`), ...unshownLine(response.unshown).map(toMrkdwn)].join("\n");
      return message(`Which paper did you mean by "${response.query}"?`, sections(`Which one did you mean by *${toMrkdwn(response.query)}*?\n${list}\nPick one below, or reply with its number.`));
    }
    case "answer": {
      const { reply } = response;
      // The sources stay a mrkdwn section: a list we build, with links Slack does not unfurl inside the text.
      const blocks = [markdownBlock(reply.text)];
      if (reply.citations.length > 0) {
        blocks.push({ type: "divider" });
        blocks.push(...sections(reply.citations.map((citation) => `[${citation.n}] ${link(citation.url, citation.title)}${citation.publishedAt ? ` (${citation.publishedAt})` : ""}`).join("\n")));
      }
      if (reply.notes.length > 0) blocks.push(context(toMrkdwn(reply.notes.join(" "))));
      return message(reply.text, blocks);
    }
  }
}

function cardBlocks(paper: PaperCard): SlackBlock[] {
  const abstract = paper.abstract.length > SECTION_LIMIT - 100 ? `${paper.abstract.slice(0, SECTION_LIMIT - 101)}…` : paper.abstract;
  return [section(`*${link(paper.url, paper.title)}*`), context(toMrkdwn(paperByline(paper))), section(toMrkdwn(abstract))];
}

function sections(mrkdwn: string): SlackBlock[] {
  return splitText(mrkdwn, SECTION_LIMIT).map(section);
}

/** Keeps within the block limit, saying so when something had to go; no text in it can mention anyone. */
function message(fallback: string, blocks: SlackBlock[]): SlackMessage {
  const text = plainText(fallback.replace(/\*\*/g, "").slice(0, 300));
  const kept = blocks.length <= BLOCK_LIMIT ? blocks : [...blocks.slice(0, BLOCK_LIMIT - 1), SHORTENED];
  return { text, blocks: kept.map(withoutMentions) };
}

function withoutMentions(block: SlackBlock): SlackBlock {
  // Only text parts: an actions block's elements are buttons, added after this pass.
  const neutral = (part: { type: string; text: string }) => (typeof part.text === "string" ? { ...part, text: neutralizeMentions(part.text) } : part);
  const { text, elements } = block as { text?: string | { type: string; text: string }; elements?: { type: string; text: string }[] };
  const checked = typeof text === "string" ? neutralizeMentions(text) : text && neutral(text);
  return { ...block, ...(checked && { text: checked }), ...(elements && { elements: elements.map(neutral) }) };
}

/**
 * A digest: its heading, a bulk import's announcement beside the papers (or
 * the "no new papers" note), one section per paper, and the digest key in a
 * context line (for recovery after a crash).
 */
export function digestMessage(digest: Digest): SlackMessage {
  const items = digestLines(digest).flatMap((line) => sections(toMrkdwn(line)));
  return message(digestHeading(digest), [section(toMrkdwn(digestHeading(digest))), ...items.slice(0, BLOCK_LIMIT - 3), context(`paperbot digest ${digest.key}`)]);
}
