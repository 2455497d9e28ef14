import type { StoredPaper } from "../store/paper-store.ts";
import type { Ranked } from "./fusion.ts";
import { orderScore } from "./listing.ts";
import { questionPairs } from "./query-terms.ts";
import type { PaperOrder, Setting } from "./question.ts";
import type { SearchHit } from "./search-result.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { searchStem } from "./stem.ts";
import type { QueryTerm } from "./text-index.ts";
import { topK } from "./top-k.ts";

/** From ranked places in the snapshot to the papers an answer shows: read, reordered, limited. */

export type Judged = Ranked & { relevant: boolean };

/** The papers at these places, read from the store, as hits in the same order (any gone since are left out). */
export async function hitsOf(snapshot: LibrarySnapshot, entries: Judged[]): Promise<SearchHit[]> {
  const papers = new Map((await snapshot.papers(entries.map((entry) => entry.doc))).map((paper) => [paper.id, paper]));
  return entries.flatMap((entry) => {
    const paper = papers.get(snapshot.docs.ids.at(entry.doc));
    return paper ? [{ paper, score: entry.score, relevant: entry.relevant }] : [];
  });
}

/** "Newest papers on X": the papers judged relevant in the order asked, ahead of the rest as ranked. */
export function inOrder(entries: Judged[], snapshot: LibrarySnapshot, order: PaperOrder, most = SETTINGS.answer.maxPapers): Judged[] {
  const relevant = entries.filter((entry) => entry.relevant).sort((a, b) => orderScore(snapshot.docs, b.doc, order) - orderScore(snapshot.docs, a.doc, order));
  // The first few in that order are cited (as many as asked: "top 10 kv cache papers"); the rest on the topic are listed after them, as ranked.
  const cited = relevant.slice(0, most);
  return [...cited, ...entries.filter((entry) => !cited.includes(entry)).map((entry) => ({ ...entry, relevant: false }))];
}

/** The best papers by BM25F that pass the filters, best first. */
export function topLexical(snapshot: LibrarySnapshot, terms: QueryTerm[], allowed: ((doc: number) => boolean) | undefined): Ranked[] {
  return topK(snapshot.text.scores(terms), SETTINGS.candidates, allowed);
}

/** Query by example: the words that most distinguish the paper from the rest of the library. */
export function exampleTerms(snapshot: LibrarySnapshot, paper: StoredPaper, likeIn?: Setting): QueryTerm[] {
  const words = snapshot.distinguishingTerms([paper], SETTINGS.example.terms, "").map((term) => ({ term, weight: 1 }));
  // Its title's phrases that other papers use too ("information bottleneck" of "Cauchy-Schwarz Divergence Information
  // Bottleneck"): a paper sharing the phrase shares the topic, one sharing "bottleneck" alone may not.
  const shared = questionPairs(paper.title).filter((pair) => snapshot.text.documentFrequency(pair) >= 2);
  const rarest = shared.sort((a, b) => snapshot.text.idf(b) - snapshot.text.idf(a)).slice(0, SETTINGS.example.titlePairs);
  // "papers like Swin but for convnets": the setting's words weigh as much as the example's few rarest together.
  const setting = (likeIn?.words ?? []).map((word) => ({ term: searchStem(word), weight: SETTINGS.example.settingWeight }));
  return [...words, ...rarest.map((term) => ({ term, weight: 1 })), ...setting];
}

/** "top 3 papers on X": the first `count` papers judged relevant are cited; the rest stay listed below them. */
export function citingAtMost(hits: SearchHit[], count: number): SearchHit[] {
  let cited = 0;
  return hits.map((hit) => (hit.relevant && ++cited > count ? { ...hit, relevant: false } : hit));
}
