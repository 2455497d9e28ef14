import { contentTerms, words } from "../embed/tokens.ts";
import type { Library } from "../library/library.ts";
import { normalizeTitle } from "../papers/paper.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { dayIn } from "./days.ts";

/** A paper chosen by a topic must rank this high for the topic and contain this share of its words. */
const TOPIC_RANK = 50;
const TOPIC_MATCH = 0.5;

export type Selection = { papers: { paper: StoredPaper; why?: string }[]; candidates: StoredPaper[]; skipped: number };

/**
 * The papers of the days `from`..`to`: by publication date, or for papers
 * without one, by the day the library added them (in the channel's time
 * zone). Papers a channel already got are left out; the rest are ranked by
 * upvotes, then recency. A topic keeps only papers that the topic's search
 * ranks high and that share enough of its words, and says which.
 */
export async function selectPapers(
  library: Library,
  options: { from: string; to: string; timeZone: string; limit: number; topic?: string; exclude: Set<string>; today: Date },
): Promise<Selection> {
  const within = (day: string) => day >= options.from && day <= options.to;
  const candidates = (await library.papers()).filter((paper) => (paper.publishedAt ? within(paper.publishedAt) : within(dayIn(options.timeZone, new Date(paper.addedAt)))));
  const fresh = candidates.filter((paper) => !options.exclude.has(paper.id) && !options.exclude.has(normalizeTitle(paper.title)));
  let chosen: { paper: StoredPaper; why?: string }[] = fresh.map((paper) => ({ paper }));
  if (options.topic) chosen = await onTopic(library, options.topic, fresh, options.today);
  chosen.sort((a, b) => b.paper.upvotes - a.paper.upvotes || (b.paper.publishedAt ?? b.paper.addedAt).localeCompare(a.paper.publishedAt ?? a.paper.addedAt) || a.paper.title.localeCompare(b.paper.title));
  return { papers: chosen.slice(0, options.limit), candidates, skipped: candidates.length - fresh.length };
}

async function onTopic(library: Library, topic: string, papers: StoredPaper[], today: Date): Promise<{ paper: StoredPaper; why: string }[]> {
  const result = await library.search(topic, { k: TOPIC_RANK, today });
  const ranked = new Set(result.results.map((hit) => hit.paper.id));
  const wanted = [...new Set([...words(result.query.topic), ...result.fieldTerms])].filter((word) => contentTerms(word).length > 0);
  return papers.flatMap((paper) => {
    if (!ranked.has(paper.id)) return [];
    const present = new Set(contentTerms(`${paper.title} ${paper.abstract}`));
    const matched = wanted.filter((word) => contentTerms(word).every((term) => present.has(term)));
    const topicWords = words(result.query.topic).filter((word) => contentTerms(word).length > 0);
    const share = topicWords.filter((word) => matched.includes(word)).length / Math.max(topicWords.length, 1);
    if (share < TOPIC_MATCH && matched.length < 2) return [];
    return [{ paper, why: `matches your topic: ${matched.slice(0, 4).join(", ")}` }];
  });
}
