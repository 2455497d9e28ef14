import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Sections } from "../packed/index-file.ts";
import { StringListBuilder } from "../packed/string-list-builder.ts";
import { StringList, StringTable } from "../packed/string-table.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { mergeSegments, writeSegment, type Posting, type SegmentInfo } from "./key-segments.ts";
import { TitleIndex, paperNames, titleWords } from "./lookup-index.ts";
import { nameTokens } from "./names.ts";

/**
 * Distinct keys held in the builder's maps before they are written out as
 * a sorted segment and the maps emptied (see key-segments.ts): a library
 * of up to about 100k papers (830k keys) stays in one, built in memory as
 * before; a million papers (5.3M keys) take 6, and the maps never hold
 * more than this many keys whatever the library's size.
 */
const SEGMENT_KEYS = 1_000_000;

/** The title index of papers held in memory (tools, tests); a library read from the store in batches uses TitleIndexBuilder. */
export function buildTitleIndex(papers: StoredPaper[]): TitleIndex {
  const builder = new TitleIndexBuilder(nameUsage(papers.map((paper) => paper.abstract)));
  for (const paper of papers) builder.add(paper);
  return builder.finish(StringList.of(papers.map((paper) => paper.title)));
}

/** How many abstracts use each name-like word: a name only one paper uses can be that paper's own. */
export function nameUsage(abstracts: Iterable<string>, usage = new Map<string, number>()): Map<string, number> {
  for (const abstract of abstracts) for (const name of nameTokens(abstract)) usage.set(name, (usage.get(name) ?? 0) + 1);
  return usage;
}

/**
 * The title index's arrays, its papers (`docs`, most of it) either in
 * memory or, when it was built in segments, in a file (i32, in order) of
 * the builder's folder.
 */
export type TitleIndexParts = { sections: Sections; docs: Int32Array | { file: string; length: number } };

/**
 * Builds the title index one paper at a time, in the snapshot's order, once
 * `usage` has been counted over every abstract (a first pass).
 */
export class TitleIndexBuilder {
  readonly #usage: Map<string, number>;
  // One map per kind of key, so a key's prefix ("w:", "s:", "x:") is added once per distinct key, not per occurrence.
  readonly #kinds = { w: new Map<string, Posting>(), s: new Map<string, Posting>(), x: new Map<string, Posting>() };
  readonly #vocabulary = new Set<string>();
  /** Each paper's names as "name score" lines, packed as they come (a million papers' would be 60 MB of strings). */
  readonly #names = new StringListBuilder();
  readonly #segmentKeys: number;
  readonly #segments: SegmentInfo[] = [];
  /** Where segments go: the caller's folder (which it removes), else a temporary one of the builder's own. */
  readonly #givenDir: string | undefined;
  #dir: string | undefined;

  /** `segmentKeys`: keys held before a segment is written (tests give few, to see several). */
  constructor(usage: Map<string, number>, { segmentKeys = SEGMENT_KEYS, dir }: { segmentKeys?: number; dir?: string } = {}) {
    this.#usage = usage;
    this.#segmentKeys = segmentKeys;
    this.#givenDir = this.#dir = dir;
  }

