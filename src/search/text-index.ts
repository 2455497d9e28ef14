import type { Sections } from "../packed/index-file.ts";
import type { PaperTerms } from "./paper-terms.ts";
import { SETTINGS } from "./settings.ts";
import { StringTable } from "../packed/string-table.ts";

/** A weighted query term: a stemmed word, or two adjacent ones joined by a space (a phrase). */
export type QueryTerm = { term: string; weight: number };

/**
 * BM25F over every paper's title and abstract, held in memory beside the
 * snapshot: title and abstract are separate fields (a title word says more),
 * and adjacent word pairs are indexed too, so "kv cache" outranks papers that
 * only say "kv" and "cache" apart. Built once per library version from the
 * tokens the snapshot already computes, into flat typed arrays (one run of
 * postings per term) so that a large library costs little memory and time,
 * and loads from a cache file as it is.
 */
export class TextIndex {
  readonly size: number;
  readonly #terms: StringTable;
  /** Postings of term t are positions offsets[t] .. offsets[t+1] of docs/title/abstract. */
  readonly #offsets: Int32Array;
  readonly #docs: Int32Array;
  readonly #title: Uint16Array;
  readonly #abstract: Uint16Array;
  readonly #titleLength: Uint16Array;
  readonly #abstractLength: Uint16Array;
  readonly #averageTitle: number;
  readonly #averageAbstract: number;

  private constructor(parts: TextIndexParts) {
    this.size = parts.titleLength.length;
    this.#terms = parts.terms;
    this.#offsets = parts.offsets;
    this.#docs = parts.docs;
    this.#title = parts.title;
    this.#abstract = parts.abstract;
    this.#titleLength = parts.titleLength;
    this.#abstractLength = parts.abstractLength;
    this.#averageTitle = average(this.#titleLength);
    this.#averageAbstract = average(this.#abstractLength);
  }

  static build(papers: PaperTerms[]): TextIndex {
    return new TextIndex(buildParts(papers));
  }

  /** The arrays `sections` gave, e.g. read back from a cache file. */
  static fromSections(sections: Sections): TextIndex {
    const { termBytes, termOffsets, termSlots, offsets, docs, title, abstract, titleLength, abstractLength } = sections as {
      termBytes: Uint8Array; termOffsets: Int32Array; termSlots: Int32Array; offsets: Int32Array; docs: Int32Array;
      title: Uint16Array; abstract: Uint16Array; titleLength: Uint16Array; abstractLength: Uint16Array;
    };
    return new TextIndex({ terms: new StringTable(termBytes, termOffsets, termSlots), offsets, docs, title, abstract, titleLength, abstractLength });
  }

  sections(): Sections {
    const terms = this.#terms;
    return {
      termBytes: terms.bytes, termOffsets: terms.offsets, termSlots: terms.slots,
      offsets: this.#offsets, docs: this.#docs, title: this.#title, abstract: this.#abstract, titleLength: this.#titleLength, abstractLength: this.#abstractLength,
    };
  }

