import { materialize, type DeferredSections, type Sections } from "../packed/index-file.ts";
import { grown, Int32List, Uint16List } from "../packed/growable.ts";
import { StringList, StringTable } from "../packed/string-table.ts";
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
 * ids in a hash table of typed arrays, so that no pair string is ever made
 * (the term table is written as bytes at the end); a paper's distinct terms
 * are found with per-term arrays rather than a Map per paper. Each was much
 * of the build time; a Map per word for its pairs was also most of the
 * builder's heap.
 */
export class TextIndexBuilder {
  readonly #wordIds = new Map<string, number>();
  /** Each word's text, in the order words were first seen. */
  readonly #words: string[] = [];
  /** Per term: a pair's two word terms, or for a word -1 - its place in #words (in #first; #second is -1). */
  #first = new Int32Array(1024);
  #second = new Int32Array(1024);
  #frequency = new Int32Array(1024);
  /** The last paper each term was seen in, and where in that paper's list it is. */
  #lastDoc = new Int32Array(1024);
  #slot = new Int32Array(1024);
  /** Per term, 1 once a paper used it as a word of its own rather than only inside a name. */
  #alone = new Uint8Array(1024);
  #terms = 0;
  /**
   * Open addressing over slots of four ints (first word, second word, pair
   * term + 1 or 0 when empty, unused), so a probe reads one cache line; a
   * power of two of slots, at least twice the pairs.
   */
  #pairTable = new Int32Array(4 << 16);
  #pairs = 0;
  /** Every paper's distinct terms with their counts per field; paper `doc`'s run starts at #starts[doc]. */
  readonly #all: SpilledPostings;
  readonly #starts = new Int32List();
  readonly #titleLength = new Uint16List();
  readonly #abstractLength = new Uint16List();
  /** One paper's distinct terms and their counts, reused from paper to paper. */
  #ids = new Int32Array(256);
  #titleCounts = new Int32Array(256);
  #abstractCounts = new Int32Array(256);
  readonly #passEntries: number | undefined;

  /** `sizes`: smaller spill chunks and layout passes than a library needs, so tests can see several of each. */
  constructor(sizes: { chunkEntries?: number; passEntries?: number } = {}) {
    this.#all = new SpilledPostings(sizes.chunkEntries);
    this.#passEntries = sizes.passEntries;
    this.#starts.push(0);
  }

  add(paper: PaperTerms): void {
    const doc = this.#starts.length - 1;
    const terms = paper.terms;
    const titleCount = paper.titleTerms.length;
    // A paper has at most twice as many distinct terms as words (each word and the pair it ends).
    if (this.#ids.length < 2 * terms.length) {
      this.#ids = new Int32Array(4 * terms.length);
      this.#titleCounts = new Int32Array(4 * terms.length);
      this.#abstractCounts = new Int32Array(4 * terms.length);
    }
    let distinct = 0;
    let previous = -1;
    for (let i = 0; i < terms.length; i++) {
      const inTitle = i < titleCount;
      const word = terms[i]!;
      let id = this.#wordIds.get(word);
      if (id === undefined) {
        id = this.#newTerm(-1 - this.#words.length, -1);
        this.#wordIds.set(word, id);
        this.#words.push(word);
      }
      distinct = this.#count(id, doc, inTitle, distinct);
      // Pairs stay within a field: a title's last word and the abstract's first are not a phrase; name parts are in none.
      const part = (i >= paper.partsFrom[0] && inTitle) || i >= paper.partsFrom[1];
      if (!part) this.#alone[id] = 1;
      if (previous >= 0 && i !== titleCount && !part) distinct = this.#count(this.#pairId(previous, id), doc, inTitle, distinct);
      previous = id;
    }
    // A field's length is its words: a name's parts repeat a word already counted.
    this.#titleLength.push(Math.min(65_535, paper.partsFrom[0]));
    this.#abstractLength.push(Math.min(65_535, paper.partsFrom[1] - titleCount));
    const ids = this.#ids;
    for (let i = 0; i < distinct; i++) {
      this.#all.push(ids[i]!, Math.min(255, this.#titleCounts[i]!), Math.min(255, this.#abstractCounts[i]!));
      this.#frequency[ids[i]!]!++;
    }
    this.#starts.push(this.#all.length);
  }

