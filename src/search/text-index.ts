import type { FileSection, Sections } from "../packed/index-file.ts";
import { FilePostings, MemoryPostings, type Postings, type Run } from "./postings.ts";
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
  /** Postings of term t are positions offsets[t] .. offsets[t+1]; counts per field are capped at 255, where BM25 has long saturated. */
  readonly #offsets: Int32Array;
  readonly #postings: Postings;
  readonly #titleLength: Uint16Array;
  readonly #abstractLength: Uint16Array;
  /** Per term, 1 when papers use it only inside names ("nerf" of ScatterNeRF), never as a word of its own; absent: none. */
  readonly #partOnly: Uint8Array | undefined;
  readonly #averageTitle: number;
  readonly #averageAbstract: number;
  #scores: Float64Array | undefined;

  private constructor(parts: TextIndexParts) {
    this.size = parts.titleLength.length;
    this.#terms = parts.terms;
    this.#offsets = parts.offsets;
    this.#postings = parts.postings;
    this.#titleLength = parts.titleLength;
    this.#abstractLength = parts.abstractLength;
    this.#partOnly = parts.partOnly;
    this.#averageTitle = average(this.#titleLength);
    this.#averageAbstract = average(this.#abstractLength);
  }

  static fromParts(parts: Omit<TextIndexParts, "postings"> & { docs: Int32Array; title: Uint8Array; abstract: Uint8Array }): TextIndex {
    return new TextIndex({ ...parts, postings: new MemoryPostings(parts.docs, parts.title, parts.abstract) });
  }

  /** The arrays `sections` gave, e.g. read back from a cache file; the postings may stay in the file (`onDisk`). */
  static fromSections(sections: Sections, onDisk: Record<string, FileSection> = {}): TextIndex {
    const { termBytes, termOffsets, termSlots, offsets, docs, title, abstract, titleLength, abstractLength, partOnly } = sections as {
      termBytes: Uint8Array; termOffsets: Int32Array; termSlots: Int32Array; offsets: Int32Array; docs?: Int32Array;
      title?: Uint8Array; abstract?: Uint8Array; titleLength: Uint16Array; abstractLength: Uint16Array; partOnly?: Uint8Array;
    };
    const postings = docs && title && abstract ? new MemoryPostings(docs, title, abstract) : new FilePostings(onDisk["docs"]!, onDisk["title"]!, onDisk["abstract"]!);
    return new TextIndex({ terms: new StringTable(termBytes, termOffsets, termSlots), offsets, postings, titleLength, abstractLength, ...(partOnly && { partOnly }) });
  }

  sections(): Sections {
    const terms = this.#terms;
    return {
      termBytes: terms.bytes, termOffsets: terms.offsets, termSlots: terms.slots,
      offsets: this.#offsets, ...this.#postings.sections(), titleLength: this.#titleLength, abstractLength: this.#abstractLength,
      ...(this.#partOnly && { partOnly: this.#partOnly }),
    };
  }

  #run(id: number): Run {
    return this.#postings.run(id, this.#offsets[id]!, this.#offsets[id + 1]!);
  }

  /** How many papers contain a term (or phrase). */
  documentFrequency(term: string): number {
    const id = this.#terms.idOf(term);
    return id < 0 ? 0 : this.#offsets[id + 1]! - this.#offsets[id]!;
  }

  /** Whether some paper uses a term as a word of its own, not only inside a name (see name-parts.ts). */
  usedAlone(term: string): boolean {
    const id = this.#terms.idOf(term);
    return id >= 0 && this.#partOnly?.[id] !== 1;
  }

  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** The papers that contain a term, in its title or abstract, in ascending order. */
  papersWith(term: string): Int32Array {
    const id = this.#terms.idOf(term);
    return id < 0 ? new Int32Array(0) : this.#run(id).docs;
  }

  /** Whether paper `doc` contains the term, in its title or abstract. */
  contains(doc: number, term: string): boolean {
    const id = this.#terms.idOf(term);
    if (id < 0) return false;
    const { docs } = this.#run(id);
    return binarySearch(docs, 0, docs.length - 1, doc) >= 0;
  }

  /** How many times paper `doc` writes a term, title and abstract together (0 when it does not). */
  occurrences(doc: number, term: string): number {
    const found = this.#posting(doc, term);
    return found ? found.run.title[found.at]! + found.run.abstract[found.at]! : 0;
  }

  /**
   * BM25F score of every paper (a dense array indexed like the snapshot's
   * papers). The array is reused by the next call: read it before asking
   * again (a new 8 MB array per question at a million papers was a fifth
   * of a search's time, in garbage collection).
   */
  scores(query: QueryTerm[]): Float64Array {
    const scores = (this.#scores ??= new Float64Array(this.size)).fill(0);
    const field = this.#fieldNorms();
    for (const { term, weight } of query) {
      const id = this.#terms.idOf(term);
      if (id < 0) continue;
      const run = this.#run(id);
      const termWeight = this.#termWeight(term, weight);
      for (let at = 0; at < run.docs.length; at++) scores[run.docs[at]!]! += this.#score(run, at, termWeight, field);
    }
    return scores;
  }

  /** Each query term's part of paper `doc`'s score (0 where it lacks the term), without scoring the rest of the library. */
  termScores(doc: number, query: QueryTerm[]): number[] {
    return query.map(({ term, weight }) => {
      const found = this.#posting(doc, term);
      return found ? this.#score(found.run, found.at, this.#termWeight(term, weight), this.#fieldNorms()) : 0;
    });
  }

  /** Where paper `doc` stands in a term's run of postings, if it holds the term. */
  #posting(doc: number, term: string): { run: Run; at: number } | undefined {
    const id = this.#terms.idOf(term);
    if (id < 0) return undefined;
    const run = this.#run(id);
    const at = binarySearch(run.docs, 0, run.docs.length - 1, doc);
    return at < 0 ? undefined : { run, at };
  }

  #termWeight(term: string, weight: number): number {
    return this.idf(term) * weight * (term.includes(" ") ? SETTINGS.bm25.phraseWeight : 1);
  }

  /**
   * The settings and averages `#score` reads, worked out once per question
   * rather than once per posting: a question walks every posting of its
   * common words, and this halved the time it took.
   */
  #fieldNorms(): FieldNorms {
    const { k1, titleB, abstractB, titleWeight } = SETTINGS.bm25;
    return { k1, titleWeight, titleBase: 1 - titleB, titlePerWord: titleB / this.#averageTitle, abstractBase: 1 - abstractB, abstractPerWord: abstractB / this.#averageAbstract };
  }

  /** The BM25F contribution of posting `at` of a term's run. */
  #score({ docs, title, abstract }: Run, at: number, termWeight: number, field: FieldNorms): number {
    const doc = docs[at]!;
    const tf =
      (field.titleWeight * title[at]!) / (field.titleBase + field.titlePerWord * this.#titleLength[doc]!) +
      abstract[at]! / (field.abstractBase + field.abstractPerWord * this.#abstractLength[doc]!);
    return (termWeight * tf * (field.k1 + 1)) / (tf + field.k1);
  }
}

/** BM25F's constants for one question: length normalisation per field as base + perWord × length. */
type FieldNorms = { k1: number; titleWeight: number; titleBase: number; titlePerWord: number; abstractBase: number; abstractPerWord: number };

export type TextIndexParts = {
  terms: StringTable;
  offsets: Int32Array;
  postings: Postings;
  titleLength: Uint16Array;
  abstractLength: Uint16Array;
  partOnly?: Uint8Array;
};

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