  /** How many papers contain a term (or phrase). */
  documentFrequency(term: string): number {
    const id = this.#terms.idOf(term);
    return id < 0 ? 0 : this.#offsets[id + 1]! - this.#offsets[id]!;
  }

  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Whether paper `doc` contains the term, in its title or abstract. */
  contains(doc: number, term: string): boolean {
    const id = this.#terms.idOf(term);
    return id >= 0 && binarySearch(this.#docs, this.#offsets[id]!, this.#offsets[id + 1]! - 1, doc) >= 0;
  }

  /** BM25F score of every paper (a dense array indexed like the snapshot's papers). */
  scores(query: QueryTerm[]): Float64Array {
    const { k1, titleB, abstractB, titleWeight, phraseWeight } = SETTINGS.bm25;
    const scores = new Float64Array(this.size);
    for (const { term, weight } of query) {
      const id = this.#terms.idOf(term);
      if (id < 0) continue;
      const idf = this.idf(term) * weight * (term.includes(" ") ? phraseWeight : 1);
      for (let at = this.#offsets[id]!; at < this.#offsets[id + 1]!; at++) {
        const doc = this.#docs[at]!;
        const tf =
          (titleWeight * this.#title[at]!) / (1 - titleB + (titleB * this.#titleLength[doc]!) / this.#averageTitle) +
          this.#abstract[at]! / (1 - abstractB + (abstractB * this.#abstractLength[doc]!) / this.#averageAbstract);
        scores[doc]! += (idf * tf * (k1 + 1)) / (tf + k1);
      }
    }
    return scores;
  }
}

type TextIndexParts = {
  terms: StringTable;
  offsets: Int32Array;
  docs: Int32Array;
  title: Uint16Array;
  abstract: Uint16Array;
  titleLength: Uint16Array;
  abstractLength: Uint16Array;
};

function buildParts(papers: PaperTerms[]): TextIndexParts {
  // Words are looked up by string (the stem cache hands out the same strings, hashes kept); pairs by the two
  // words' ids, so that no pair string is made until the end: building them per occurrence was most of the time.
  const wordIds = new Map<string, number>();
  const pairIds = new Map<number, number>();
  const pairs: number[] = [];
  const titleLength = new Uint16Array(papers.length);
  const abstractLength = new Uint16Array(papers.length);
  // First pass: each paper's distinct terms with their counts per field, and how many papers hold each term.
  const perPaper: { ids: Int32Array; title: Uint16Array; abstract: Uint16Array }[] = [];
  const frequency: number[] = [];
  const words: string[] = [];
  papers.forEach((paper, doc) => {
    const counts = new Map<number, number>();
    const titleCount = paper.titleTerms.length;
    // Title counts in the low 16 bits, abstract counts above.
    const add = (id: number, field: 0 | 1) => counts.set(id, (counts.get(id) ?? 0) + (field === 0 ? 1 : 65_536));
    const wordId = (term: string) => {
      let id = wordIds.get(term);
      if (id === undefined) {
        wordIds.set(term, (id = frequency.push(0) - 1));
        words[id] = term;
      }
      return id;
    };
    let previous = -1;
    paper.terms.forEach((term, i) => {
      const field = i < titleCount ? 0 : 1;
      const id = wordId(term);
      add(id, field);
      // Pairs stay within a field: a title's last word and the abstract's first are not a phrase.
      if (previous >= 0 && i !== titleCount) {
        const key = previous * PAIR_SPAN + id;
        let pair = pairIds.get(key);
        if (pair === undefined) {
          pairIds.set(key, (pair = frequency.push(0) - 1));
          pairs[pair] = key;
        }
        add(pair, field);
      }
      previous = id;
    });
    titleLength[doc] = Math.min(65_535, titleCount);
    abstractLength[doc] = Math.min(65_535, paper.terms.length - titleCount);
    const entry = { ids: new Int32Array(counts.size), title: new Uint16Array(counts.size), abstract: new Uint16Array(counts.size) };
    let i = 0;
    for (const [id, packed] of counts) {
      entry.ids[i] = id;
      entry.title[i] = Math.min(65_535, packed % 65_536);
      entry.abstract[i] = Math.min(65_535, Math.floor(packed / 65_536));
      frequency[id]!++;
      i++;
    }
    perPaper.push(entry);
  });
  const terms = frequency.map((_, id) => words[id] ?? `${words[Math.floor(pairs[id]! / PAIR_SPAN)]} ${words[pairs[id]! % PAIR_SPAN]}`);
  // Second pass: lay every term's postings out contiguously, papers in order.
  const offsets = new Int32Array(frequency.length + 1);
  for (let t = 0; t < frequency.length; t++) offsets[t + 1] = offsets[t]! + frequency[t]!;
  const total = offsets[frequency.length]!;
  const docs = new Int32Array(total);
  const title = new Uint16Array(total);
  const abstract = new Uint16Array(total);
  const fill = offsets.slice(0, frequency.length);
  perPaper.forEach((entry, doc) => {
    for (let i = 0; i < entry.ids.length; i++) {
      const at = fill[entry.ids[i]!]!++;
      docs[at] = doc;
      title[at] = entry.title[i]!;
      abstract[at] = entry.abstract[i]!;
    }
  });
  return { terms: StringTable.of(terms), offsets, docs, title, abstract, titleLength, abstractLength };
}

/** Word ids below this make a pair's key (first * PAIR_SPAN + second) unique: room for 4M distinct words. */
const PAIR_SPAN = 4_194_304;

function average(values: Uint16Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return Math.max(1, sum / Math.max(1, values.length));
}

function binarySearch(sorted: Int32Array, low: number, high: number, value: number): number {
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else if (sorted[middle]! > value) high = middle - 1;
    else return middle;
  }
  return -1;
}
