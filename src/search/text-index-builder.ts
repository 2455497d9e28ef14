import { StringTable } from "../packed/string-table.ts";
import type { PaperTerms } from "./paper-terms.ts";
import { TextIndex } from "./text-index.ts";

/** The index of papers held in memory; `tokenize` runs as each is indexed, so their tokens are never all held at once. */
export function buildTextIndex<T>(papers: Iterable<T>, tokenize: (paper: T) => PaperTerms): TextIndex {
  const builder = new TextIndexBuilder();
  for (const paper of papers) builder.add(tokenize(paper));
  return builder.finish();
}

/**
 * Builds the index one paper at a time, so papers can be read from the
 * store in batches and dropped. Words are looked up by string (the stem
 * cache hands out the same strings, hashes kept); pairs by the two words'
 * ids, so that no pair string is made until the end; a paper's distinct
 * terms are found with per-term arrays rather than a Map per paper. Each was
 * much of the build time.
 */
export class TextIndexBuilder {
  readonly #wordIds = new Map<string, number>();
  readonly #pairIds: (Map<number, number> | undefined)[] = [];
  readonly #first: number[] = [];
  readonly #second: number[] = [];
  readonly #words: string[] = [];
  readonly #frequency: number[] = [];
  /** The last paper each term was seen in, and where in that paper's list it is. */
  readonly #lastDoc: number[] = [];
  readonly #slot: number[] = [];
  /** Every paper's distinct terms with their counts per field; paper `doc`'s run starts at #starts[doc]. */
  readonly #all = new ChunkedPostings();
  readonly #starts: number[] = [0];
  readonly #titleLength: number[] = [];
  readonly #abstractLength: number[] = [];
  readonly #ids: number[] = [];
  readonly #titleCounts: number[] = [];
  readonly #abstractCounts: number[] = [];

  add(paper: PaperTerms): void {
    const doc = this.#starts.length - 1;
    const ids = this.#ids;
    const titleCounts = this.#titleCounts;
    const abstractCounts = this.#abstractCounts;
    ids.length = titleCounts.length = abstractCounts.length = 0;
    const titleCount = paper.titleTerms.length;
    const add = (id: number, inTitle: boolean) => {
      if (this.#lastDoc[id] !== doc) {
        this.#lastDoc[id] = doc;
        this.#slot[id] = ids.push(id) - 1;
        titleCounts.push(0);
        abstractCounts.push(0);
      }
      if (inTitle) titleCounts[this.#slot[id]!]!++;
      else abstractCounts[this.#slot[id]!]!++;
    };
    let previous = -1;
    const terms = paper.terms;
    for (let i = 0; i < terms.length; i++) {
      const inTitle = i < titleCount;
      let id = this.#wordIds.get(terms[i]!);
      if (id === undefined) {
        this.#wordIds.set(terms[i]!, (id = this.#newTerm()));
        this.#words[id] = terms[i]!;
      }
      add(id, inTitle);
      // Pairs stay within a field: a title's last word and the abstract's first are not a phrase.
      if (previous >= 0 && i !== titleCount) {
        const following = (this.#pairIds[previous] ??= new Map());
        let pair = following.get(id);
        if (pair === undefined) {
          following.set(id, (pair = this.#newTerm()));
          this.#first[pair] = previous;
          this.#second[pair] = id;
        }
        add(pair, inTitle);
      }
      previous = id;
    }
    this.#titleLength.push(Math.min(65_535, titleCount));
    this.#abstractLength.push(Math.min(65_535, terms.length - titleCount));
    for (let i = 0; i < ids.length; i++) {
      this.#all.push(ids[i]!, Math.min(255, titleCounts[i]!), Math.min(255, abstractCounts[i]!));
      this.#frequency[ids[i]!]!++;
    }
    this.#starts.push(this.#all.length);
  }

  /** Lays every term's postings out contiguously, papers in order. */
  finish(): TextIndex {
    const frequency = this.#frequency;
    const terms = frequency.map((_, id) => this.#words[id] ?? `${this.#words[this.#first[id]!]} ${this.#words[this.#second[id]!]}`);
    const offsets = new Int32Array(frequency.length + 1);
    for (let t = 0; t < frequency.length; t++) offsets[t + 1] = offsets[t]! + frequency[t]!;
    const total = offsets[frequency.length]!;
    const docs = new Int32Array(total);
    const title = new Uint8Array(total);
    const abstract = new Uint8Array(total);
    const fill = offsets.slice(0, frequency.length);
    // Entries come paper by paper, so the paper of each is found by walking the starts alongside.
    let doc = 0;
    let entry = 0;
    this.#all.drain((id, inTitle, inAbstract) => {
      while (entry >= this.#starts[doc + 1]!) doc++;
      const at = fill[id]!++;
      docs[at] = doc;
      title[at] = inTitle;
      abstract[at] = inAbstract;
      entry++;
    });
    return TextIndex.fromParts({
      terms: StringTable.of(terms), offsets, docs, title, abstract,
      titleLength: Uint16Array.from(this.#titleLength), abstractLength: Uint16Array.from(this.#abstractLength),
    });
  }

  #newTerm(): number {
    this.#lastDoc.push(-1);
    this.#slot.push(0);
    return this.#frequency.push(0) - 1;
  }
}

/** Entries per chunk: 1M, 6 MB. */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;

/**
 * Term ids with their title and abstract counts, in fixed-size chunks: no
 * doubling and copying as they fill (which briefly held 3x the data), and
 * `drain` frees each chunk once read, while the final arrays fill.
 */
class ChunkedPostings {
  length = 0;
  readonly #chunks: ({ ids: Int32Array; title: Uint8Array; abstract: Uint8Array } | undefined)[] = [];

  push(id: number, title: number, abstract: number): void {
    const at = this.length & (CHUNK - 1);
    if (at === 0) this.#chunks.push({ ids: new Int32Array(CHUNK), title: new Uint8Array(CHUNK), abstract: new Uint8Array(CHUNK) });
    const chunk = this.#chunks[this.#chunks.length - 1]!;
    chunk.ids[at] = id;
    chunk.title[at] = title;
    chunk.abstract[at] = abstract;
    this.length++;
  }

  /** Every entry in order (entry i of `starts` paper); each chunk is let go once passed. */
  drain(visit: (id: number, title: number, abstract: number) => void): void {
    for (let c = 0; c < this.#chunks.length; c++) {
      const chunk = this.#chunks[c]!;
      const end = Math.min(CHUNK, this.length - c * CHUNK);
      for (let i = 0; i < end; i++) visit(chunk.ids[i]!, chunk.title[i]!, chunk.abstract[i]!);
      this.#chunks[c] = undefined;
    }
  }
}
