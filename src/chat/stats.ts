import { readLibraryStats, type LibraryStats } from "../library/stats.ts";
import type { LancePaperStore } from "../store/lance/lance-store.ts";

/** Where the bot reads the library's stats from; a function so tests and the console can hand in their own. */
export type StatsSource = () => Promise<LibraryStats>;

/**
 * The same read-only queries as `paperbot stats`, for `stats` in chat and
 * an adapter's home view. Nothing here creates a table, so it never races a live
 * ingest or digest to write.
 */
export function storeStats(store: LancePaperStore, library: string): StatsSource {
  return () => readLibraryStats(store, library);
}

/** How many months chat shows: a chat message is no place for a decade of bars. */
const MONTHS_SHOWN = 6;

/**
 * Stats as chat Markdown. `channel` ("chat:C1") narrows the subscriptions
 * to that conversation's, so a channel sees its own digest, not every
 * other team's topics.
 */
export function statsMarkdown(stats: LibraryStats, channel?: string): string {
  if (stats.papers === 0) return "The library is empty. Whoever runs me can add papers with `paperbot ingest data/samples` or `paperbot fetch hf`.";
  const lines = [`**${stats.papers} papers** in the library`];
  const span = stats.dated.earliest ? `published ${stats.dated.earliest} to ${stats.dated.latest}` : "no publication dates";
  lines.push(`- ${span}${stats.dated.undated > 0 ? `; ${stats.dated.undated} without a date` : ""}`);
  lines.push(`- by source: ${stats.bySource.map(({ source, papers }) => `${source} (${papers})`).join(", ")}`);
  const months = stats.byMonth.slice(-MONTHS_SHOWN);
  if (months.length > 0) lines.push(`- latest months: ${months.map(({ month, papers }) => `${month}: ${papers}`).join(", ")}`);
  lines.push(`- embedder: ${stats.embedder ? `${stats.embedder.name} (${stats.embedder.dims} dimensions)` : "unknown"}`);
  lines.push(`- last added ${stats.lastAdded ?? "never"}; last live fetch ${stats.lastFetch ? `${stats.lastFetch.at} (${stats.lastFetch.source})` : "never"}`);
  const subscriptions = channel ? stats.subscriptions.filter((sub) => sub.channel === channel) : stats.subscriptions;
  const here = channel ? "this channel's digest" : "digest subscriptions";
  if (subscriptions.length === 0) lines.push(`- ${here}: none (\`digest subscribe [topic]\` starts one)`);
  for (const sub of subscriptions) lines.push(`- ${here}: daily at ${sub.time} ${sub.timeZone}${sub.topic ? `, on ${sub.topic}` : ""}${sub.lastDate ? `, last ${sub.lastDate}` : ""}`);
  return lines.join("\n");
}
