import type { Sections } from "../packed/index-file.ts";
import { StringList, StringTable } from "../packed/string-table.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { TitleIndex, paperNames, titleWords } from "./lookup-index.ts";
import { nameTokens } from "./names.ts";

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
 * Builds the title index one paper at a time, in the snapshot's order, once
 * `usage` has been counted over every abstract (a first pass).
 */
export class TitleIndexBuilder {
  readonly #usage: Map<string, number>;
  // One map per kind of key, so a key's prefix ("w:", "s:", "x:") is added once per distinct key, not per occurrence.
  readonly #kinds = { w: new Map<string, Posting>(), s: new Map<string, Posting>(), x: new Map<string, Posting>() };
  readonly #vocabulary = new Set<string>();
  readonly #names: string[] = [];

  constructor(usage: Map<string, number>) {
    this.#usage = usage;
  }

  add(paper: Pick<StoredPaper, "title" | "abstract">): void {
    const doc = this.#names.length;
    const { w, s, x } = this.#kinds;
    const { words, stems } = titleWords(paper.title);
    post(x, words.join(" "), doc);
    words.forEach((word, i) => {
      post(w, word, doc);
      post(s, stems[i]!, doc);
      if (word.length >= 5) this.#vocabulary.add(word);
      // Written together, consecutive title words are one query word: "m 3vit" → "m3vit", "multi task" → "multitask".
      for (let span = 2; span <= 3 && i + span <= words.length; span++) post(w, words.slice(i, i + span).join(""), doc);
    });
    const found = paperNames(paper, words, (name) => this.#usage.get(name) === 1);
    for (const name of found.keys()) {
      post(w, name, doc);
      if (name.length >= 5) this.#vocabulary.add(name);
    }
    this.#names.push([...found].map(([name, score]) => `${name} ${score}`).join("\n"));
  }

  /** `titles`: the titles of the papers added, in order (the paper table's). */
  finish(titles: StringList): TitleIndex {
    return TitleIndex.fromSections(this.sections(), titles);
  }

  /**
   * The index as `TitleIndex.fromSections` reads it, without the titles (the
   * paper table has them). Keys are written straight into one buffer and
   * each map emptied once copied, rather than every prefixed key made as a
   * string first: at 100k papers, 830k keys, that doubled the heap.
   * Nothing can be added afterwards.
   */
  sections(): Sections {
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
    const keys = StringTable.ofList(new StringList(new Uint8Array(bytes.buffer, bytes.byteOffset, keyBytes), keyOffsets));
    const names = StringList.of(this.#names);
    const words = StringList.of([...this.#vocabulary]);
    return {
      keyBytes: keys.bytes, keyOffsets: keys.offsets, keySlots: keys.slots, offsets, docs,
      nameBytes: names.bytes, nameOffsets: names.offsets, wordBytes: words.bytes, wordOffsets: words.offsets,
    };
  }
}

/** A key's papers in order: most keys have one, kept as a number rather than an array of one (at 100k papers, most of 830k keys). */
type Posting = number | number[];

function post(postings: Map<string, Posting>, key: string, doc: number): void {
  const list = postings.get(key);
  if (list === undefined) postings.set(key, doc);
  else if (typeof list === "number") {
    if (list !== doc) postings.set(key, [list, doc]);
  } else if (list[list.length - 1] !== doc) list.push(doc);
}
