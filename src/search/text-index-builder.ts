import { materialize, type DeferredSections, type Sections } from "../packed/index-file.ts";
import { StringTable } from "../packed/string-table.ts";
import type { PaperTerms } from "./paper-terms.ts";
import { SpilledPostings } from "./spilled-postings.ts";
import { TextIndex } from "./text-index.ts";

/**
 * Postings laid out per term a range of terms at a time, each range in
 * buffers of at most this many entries (6 bytes each) written out before
 * the next: the whole layout is never in memory (at a million papers it
 * would be 1.5 GB).
 */
const PASS_ENTRIES = 16 * 1024 * 1024;
/**
 * Every pass reads all the entries again, so a library takes this many
 * passes until they reach PASS_ENTRIES: at 100k papers (25M entries) 38 MB
 * of buffers a pass instead of 96 MB, at the end of the ingest when its
 * memory peaks; from about 250k papers on, PASS_ENTRIES as before.
 */
const PASSES = 4;

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
  readonly #all: SpilledPostings;
  readonly #starts: number[] = [0];
  readonly #titleLength: number[] = [];
  readonly #abstractLength: number[] = [];
  readonly #ids: number[] = [];
  readonly #titleCounts: number[] = [];
  readonly #abstractCounts: number[] = [];
  readonly #passEntries: number | undefined;

  /** `sizes`: smaller spill chunks and layout passes than a library needs, so tests can see several of each. */
  constructor(sizes: { chunkEntries?: number; passEntries?: number } = {}) {
    this.#all = new SpilledPostings(sizes.chunkEntries);
    this.#passEntries = sizes.passEntries;
  }

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

  /** The index in memory. */
  async finish(): Promise<TextIndex> {
    const { sections, postings } = this.finishParts();
    return TextIndex.fromSections({ ...sections, ...(await materialize(postings)) });
  }

  /**
   * The index as `TextIndex.fromSections` reads it, its postings (`docs`,
   * `title`, `abstract`: every term's papers in order, with its counts in
   * each) deferred: they are laid out while they are written, a range of
   * terms per pass over the entries, so that a cache file gets them
   * without their ever being whole in memory. Fill them once; nothing can be added after.
   */
  finishParts(): { sections: Sections; postings: DeferredSections } {
    const frequency = this.#frequency;
    const terms = frequency.map((_, id) => this.#words[id] ?? `${this.#words[this.#first[id]!]} ${this.#words[this.#second[id]!]}`);
    const offsets = new Int32Array(frequency.length + 1);
    for (let t = 0; t < frequency.length; t++) offsets[t + 1] = offsets[t]! + frequency[t]!;
    const total = offsets[frequency.length]!;
    const table = StringTable.of(terms);
    const sections: Sections = {
      termBytes: table.bytes, termOffsets: table.offsets, termSlots: table.slots, offsets,
      titleLength: Uint16Array.from(this.#titleLength), abstractLength: Uint16Array.from(this.#abstractLength),
    };
    // Only the postings are left to lay out: the maps of terms, most of the builder's memory, can go now.
    this.#wordIds.clear();
    for (const list of [this.#pairIds, this.#first, this.#second, this.#words, this.#lastDoc, this.#slot, this.#titleLength, this.#abstractLength]) list.length = 0;
    const entries = this.#all;
    const starts = this.#starts;
    const passEntries = this.#passEntries ?? Math.min(PASS_ENTRIES, Math.ceil(total / PASSES));
    const fill: DeferredSections["fill"] = async (put) => {
      try {
        for (let first = 0; first < frequency.length; ) {
          // The terms of this pass: as many as fit in passEntries (at least one, however common).
          let last = first + 1;
          while (last < frequency.length && offsets[last + 1]! - offsets[first]! <= passEntries) last++;
          const base = offsets[first]!;
          const size = offsets[last]! - base;
          const docs = new Int32Array(size);
          const title = new Uint8Array(size);
          const abstract = new Uint8Array(size);
          const next = offsets.slice(first, last);
          // Entries come paper by paper, so the paper of each is found by walking the starts alongside.
          let doc = 0;
          let entry = 0;
          entries.forEachChunk((ids, titles, abstracts, count) => {
            for (let i = 0; i < count; i++, entry++) {
              while (entry >= starts[doc + 1]!) doc++;
              const id = ids[i]!;
              if (id < first || id >= last) continue;
              const at = next[id - first]!++ - base;
              docs[at] = doc;
              title[at] = titles[i]!;
              abstract[at] = abstracts[i]!;
            }
          });
          await put("docs", base, docs);
          await put("title", base, title);
          await put("abstract", base, abstract);
          first = last;
        }
      } finally {
        entries.dispose();
      }
    };
    return { sections, postings: { layout: { docs: { kind: "Int32Array", length: total }, title: { kind: "Uint8Array", length: total }, abstract: { kind: "Uint8Array", length: total } }, fill } };
  }

  /** Frees what a build that failed before its postings were filled still holds (their spill file). */
  dispose(): void {
    this.#all.dispose();
  }

  #newTerm(): number {
    this.#lastDoc.push(-1);
    this.#slot.push(0);
    return this.#frequency.push(0) - 1;
  }
}
