import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { materialize, type DeferredSections, type Sections } from "../packed/index-file.ts";
import { StringTable } from "../packed/string-table.ts";
import type { PaperTerms } from "./paper-terms.ts";
import { TextIndex } from "./text-index.ts";

/** The index of papers held in memory; `tokenize` runs as each is indexed, so their tokens are never all held at once. */
export async function buildTextIndex<T>(papers: Iterable<T>, tokenize: (paper: T) => PaperTerms): Promise<TextIndex> {
  const builder = new TextIndexBuilder();
  for (const paper of papers) builder.add(tokenize(paper));
  return builder.finish();
}

/**
 * Postings laid out per term a range of terms at a time, each range in
 * buffers of at most this many entries (6 bytes each) written out before
 * the next: the whole layout is never in memory (at a million papers it
 * would be 1.5 GB).
 */
const PASS_ENTRIES = 16 * 1024 * 1024;

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
  readonly #all: ChunkedPostings;
  readonly #starts: number[] = [0];
  readonly #titleLength: number[] = [];
  readonly #abstractLength: number[] = [];
  readonly #ids: number[] = [];
  readonly #titleCounts: number[] = [];
  readonly #abstractCounts: number[] = [];
  readonly #passEntries: number;

  /** `sizes`: smaller spill chunks and layout passes than a library needs, so tests can see several of each. */
  constructor(sizes: { chunkEntries?: number; passEntries?: number } = {}) {
    this.#all = new ChunkedPostings(sizes.chunkEntries ?? CHUNK);
    this.#passEntries = sizes.passEntries ?? PASS_ENTRIES;
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
   * without their ever being whole in memory. Fill them once.
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
    const entries = this.#all;
    const starts = this.#starts;
    const fill: DeferredSections["fill"] = async (put) => {
      try {
        for (let first = 0; first < frequency.length; ) {
          // The terms of this pass: as many as fit in PASS_ENTRIES (at least one, however common).
          let last = first + 1;
          while (last < frequency.length && offsets[last + 1]! - offsets[first]! <= this.#passEntries) last++;
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

/** Entries per chunk: 1M, 6 MB. */
const CHUNK = 1 << 20;

type Chunk = { ids: Int32Array; title: Uint8Array; abstract: Uint8Array };

/**
 * Term ids with their title and abstract counts, in paper order, in
 * fixed-size chunks. Each full chunk is written to a temporary file and its
 * buffers reused, so memory holds one chunk whatever the library's size;
 * the file is read back, in order, once per pass of the layout.
 */
class ChunkedPostings {
  length = 0;
  readonly #size: number;
  readonly #chunk: Chunk;
  #spill: { dir: string; fd: number; chunks: number } | undefined;

  constructor(size: number) {
    this.#size = size;
    this.#chunk = newChunk(size);
  }

  push(id: number, title: number, abstract: number): void {
    const at = this.length % this.#size;
    if (at === 0 && this.length > 0) this.#spillChunk();
    const chunk = this.#chunk;
    chunk.ids[at] = id;
    chunk.title[at] = title;
    chunk.abstract[at] = abstract;
    this.length++;
  }

  /** Every chunk in order, with how many of its entries are filled. */
  forEachChunk(visit: (ids: Int32Array, title: Uint8Array, abstract: Uint8Array, count: number) => void): void {
    const spill = this.#spill;
    if (spill) {
      const buffer = newChunk(this.#size);
      for (let c = 0; c < spill.chunks; c++) {
        let position = c * this.#size * 6;
        for (const array of [buffer.ids, buffer.title, buffer.abstract]) {
          const bytes = new Uint8Array(array.buffer);
          for (let done = 0; done < bytes.length; ) {
            const got = readSync(spill.fd, bytes, done, bytes.length - done, position + done);
            if (got === 0) throw new Error("the postings spill file ended early");
            done += got;
          }
          position += bytes.length;
        }
        visit(buffer.ids, buffer.title, buffer.abstract, this.#size);
      }
    }
    const filled = this.length - (spill?.chunks ?? 0) * this.#size;
    visit(this.#chunk.ids, this.#chunk.title, this.#chunk.abstract, filled);
  }

  /** Removes the spill file; the entries cannot be read again. */
  dispose(): void {
    if (!this.#spill) return;
    closeSync(this.#spill.fd);
    rmSync(this.#spill.dir, { recursive: true, force: true });
    this.#spill = undefined;
  }

  #spillChunk(): void {
    if (!this.#spill) {
      const dir = mkdtempSync(join(tmpdir(), "paperbot-postings-"));
      this.#spill = { dir, fd: openSync(join(dir, "postings"), "w+"), chunks: 0 };
    }
    const { fd } = this.#spill;
    for (const array of [this.#chunk.ids, this.#chunk.title, this.#chunk.abstract]) {
      const bytes = new Uint8Array(array.buffer);
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    }
    this.#spill.chunks++;
  }
}

function newChunk(size: number): Chunk {
  return { ids: new Int32Array(size), title: new Uint8Array(size), abstract: new Uint8Array(size) };
}
