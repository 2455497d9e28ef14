/** `paperbot stats` as text for a terminal. */
import type { LibraryStats } from "../library/stats.ts";

/** Months as a small bar chart, most recent last: the 24 latest months that have papers, earlier ones summed. */
export function describeStats(stats: LibraryStats): string {
  if (stats.papers === 0) return `The library at ${stats.library} is empty. Add papers with: paperbot ingest data/samples\n`;
  const lines = [`${stats.papers} papers in ${stats.library}`];
  const span = stats.dated.earliest ? `published ${stats.dated.earliest} to ${stats.dated.latest}` : "no publication dates";
  lines.push(`  ${span}${stats.dated.undated > 0 ? `; ${stats.dated.undated} without a date` : ""}`);
  lines.push(`  embedder: ${stats.embedder ? `${stats.embedder.name} (${stats.embedder.dims} dimensions)` : "unknown"}`);
  lines.push(`  last added: ${stats.lastAdded ?? "never"}; last live fetch: ${stats.lastFetch ? `${stats.lastFetch.at} (${stats.lastFetch.source})` : "never (paperbot fetch hf|arxiv)"}`);
  lines.push("", "By source:", ...stats.bySource.map(({ source, papers }) => `  ${String(papers).padStart(6)}  ${source}`));
  if (stats.byMonth.length > 0) {
    const shown = stats.byMonth.slice(-24);
    const earlier = stats.byMonth.slice(0, -24).reduce((sum, month) => sum + month.papers, 0);
    const widest = Math.max(...shown.map((month) => month.papers));
    lines.push("", "By month published:");
    if (earlier > 0) lines.push(`  earlier  ${String(earlier).padStart(6)}`);
    for (const { month, papers } of shown) lines.push(`  ${month}  ${String(papers).padStart(6)}  ${"#".repeat(Math.max(1, Math.round((papers / widest) * 40)))}`);
  }
  lines.push("", stats.subscriptions.length === 0 ? "Digest subscriptions: none (paperbot digest subscribe --channel <platform>:<channel id>)" : "Digest subscriptions:");
  for (const sub of stats.subscriptions) lines.push(`  ${sub.channel}  ${sub.time} ${sub.timeZone}${sub.topic ? `  topic: ${sub.topic}` : ""}${sub.lastDate ? `  last digest: ${sub.lastDate}` : ""}`);
  return `${lines.join("\n")}\n`;
}