  add(paper: Pick<StoredPaper, "title" | "abstract" | "organization">): void {
    const doc = this.#names.size;
    const { w, s, x } = this.#kinds;
    const { words, stems } = titleWords(paper.title);
    post(x, words.join(" "), doc);
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      post(w, word, doc);
      post(s, stems[i]!, doc);
      if (word.length >= 5) this.#vocabulary.add(word);
      // Written together, consecutive title words are one query word: "m 3vit" → "m3vit", "multi task" → "multitask".
      if (i + 2 <= words.length) {
        const two = word + words[i + 1]!;
        post(w, two, doc);
        if (i + 3 <= words.length) post(w, two + words[i + 2]!, doc);
      }
    }
    const found = paperNames(paper, words, (name) => this.#usage.get(name) === 1);
    for (const name of found.keys()) {
      post(w, name, doc);
      if (name.length >= 5) this.#vocabulary.add(name);
    }
    this.#names.add([...found].map(([name, score]) => `${name} ${score}`).join("\n"));
    // Between papers, so each paper's keys are all in one segment.
    if (w.size + s.size + x.size >= this.#segmentKeys) this.#writeSegment();
  }

  /** `titles`: the titles of the papers added, in order (the paper table's). */
  finish(titles: StringList): TitleIndex {
    return TitleIndex.fromSections(this.sections(), titles);
  }

  /** The whole index in memory, as `TitleIndex.fromSections` reads it without the titles (the paper table has them). */
  sections(): Sections {
    const { sections, docs } = this.finishParts();
    if (docs instanceof Int32Array) return { ...sections, docs };
    try {
      const bytes = readFileSync(docs.file);
      return { ...sections, docs: new Int32Array(bytes.buffer, bytes.byteOffset, docs.length) };
    } finally {
      this.dispose();
    }
  }

  /**
   * The index, its papers in memory when it fitted in one segment, else
   * merged from its segments into a file (see TitleIndexParts). Nothing
   * can be added afterwards.
   */
  finishParts(): TitleIndexParts {
    const names = this.#names.finish();
    const words = StringList.of([...this.#vocabulary]);
    const lists = { nameBytes: names.bytes, nameOffsets: names.offsets, wordBytes: words.bytes, wordOffsets: words.offsets };
    if (this.#segments.length === 0) {
      const { keyBytes, keyOffsets, offsets, docs } = this.#inMemory();
      const keys = StringTable.ofList(new StringList(keyBytes, keyOffsets));
      return { sections: { keyBytes: keys.bytes, keyOffsets: keys.offsets, keySlots: keys.slots, offsets, ...lists }, docs };
    }
    this.#writeSegment();
    try {
      const file = join(this.#dir!, "title-docs");
      const merged = mergeSegments(this.#segments, file);
      const keys = StringTable.ofList(new StringList(merged.keyBytes, merged.keyOffsets));
      return { sections: { keyBytes: keys.bytes, keyOffsets: keys.offsets, keySlots: keys.slots, offsets: merged.offsets, ...lists }, docs: { file, length: merged.postings } };
    } catch (error) {
      this.dispose();
      throw error;
    } finally {
      for (const segment of this.#segments) rmSync(segment.file, { force: true });
    }
  }

  /**
   * The maps as arrays. Keys are written straight into one buffer and each
   * map emptied once copied, rather than every prefixed key made as a
   * string first: at 100k papers, 830k keys, that doubled the heap.
   */
  #inMemory(): { keyBytes: Uint8Array; keyOffsets: Int32Array; offsets: Int32Array; docs: Int32Array } {
    let keyCount = 0;
    let postingCount = 0;
    let keyBytes = 0;
    for (const [kind, postings] of Object.entries(this.#kinds)) {
      for (const [key, docs] of postings) {
        keyCount++;
        postingCount += typeof docs === "number" ? 1 : docs.length;
        keyBytes += Buffer.byteLength(kind) + 1 + Buffer.byteLength(key);
      }
    }
    const bytes = Buffer.allocUnsafe(keyBytes);
    const keyOffsets = new Int32Array(keyCount + 1);
    const offsets = new Int32Array(keyCount + 1);
    const docs = new Int32Array(postingCount);
    let i = 0;
    for (const [kind, postings] of Object.entries(this.#kinds)) {
      for (const [key, list] of postings) {
        keyOffsets[i + 1] = keyOffsets[i]! + bytes.write(`${kind}:`, keyOffsets[i]!) + bytes.write(key, keyOffsets[i]! + kind.length + 1);
        if (typeof list === "number") docs[offsets[i]!] = list;
        else docs.set(list, offsets[i]!);
        offsets[i + 1] = offsets[i]! + (typeof list === "number" ? 1 : list.length);
        i++;
      }
      postings.clear();
    }
    return { keyBytes: new Uint8Array(bytes.buffer, bytes.byteOffset, keyBytes), keyOffsets, offsets, docs };
  }

  /** Writes the maps out as the next segment and empties them. */
  #writeSegment(): void {
    this.#dir ??= mkdtempSync(join(tmpdir(), "paperbot-titles-"));
    const { w, s, x } = this.#kinds;
    // In the order of their prefixes, which is the segment's (sorted) order.
    const file = join(this.#dir, `title-segment-${this.#segments.length}`);
    this.#segments.push(writeSegment(file, [{ prefix: "s:", postings: s }, { prefix: "w:", postings: w }, { prefix: "x:", postings: x }]));
  }

  /** Removes what the build wrote to a folder of its own. */
  dispose(): void {
    if (this.#dir && this.#dir !== this.#givenDir) rmSync(this.#dir, { recursive: true, force: true });
  }
}

function post(postings: Map<string, Posting>, key: string, doc: number): void {
  const list = postings.get(key);
  if (list === undefined) postings.set(key, doc);
  else if (typeof list === "number") {
    if (list !== doc) postings.set(key, [list, doc]);
  } else if (list[list.length - 1] !== doc) list.push(doc);
}
