import { COMPARATIVE } from "../search/compared.ts";
import { shiftDay } from "../search/time-phrases.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { paperInView, searchedTopic, type Turn } from "./conversations.ts";
import type { FollowUp } from "./follow-up.ts";
import { asksForCode } from "./list-replies.ts";
import type { ThreadAct } from "./thread-acts.ts";

/* What a follow-up does with the papers a thread shows: compare a few, ask of a few, or act on the thread (threadAct). */

/** How many listed papers "compare them" or "what are the results?" takes: a few, to stay readable. */
export const FEW = 3;

/** "which ones use RL?" keeps the papers on RL; "which uses less memory?" asks the papers compared, as "which is faster?" does. */
const COMPARING = new RegExp(String.raw`^${COMPARATIVE}`);
export function narrowOrCompare(topic: string, listed: StoredPaper[]): FollowUp {
  return COMPARING.test(topic) ? { kind: "compare", papers: listed.slice(0, FEW), of: listed.length } : { kind: "narrow", topic, papers: listed };
}

/** The papers a question about "them" reads: the first few, or for code links (a line each) all of them. */
export function firstFew(listed: StoredPaper[], text: string): StoredPaper[] {
  return asksForCode(text) ? listed : listed.slice(0, FEW);
}

/** What a topicless message (threadAct) does with the thread: its open paper, its list, or its topic at other dates. */
export function actOnThread(act: ThreadAct, text: string, previous: Turn | undefined): FollowUp {
  const listed = previous?.papers ?? [];
  const one = paperInView(previous);
  if (!previous || (listed.length === 0 && !one)) return { kind: "no-list" };
  switch (act) {
    case "count":
      // "how many authors does it have?" asks who wrote the paper in view (or the papers listed), not for a count of papers.
      if (/\bauthors?\b/.test(text)) return one ? { kind: "pick", paper: one } : { kind: "about", papers: firstFew(listed, text), of: listed.length };
      // "how many are there?" after a search asks how many the library has on it; "how many of those?" asks of the list.
      const topic = searchedTopic(previous);
      if (topic && !/\b(?:those|these|them|listed|shown)\b/.test(text)) return { kind: "refine", question: `how many papers on ${topic}`, filters: previous.filters };
      return { kind: "count", count: listed.length, more: previous.source !== undefined };
    case "popular":
      // "how many upvotes does it have?" of the paper in view is its card; of a list, the list by upvotes.
      // ("which of those is most upvoted?" asks it of the list, whichever paper was open before it.)
      const ofList = /\b(?:those|these|them|they)\b/.test(text) && listed.length >= 2;
      if (!ofList && (previous.focus || listed.length < 2)) return one ? { kind: "pick", paper: one } : { kind: "no-list" };
      return { kind: "order", by: "upvotes", papers: listed };
    case "vague":
      return { kind: "vague", count: listed.length };
    case "compare":
      if (listed.length >= 2) return { kind: "compare", papers: listed.slice(0, FEW), of: listed.length };
      return { kind: "needs-two" };
    case "citing":
      return one ? { kind: "similar", paper: one, citing: true } : { kind: "which-one", count: listed.length, example: "papers like 2" };
    case "about":
      return one ? { kind: "pick", paper: one } : { kind: "about", papers: firstFew(listed, text), of: listed.length };
    case "older":
    case "newer": {
      const by = act === "older" ? "oldest" : "newest";
      // "which is older?" orders the list; "anything older?" asks the topic again, before the oldest paper shown.
      // With one paper in view and no search behind the list, its topic is the papers like it, before (after) it.
      // The paper a question named or the thread opened ("what is DistServe?") is the one in view, whatever else was listed.
      const alone = previous.focus ?? (!previous.source || previous.source.example ? one : undefined);
      if (alone && !/^which\b/.test(text) && !alone.publishedAt) return { kind: "undated", paper: alone };
      // …but a paper opened from a list on a topic ("summarize 3" after "recsys papers") leaves the topic as it was.
      const topical = previous.source && !previous.source.example ? previous.source.question : undefined;
      const openedFromList = previous.focus !== undefined && topical !== undefined && previous.question !== topical;
      const searched = alone && !openedFromList ? `papers similar to ${alone.title}` : topical;
      const dates = (alone ? [alone] : listed).flatMap((paper) => paper.publishedAt ?? []).sort();
      const edge = act === "older" ? dates[0] : dates.at(-1);
      if (/^which\b/.test(text) || !searched) return listed.length > 0 ? { kind: "order", by, papers: listed } : { kind: "no-list" };
      if (!edge) return one ? { kind: "undated", paper: one } : { kind: "undated" };
      // Any dates the topic was first asked with give way: "older" than a 2024 list reaches before 2024.
      return { kind: "refine", question: searched, filters: act === "older" ? { from: undefined, to: shiftDay(edge, -1) } : { from: shiftDay(edge, 1), to: undefined } };
    }
  }
}
