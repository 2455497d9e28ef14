import { contentTerms, words } from "../embed/tokens.ts";
import type { Library } from "../library/library.ts";
import { normalizeTitle } from "../papers/paper.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { dayIn } from "./days.ts";
import { bulkImportsWithin, type ImportBatch, importBatches, importLogId, isBulk, newsDates } from "./imports.ts";

/** A paper chosen by a topic must rank this high for the topic and contain this share of its words. */
const TOPIC_RANK = 50;
const TOPIC_MATCH = 0.5;

export type Selection = {
  papers: { paper: StoredPaper; why?: string }[];
  candidates: StoredPaper[];
  skipped: number;
  /** How many papers qualified before the limit cut the list. */
  total: number;
  /** Bulk imports of these days not yet announced to the channel. */
  imports: ImportBatch[];
};

/**
 * The papers of the days `from`..`to`: those published or featured on one
 * of them, and undated papers on the day the library added them (in the
 * channel's time zone), unless a bulk import brought them: an archive
 * loaded today is not today's news. Papers a channel already got are left
 * out; the rest are ranked by upvotes, then by how well they match the
 * topic, then recency. A topic keeps only papers that the topic's search
 * ranks high and that share enough of its words, and says which.
 */
export async function selectPapers(
  library: Library,
  options: { from: string; to: string; timeZone: string; limit: number; topic?: string; exclude: Set<string>; today: Date; recentDays: number },
): Promise<Selection> {
  const within = (day: string) => day >= options.from && day <= options.to;
  const all = await library.papers();
  const batches = importBatches(all, options.recentDays);
  // The day a paper is news in this digest: its latest date within the range, or for an undated paper outside a bulk import, the day it was added.
  const newsDay = (paper: StoredPaper): string | undefined => {
    const dates = newsDates(paper);
    if (dates.length > 0) return dates.filter(within).sort().at(-1);
    const added = dayIn(options.timeZone, new Date(paper.addedAt));
    return within(added) && !isBulk(batches.get(paper.addedAt)) ? added : undefined;
  };
  const days = new Map(all.flatMap((paper) => { const day = newsDay(paper); return day ? [[paper.id, day] as const] : []; }));
  const candidates = all.filter((paper) => days.has(paper.id));
  const fresh = candidates.filter((paper) => !options.exclude.has(paper.id) && !options.exclude.has(normalizeTitle(paper.title)));
  let chosen: { paper: StoredPaper; why?: string; rank?: number }[] = fresh.map((paper) => ({ paper }));
  if (options.topic) chosen = await onTopic(library, options.topic, fresh, options.today);
  chosen.sort(
    (a, b) =>
      b.paper.upvotes - a.paper.upvotes ||
      (a.rank ?? 0) - (b.rank ?? 0) ||
      days.get(b.paper.id)!.localeCompare(days.get(a.paper.id)!) ||
      b.paper.addedAt.localeCompare(a.paper.addedAt) ||
      a.paper.title.localeCompare(b.paper.title),
  );
  const imports = bulkImportsWithin(batches, options).filter((batch) => !options.exclude.has(importLogId(batch)));
  return { papers: chosen.slice(0, options.limit).map(({ paper, why }) => ({ paper, ...(why && { why }) })), candidates, skipped: candidates.length - fresh.length, total: chosen.length, imports };
}

async function onTopic(library: Library, topic: string, papers: StoredPaper[], today: Date): Promise<{ paper: StoredPaper; why: string; rank: number }[]> {
  const result = await library.search(topic, { k: TOPIC_RANK, today });
  const ranked = new Map(result.results.map((hit, index) => [hit.paper.id, index]));
  const wanted = [...new Set([...words(result.query.topic), ...result.fieldTerms])].filter((word) => contentTerms(word).length > 0);
  return papers.flatMap((paper) => {
    if (!ranked.has(paper.id)) return [];
    const present = new Set(contentTerms(`${paper.title} ${paper.abstract}`));
    const matched = wanted.filter((word) => contentTerms(word).every((term) => present.has(term)));
    const topicWords = words(result.query.topic).filter((word) => contentTerms(word).length > 0);
    const share = topicWords.filter((word) => matched.includes(word)).length / Math.max(topicWords.length, 1);
    if (share < TOPIC_MATCH && matched.length < 2) return [];
    // Said in the topic's own words: the field terms are stems ("kei", "valu" for "key value").
    const said = topicWords.filter((word) => matched.includes(word)).slice(0, 4);
    return [{ paper, why: said.length > 0 ? `matches your topic: ${said.join(", ")}` : "matches your topic", rank: ranked.get(paper.id)! }];
  });
}