  /** Counts one occurrence of term `id` in paper `doc`; returns the paper's distinct terms so far. */
  #count(id: number, doc: number, inTitle: boolean, distinct: number): number {
    let slot: number;
    if (this.#lastDoc[id] !== doc) {
      this.#lastDoc[id] = doc;
      this.#slot[id] = slot = distinct++;
      this.#ids[slot] = id;
      this.#titleCounts[slot] = 0;
      this.#abstractCounts[slot] = 0;
    } else slot = this.#slot[id]!;
    if (inTitle) this.#titleCounts[slot]!++;
    else this.#abstractCounts[slot]!++;
    return distinct;
  }

  /** The term of the pair (first, second), made when new. */
  #pairId(first: number, second: number): number {
    const table = this.#pairTable;
    const mask = (table.length >> 2) - 1;
    let at = (pairHash(first, second) & mask) << 2;
    for (; table[at + 2] !== 0; at = (at + 4) & (table.length - 1)) {
      if (table[at] === first && table[at + 1] === second) return table[at + 2]! - 1;
    }
    const pair = this.#newTerm(first, second);
    table[at] = first;
    table[at + 1] = second;
    table[at + 2] = pair + 1;
    if (++this.#pairs * 2 > table.length >> 2) this.#growPairs();
    return pair;
  }

  #growPairs(): void {
    const old = this.#pairTable;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 2) - 1;
    for (let from = 0; from < old.length; from += 4) {
      if (old[from + 2] === 0) continue;
      let at = (pairHash(old[from]!, old[from + 1]!) & mask) << 2;
      while (table[at + 2] !== 0) at = (at + 4) & (table.length - 1);
      table.set(old.subarray(from, from + 3), at);
    }
    this.#pairTable = table;
  }

  #newTerm(first: number, second: number): number {
    const id = this.#terms++;
    if (id === this.#frequency.length) {
      this.#first = grown(this.#first, id + 1);
      this.#second = grown(this.#second, id + 1);
      this.#frequency = grown(this.#frequency, id + 1);
      this.#lastDoc = grown(this.#lastDoc, id + 1);
      this.#slot = grown(this.#slot, id + 1);
      this.#alone = grown(this.#alone, id + 1);
    }
    this.#first[id] = first;
    this.#second[id] = second;
    this.#frequency[id] = 0;
    this.#lastDoc[id] = -1;
    this.#alone[id] = 0;
    return id;
  }

  /** Every term as UTF-8 (a pair as its two words with a space between), written from the words' bytes. */
  #termList(): StringList {
    const words = StringList.of(this.#words);
    const length = (word: number) => words.offsets[word + 1]! - words.offsets[word]!;
    const wordOf = (term: number) => -1 - this.#first[term]!;
    const offsets = new Int32Array(this.#terms + 1);
    for (let t = 0; t < this.#terms; t++) {
      const first = this.#first[t]!;
      offsets[t + 1] = offsets[t]! + (first < 0 ? length(-1 - first) : length(wordOf(first)) + 1 + length(wordOf(this.#second[t]!)));
    }
    const bytes = new Uint8Array(offsets[this.#terms]!);
    const put = (word: number, at: number) => bytes.set(words.bytes.subarray(words.offsets[word]!, words.offsets[word + 1]!), at);
    for (let t = 0; t < this.#terms; t++) {
      const first = this.#first[t]!;
      if (first < 0) {
        put(-1 - first, offsets[t]!);
        continue;
      }
      const second = wordOf(this.#second[t]!);
      put(wordOf(first), offsets[t]!);
      bytes[offsets[t]! + length(wordOf(first))] = 0x20;
      put(second, offsets[t + 1]! - length(second));
    }
    return new StringList(bytes, offsets);
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
    const terms = this.#terms;
    const frequency = this.#frequency;
    const offsets = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) offsets[t + 1] = offsets[t]! + frequency[t]!;
    const total = offsets[terms]!;
    const table = StringTable.ofList(this.#termList());
    // Pairs are made of words used alone, so only a word can be a name's part and nothing else.
    const partOnly = new Uint8Array(terms);
    for (let t = 0; t < terms; t++) partOnly[t] = this.#first[t]! < 0 && this.#alone[t] === 0 ? 1 : 0;
    const sections: Sections = {
      termBytes: table.bytes, termOffsets: table.offsets, termSlots: table.slots, offsets,
      titleLength: this.#titleLength.toArray(), abstractLength: this.#abstractLength.toArray(), partOnly,
    };
    // Only the postings are left to lay out: the terms, most of the builder's memory, can go now.
    this.#wordIds.clear();
    this.#words.length = 0;
    this.#first = this.#second = this.#lastDoc = this.#slot = this.#pairTable = new Int32Array(0);
    this.#alone = new Uint8Array(0);
    const entries = this.#all;
    const starts = this.#starts.array;
    const passEntries = this.#passEntries ?? Math.min(PASS_ENTRIES, Math.ceil(total / PASSES));
    // The terms of each pass: as many as fit in passEntries (at least one, however common).
    const passes: { first: number; last: number }[] = [];
    for (let first = 0; first < terms; ) {
      let last = first + 1;
      while (last < terms && offsets[last + 1]! - offsets[first]! <= passEntries) last++;
      passes.push({ first, last });
      first = last;
    }
    const fill: DeferredSections["fill"] = async (put) => {
      try {
        // One set of buffers for every pass (each is written out before the next is laid out): a new set per
        // pass left the earlier ones for the collector, and the end of the build was the ingest's peak.
        const largest = Math.max(0, ...passes.map(({ first, last }) => offsets[last]! - offsets[first]!));
        const buffers = { docs: new Int32Array(largest), title: new Uint8Array(largest), abstract: new Uint8Array(largest) };
        for (const { first, last } of passes) {
          const base = offsets[first]!;
          const size = offsets[last]! - base;
          const docs = buffers.docs.subarray(0, size);
          const title = buffers.title.subarray(0, size);
          const abstract = buffers.abstract.subarray(0, size);
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
}

/** Mixes a pair of term ids into a slot number. */
function pairHash(first: number, second: number): number {
  const h = Math.imul(first ^ Math.imul(second, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}
