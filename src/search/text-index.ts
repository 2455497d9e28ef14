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
  /** A term's count in each paper's title and abstract, capped at 255: BM25 saturates long before that. */
  readonly #title: Uint8Array;
  readonly #abstract: Uint8Array;
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

  /** `papers` are tokenised one at a time as the index takes them, so a large library's tokens are never all held at once. */
  static build<T>(papers: readonly T[], tokenize: (paper: T) => PaperTerms): TextIndex {
    return new TextIndex(buildParts(papers, tokenize));
  }

  /** The arrays `sections` gave, e.g. read back from a cache file. */
  static fromSections(sections: Sections): TextIndex {
    const { termBytes, termOffsets, termSlots, offsets, docs, title, abstract, titleLength, abstractLength } = sections as {
      termBytes: Uint8Array; termOffsets: Int32Array; termSlots: Int32Array; offsets: Int32Array; docs: Int32Array;
      title: Uint8Array; abstract: Uint8Array; titleLength: Uint16Array; abstractLength: Uint16Array;
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
  title: Uint8Array;
  abstract: Uint8Array;
  titleLength: Uint16Array;
  abstractLength: Uint16Array;
};

function buildParts<T>(papers: readonly T[], tokenize: (paper: T) => PaperTerms): TextIndexParts {
  // Words are looked up by string (the stem cache hands out the same strings, hashes kept); pairs by the two
  // words' ids, so that no pair string is made until the end; a paper's distinct terms are found with
  // per-term arrays rather than a Map per paper. Both were most of the build time.
  const wordIds = new Map<string, number>();
  const pairIds: (Map<number, number> | undefined)[] = [];
  const first: number[] = [];
  const second: number[] = [];
  const words: string[] = [];
  const frequency: number[] = [];
  /** The last paper each term was seen in, and where in that paper's list it is. */
  const lastDoc: number[] = [];
  const slot: number[] = [];
  const titleLength = new Uint16Array(papers.length);
  const abstractLength = new Uint16Array(papers.length);
  const newTerm = () => {
    lastDoc.push(-1);
    slot.push(0);
    return frequency.push(0) - 1;
  };
  // First pass: each paper's distinct terms with their counts per field, and how many papers hold each term,
  // appended to flat arrays (paper `doc`'s run starts at starts[doc]) rather than three small arrays per paper.
  const all = new GrowingPostings();
  const starts = new Int32Array(papers.length + 1);
  const ids: number[] = [];
  const titleCounts: number[] = [];
  const abstractCounts: number[] = [];
  papers.forEach((source, doc) => {
    const paper = tokenize(source);
    ids.length = titleCounts.length = abstractCounts.length = 0;
    const titleCount = paper.titleTerms.length;
    const add = (id: number, inTitle: boolean) => {
      if (lastDoc[id] !== doc) {
        lastDoc[id] = doc;
        slot[id] = ids.push(id) - 1;
        titleCounts.push(0);
        abstractCounts.push(0);
      }
      if (inTitle) titleCounts[slot[id]!]!++;
      else abstractCounts[slot[id]!]!++;
    };
    let previous = -1;
    const terms = paper.terms;
    for (let i = 0; i < terms.length; i++) {
      const inTitle = i < titleCount;
      let id = wordIds.get(terms[i]!);
      if (id === undefined) {
        wordIds.set(terms[i]!, (id = newTerm()));
        words[id] = terms[i]!;
      }
      add(id, inTitle);
      // Pairs stay within a field: a title's last word and the abstract's first are not a phrase.
      if (previous >= 0 && i !== titleCount) {
        const following = (pairIds[previous] ??= new Map());
        let pair = following.get(id);
        if (pair === undefined) {
          following.set(id, (pair = newTerm()));
          first[pair] = previous;
          second[pair] = id;
        }
        add(pair, inTitle);
      }
      previous = id;
    }
    titleLength[doc] = Math.min(65_535, titleCount);
    abstractLength[doc] = Math.min(65_535, terms.length - titleCount);
    for (let i = 0; i < ids.length; i++) {
      all.push(ids[i]!, Math.min(255, titleCounts[i]!), Math.min(255, abstractCounts[i]!));
      frequency[ids[i]!]!++;
    }
    starts[doc + 1] = all.length;
  });
  const terms = frequency.map((_, id) => words[id] ?? `${words[first[id]!]} ${words[second[id]!]}`);
  // Second pass: lay every term's postings out contiguously, papers in order.
  const offsets = new Int32Array(frequency.length + 1);
  for (let t = 0; t < frequency.length; t++) offsets[t + 1] = offsets[t]! + frequency[t]!;
  const total = offsets[frequency.length]!;
  const docs = new Int32Array(total);
  const title = new Uint8Array(total);
  const abstract = new Uint8Array(total);
  const fill = offsets.slice(0, frequency.length);
  for (let doc = 0; doc < papers.length; doc++) {
    for (let i = starts[doc]!; i < starts[doc + 1]!; i++) {
      const at = fill[all.ids[i]!]!++;
      docs[at] = doc;
      title[at] = all.title[i]!;
      abstract[at] = all.abstract[i]!;
    }
  }
  return { terms: StringTable.of(terms), offsets, docs, title, abstract, titleLength, abstractLength };
}

/** Term ids with their title and abstract counts, in arrays that double as they fill. */
class GrowingPostings {
  length = 0;
  ids = new Int32Array(1 << 16);
  title = new Uint8Array(1 << 16);
  abstract = new Uint8Array(1 << 16);

  push(id: number, title: number, abstract: number): void {
    if (this.length === this.ids.length) {
      const grow = <A extends Int32Array | Uint8Array>(array: A, make: (size: number) => A): A => {
        const bigger = make(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.ids = grow(this.ids, (size) => new Int32Array(size));
      this.title = grow(this.title, (size) => new Uint8Array(size));
      this.abstract = grow(this.abstract, (size) => new Uint8Array(size));
    }
    this.ids[this.length] = id;
    this.title[this.length] = title;
    this.abstract[this.length++] = abstract;
  }
}

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
