/**
 * What the library holds, for `paperbot stats`, chat's `stats` and a chat app's
 * home view: how big the library is, what it spans, where
 * its papers came from, which embedder built it, when a live fetch last
 * added papers, and who gets a digest. Computed from a column projection of
 * the papers table, so it reads no vectors.
 */
import { basename } from "node:path";
import type { LancePaperStore } from "../store/lance/lance-store.ts";
import { paperFacts, readSubscriptions, type PaperFacts } from "../store/lance/library-stats.ts";

/** Digest subscriptions as the store reads them (the digest folder depends on the library, not the other way round). */
type Subscription = Awaited<ReturnType<typeof readSubscriptions>>[number];

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
