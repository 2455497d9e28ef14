import type { SearchHit } from "../search/search.ts";
import type { PaperFilters } from "../store/paper-store.ts";
import { echo, escapeMarkdown } from "./extractive.ts";
import { citationOf, type Reply } from "./reply.ts";

const CLOSEST = 3;

export type Coverage = { papers: number; earliest?: string; latest?: string };

/**
 * An honest "no": the topic, what was searched (how many papers, which
 * dates), and up to three closest papers, clearly marked as not a match.
 */
export function notFoundReply(topic: string, filters: PaperFilters, coverage: Coverage, nearest: SearchHit[], notes: string[] = []): Reply {
  const closest = nearest.slice(0, CLOSEST).map((hit, index) => citationOf(index + 1, hit.paper));
  const range = coverage.earliest && coverage.latest ? ` (publication dates ${coverage.earliest} to ${coverage.latest})` : "";
  const constraint = describeFilters(filters);
  const searched = `I searched ${coverage.papers} paper${coverage.papers === 1 ? "" : "s"}${constraint}${range}.`;
  const lines = [`Nothing in the library covers **${escapeMarkdown(echo(topic))}**. ${searched}`];
  if (closest.length > 0) {
    lines.push("", "Closest, not a match:");
    lines.push(...closest.map((paper) => `- [${escapeMarkdown(paper.title)}](${paper.url})${paper.publishedAt ? ` (${paper.publishedAt})` : ""}`));
  }
  return { text: lines.join("\n"), citations: [], found: false, closest, notes };
}

function describeFilters(filters: PaperFilters): string {
  const parts: string[] = [];
  if (filters.from && filters.to) parts.push(`published ${filters.from} to ${filters.to}`);
  else if (filters.from) parts.push(`published since ${filters.from}`);
  else if (filters.to) parts.push(`published up to ${filters.to}`);
  if (filters.minUpvotes !== undefined) parts.push(`with at least ${filters.minUpvotes} upvotes`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}
