import { escapeMarkdown } from "../answer/extractive.ts";
import { datesSearched } from "../answer/not-found.ts";
import type { Digest, DigestItem, ImportNote } from "./types.ts";
import { counted } from "../answer/counted.ts";

/** The digest as Markdown, for platforms without richer layout (and as their fallback text). */
export function digestMarkdown(digest: Digest): string {
  return [digestHeading(digest), ...digestLines(digest)].join("\n");
}

/**
 * Everything under the heading: the import announcement, then the papers,
 * or the "no new papers" note (which carries the announcement itself, so
 * renderers that show only items or the note still show it).
 */
export function digestLines(digest: Digest): string[] {
  if (digest.items.length === 0) return [emptyNote(digest)];
  const announcement = importAnnouncement(digest, true);
  return [...(announcement ? [announcement] : []), ...digest.items.map(itemMarkdown)];
}

export function digestHeading(digest: Digest): string {
  const days = daysCovered(digest);
  const topic = digest.topic ? ` on *${escapeMarkdown(digest.topic)}*` : "";
  // A first digest spans a week because it is the first, not because days were missed.
  const span = digest.from === digest.to ? "" : digest.first ? " (the past week)" : " (catching up)";
  const more = digest.more ? ` (top ${digest.items.length} of ${digest.items.length + digest.more})` : "";
  return `**New papers${topic}, ${days}**${span}${more}`;
}

/** "2026-03-04", or "2026-03-01 to 2026-03-04" for a digest of several days. */
function daysCovered(digest: Pick<Digest, "from" | "to">): string {
  return digest.from === digest.to ? digest.to : `${digest.from} to ${digest.to}`;
}

export function itemMarkdown(item: DigestItem, index: number): string {
  const meta = [item.publishedAt, item.upvotes > 0 ? `▲ ${item.upvotes}` : undefined].filter(Boolean).join(", ");
  const why = item.why ? `\n   _${escapeMarkdown(item.why)}_` : "";
  return `${index + 1}. **[${escapeMarkdown(item.title)}](${item.url})**${meta ? ` (${meta})` : ""}: ${escapeMarkdown(item.summary)}${why}`;
}

/** Never silently nothing: says since when, what was searched, and how recent the newest paper is. */
export function emptyNote(digest: Digest): string {
  const days = daysCovered(digest);
  const topic = digest.topic ? ` on ${escapeMarkdown(digest.topic)}` : "";
  const none = digest.since ? `No new papers${topic} since ${digest.since}` : digest.first && digest.from !== digest.to ? `No papers${topic} published in the past week (${days})` : `No new papers${topic} for ${days}`;
  const announcement = importAnnouncement(digest, false);
  // The announcement has just given the import's dates: the same range again would only repeat it.
  const range = announcement ? "" : datesSearched(digest.coverage);
  return `${announcement ? `${announcement}\n` : ""}${none}. I searched ${counted(digest.coverage.papers, "paper")}${range}.`;
}

/**
 * "The library now has 387 papers: …": said once per import, instead of listing an archive as the day's news.
 * `listing`: the digest lists the few of them published within its days, which the announcement must not deny.
 */
function importAnnouncement(digest: Digest, listing: boolean): string | undefined {
  if (!digest.imports || digest.imports.length === 0) return undefined;
  const added = digest.imports.map(importLine).join("; ");
  const which = listing ? "Only those published in these days are listed here" : "They are not new, so they are not listed here";
  return `The library now has ${digest.coverage.papers} papers: ${added}. ${which}; ask me about any of them.`;
}

function importLine(note: ImportNote): string {
  const dates = note.earliest && note.latest ? `published ${note.earliest} to ${note.latest}` : undefined;
  const undated = note.undated > 0 ? `${note.undated} without a date` : undefined;
  const detail = [dates, undated].filter(Boolean).join(", ");
  return `${note.papers} came in on ${note.day}${detail ? ` (${detail})` : ""}`;
}
