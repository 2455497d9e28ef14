/**
 * What `paperbot stats` reports: how big the library is, what it spans, where
 * its papers came from, which embedder built it, when a live fetch last
 * added papers, and who gets a digest. Computed from a column projection of
 * the papers table, so it reads no vectors.
 */
import { basename } from "node:path";
import type { Subscription } from "../digest/types.ts";
import type { LancePaperStore } from "../store/lance/lance-store.ts";
import { paperFacts, readSubscriptions, type PaperFacts } from "../store/lance/library-stats.ts";

export type LibraryStats = {
  library: string;
  papers: number;
  dated: { earliest: string | null; latest: string | null; undated: number };
  byMonth: { month: string; papers: number }[];
  bySource: { source: string; papers: number }[];
  embedder: { name: string; dims: number } | null;
  lastAdded: string | null;
  /** When a live fetch (Hugging Face or arXiv) last added a paper; null if none ever did. */
  lastFetch: { at: string; source: string } | null;
  subscriptions: Subscription[];
};

/** Saved pages and JSON Lines files record their path; the APIs record a name. */
function sourceKind(source: string): string {
  if (source.startsWith("huggingface:")) return "Hugging Face API";
  if (source === "arxiv" || source.startsWith("arxiv:")) return "arXiv API";
  return `file ${basename(source)}`;
}

const isFetched = (source: string) => !sourceKind(source).startsWith("file ");

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const latest = (values: string[]) => values.reduce<string | null>((max, value) => (max === null || value > max ? value : max), null);

export function libraryStats(library: string, facts: PaperFacts[], embedder: { embedder: string; dims: number } | undefined, subscriptions: Subscription[]): LibraryStats {
  const dates = facts.flatMap((paper) => (paper.publishedAt ? [paper.publishedAt] : [])).sort();
  const months = countBy(facts.filter((paper) => paper.publishedAt), (paper) => paper.publishedAt!.slice(0, 7));
  const sources = countBy(facts, (paper) => sourceKind(paper.source));
  const fetched = facts.filter((paper) => isFetched(paper.source)).sort((a, b) => b.addedAt.localeCompare(a.addedAt));
  return {
    library,
    papers: facts.length,
    dated: { earliest: dates[0] ?? null, latest: dates.at(-1) ?? null, undated: facts.length - dates.length },
    byMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, papers]) => ({ month, papers })),
    bySource: [...sources].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([source, papers]) => ({ source, papers })),
    embedder: embedder ? { name: embedder.embedder, dims: embedder.dims } : null,
    lastAdded: latest(facts.map((paper) => paper.addedAt)),
    lastFetch: fetched[0] ? { at: fetched[0].addedAt, source: sourceKind(fetched[0].source) } : null,
    subscriptions,
  };
}

/** The stats of an open library, from read-only queries (nothing is created): for `paperbot stats`, and chat's `stats` and App Home. */
export async function readLibraryStats(store: LancePaperStore, library: string): Promise<LibraryStats> {
  return libraryStats(library, await paperFacts(store.table), await store.builtWith(), await readSubscriptions(store.connection));
}

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
  lines.push("", stats.subscriptions.length === 0 ? "Digest subscriptions: none (paperbot digest subscribe --channel slack:<id>)" : "Digest subscriptions:");
  for (const sub of stats.subscriptions) lines.push(`  ${sub.channel}  ${sub.time} ${sub.timeZone}${sub.topic ? `  topic: ${sub.topic}` : ""}${sub.lastDate ? `  last digest: ${sub.lastDate}` : ""}`);
  return `${lines.join("\n")}\n`;
}
