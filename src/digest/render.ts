import { escapeMarkdown } from "../answer/extractive.ts";
import type { Digest, DigestItem } from "./types.ts";

/** The digest as Markdown, for platforms without richer layout (and as their fallback text). */
export function digestMarkdown(digest: Digest): string {
  return [digestHeading(digest), ...(digest.items.length > 0 ? digest.items.map(itemMarkdown) : [emptyNote(digest)])].join("\n");
}

export function digestHeading(digest: Digest): string {
  const days = digest.from === digest.to ? digest.to : `${digest.from} to ${digest.to}`;
  const topic = digest.topic ? ` on *${escapeMarkdown(digest.topic)}*` : "";
  const catchUp = digest.from !== digest.to ? " (catching up)" : "";
  return `**New papers${topic}, ${days}**${catchUp}`;
}

export function itemMarkdown(item: DigestItem, index: number): string {
  const meta = [item.publishedAt, item.upvotes > 0 ? `▲ ${item.upvotes}` : undefined].filter(Boolean).join(", ");
  const why = item.why ? `\n   _${escapeMarkdown(item.why)}_` : "";
  return `${index + 1}. **[${escapeMarkdown(item.title)}](${item.url})**${meta ? ` (${meta})` : ""}: ${escapeMarkdown(item.summary)}${why}`;
}

/** Never silently nothing: says since when, and what was searched. */
export function emptyNote(digest: Digest): string {
  const since = digest.since ? `No new papers since ${digest.since}` : `No new papers for ${digest.from === digest.to ? digest.to : `${digest.from} to ${digest.to}`}`;
  const range = digest.coverage.earliest && digest.coverage.latest ? ` (publication dates ${digest.coverage.earliest} to ${digest.coverage.latest})` : "";
  const topic = digest.topic ? ` on ${escapeMarkdown(digest.topic)}` : "";
  return `${since}${topic}. I searched ${digest.coverage.papers} papers${range}.`;
}
