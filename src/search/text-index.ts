import { SETTINGS } from "./settings.ts";
import type { PaperTerms } from "./paper-terms.ts";

/** A weighted query term: a stemmed word, or two adjacent ones joined by a space (a phrase). */
export type QueryTerm = { term: string; weight: number };

type Postings = { docs: Int32Array; title: Uint16Array; abstract: Uint16Array };

/**
 * BM25F over every paper's title and abstract, held in memory beside the
 * snapshot: title and abstract are separate fields (a title word says more),
 * and adjacent word pairs are indexed too, so "kv cache" outranks papers that
 * only say "kv" and "cache" apart. Built once per library version from the
 * tokens the snapshot already computes.
 */
export class TextIndex {
  readonly size: number;
  readonly #postings = new Map<string, Postings>();
  readonly #titleLength: Uint16Array;
  readonly #abstractLength: Uint16Array;
  readonly #averageTitle: number;
  readonly #averageAbstract: number;

  constructor(papers: PaperTerms[]) {
    this.size = papers.length;
    this.#titleLength = new Uint16Array(papers.length);
    this.#abstractLength = new Uint16Array(papers.length);
    const building = new Map<string, { docs: number[]; title: number[]; abstract: number[] }>();
    papers.forEach((paper, doc) => {
      const counts = new Map<string, [number, number]>();
      const count = (term: string, field: 0 | 1) => {
        const pair = counts.get(term) ?? [0, 0];
        pair[field]++;
        counts.set(term, pair);
      };
      const titleCount = paper.titleTerms.length;
      paper.terms.forEach((term, i) => {
        const field = i < titleCount ? 0 : 1;
        count(term, field);
        // Pairs stay within a field: a title's last word and the abstract's first are not a phrase.
        if (i + 1 < paper.terms.length && (i + 1 < titleCount) === (i < titleCount)) count(`${term} ${paper.terms[i + 1]}`, field);
      });
      this.#titleLength[doc] = Math.min(65_535, titleCount);
      this.#abstractLength[doc] = Math.min(65_535, paper.terms.length - titleCount);
      for (const [term, [title, abstract]] of counts) {
        let list = building.get(term);
        if (!list) building.set(term, (list = { docs: [], title: [], abstract: [] }));
        list.docs.push(doc);
        list.title.push(Math.min(65_535, title));
        list.abstract.push(Math.min(65_535, abstract));
      }
    });
    for (const [term, list] of building) {
      this.#postings.set(term, { docs: Int32Array.from(list.docs), title: Uint16Array.from(list.title), abstract: Uint16Array.from(list.abstract) });
    }
    this.#averageTitle = average(this.#titleLength);
    this.#averageAbstract = average(this.#abstractLength);
  }

  /** How many papers contain a term (or phrase). */
  documentFrequency(term: string): number {
    return this.#postings.get(term)?.docs.length ?? 0;
  }

  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Whether paper `doc` contains the term, in its title or abstract. */
  contains(doc: number, term: string): boolean {
    const list = this.#postings.get(term);
    return list !== undefined && binarySearch(list.docs, doc) >= 0;
  }

  /** BM25F score of every paper (a dense array indexed like the snapshot's papers). */
  scores(query: QueryTerm[]): Float64Array {
    const { k1, titleB, abstractB, titleWeight, phraseWeight } = SETTINGS.bm25;
    const scores = new Float64Array(this.size);
    for (const { term, weight } of query) {
      const list = this.#postings.get(term);
      if (!list) continue;
      const idf = this.idf(term) * weight * (term.includes(" ") ? phraseWeight : 1);
      for (let i = 0; i < list.docs.length; i++) {
        const doc = list.docs[i]!;
        const tf =
          (titleWeight * list.title[i]!) / (1 - titleB + (titleB * this.#titleLength[doc]!) / this.#averageTitle) +
          list.abstract[i]! / (1 - abstractB + (abstractB * this.#abstractLength[doc]!) / this.#averageAbstract);
        scores[doc]! += (idf * tf * (k1 + 1)) / (tf + k1);
      }
    }
    return scores;
  }
}

function average(values: Uint16Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return Math.max(1, sum / Math.max(1, values.length));
}

function binarySearch(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else if (sorted[middle]! > value) high = middle - 1;
    else return middle;
  }
  return -1;
}
