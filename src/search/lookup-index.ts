import type { StoredPaper } from "../store/paper-store.ts";
import { compact, isFunctionWord, stem, wordsOf, type LookupQuery } from "./lookup-query.ts";
import { distance } from "fastest-levenshtein";
import { similarWord, swapped, unversioned } from "./lookup-words.ts";
import { namesOf } from "./names.ts";
import { FileSection, type Sections } from "../packed/index-file.ts";
import { SETTINGS } from "./settings.ts";
import { StringList, StringTable } from "../packed/string-table.ts";
import { topK } from "./top-k.ts";

/** One paper as lookup sees it: its title's words and the names it goes by. */
export type Entry = {
  /** The paper's position in the snapshot. */
  doc: number;
  /** The title normalised as a query would be. */
  normalized: string;
  words: string[];
  stems: string[];
  /** Which part of the title (split at its colon) each word is in. */
  segment: number[];
  /** How rare each title word is across titles: rare words identify a paper, common ones barely. */
  weight: number[];
  /** Compact name → how surely it names this paper. */
  names: Map<string, number>;
  /** Whether the paper's title or abstract has this content term (a stem, as `searchTerms` gives it). */
  mentions: (stem: string) => boolean;
};

/**
 * Titles and names indexed once per library version, so a lookup scores
 * only the few papers that share a word, a name or a near-spelling with the
 * query rather than every paper in the library. Held in typed arrays (keys
 * → runs of papers) that load from a cache file as they are; a paper's
 * entry is made from its title and names when it is a candidate.
 */
export class TitleIndex {
  readonly size: number;
  readonly #keys: StringTable;
  readonly #offsets: Int32Array;
  /** In memory, or left in the cache file (a large library's runs are read as lookups need them). */
  readonly #docs: Int32Array | FileSection;
  readonly #titles: StringList;
  /** Each paper's names as "name score" lines. */
  readonly #names: StringList;
  /** Title words and names of five letters or more, for near-spellings. */
  readonly #words: StringList;
  /** `candidates`' running scores and which word last counted each paper, kept between lookups (zeroed after each). */
  #scores: Float64Array | undefined;
  #seen: Int32Array | undefined;
  #stamp = 0;

  private constructor(parts: TitleIndexParts) {
    this.#keys = parts.keys;
    this.#offsets = parts.offsets;
    this.#docs = parts.docs;
    this.#titles = parts.titles;
    this.#names = parts.names;
    this.#words = parts.words;
    this.size = this.#names.size;
  }

  static fromParts(parts: TitleIndexParts): TitleIndex {
    return new TitleIndex(parts);
  }

  /** `titles`: the paper table's, which the index reads rather than keeping a second copy; `onDisk`: sections left in the cache file. */
  static fromSections(s: Sections, titles: StringList, onDisk: Record<string, FileSection> = {}): TitleIndex {
    const part = s as Record<"keyBytes" | "nameBytes" | "wordBytes", Uint8Array> & Record<"keyOffsets" | "keySlots" | "offsets" | "docs" | "nameOffsets" | "wordOffsets", Int32Array>;
    return new TitleIndex({
      keys: new StringTable(part.keyBytes, part.keyOffsets, part.keySlots), offsets: part.offsets, docs: part.docs ?? onDisk["docs"]!,
      titles, names: new StringList(part.nameBytes, part.nameOffsets), words: new StringList(part.wordBytes, part.wordOffsets),
    });
  }

  sections(): Sections {
    return {
      keyBytes: this.#keys.bytes, keyOffsets: this.#keys.offsets, keySlots: this.#keys.slots, offsets: this.#offsets,
      docs: this.#docs instanceof FileSection ? this.#docs.read(0, this.#docs.length) : this.#docs,
      nameBytes: this.#names.bytes, nameOffsets: this.#names.offsets, wordBytes: this.#words.bytes, wordOffsets: this.#words.offsets,
    };
  }

  /** Paper `doc` as lookup scores it; `mentions` answers for its title and abstract (the text index does, without reading the paper). */
  entry(doc: number, mentions: (stem: string) => boolean): Entry {
    const { words, stems, segment } = titleWords(this.#titles.at(doc));
    const idf = (s: string) => Math.log(1 + this.size / Math.max(1, this.#count(`s:${s}`)));
    const names = new Map<string, number>();
    for (const line of this.#names.at(doc).split("\n")) {
      const space = line.lastIndexOf(" ");
      if (space > 0) names.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
    return { doc, normalized: words.join(" "), words, stems, segment, weight: stems.map((s, i) => (isFunctionWord(words[i]!) ? 0.1 : idf(s))), names, mentions };
  }

  /** The compact names paper `doc` goes by ("performers", "hnsw"), mined from its title and abstract. */
  namesOf(doc: number): string[] {
    return this.#names
      .at(doc)
      .split("\n")
      .map((line) => line.slice(0, line.lastIndexOf(" ")))
      .filter(Boolean);
  }

  /** Papers whose normalised title is exactly the query. */
  exact(normalized: string): number[] {
    return [...this.#postings(`x:${normalized}`)];
  }

  /** The papers sharing most of the query's rare words, names or near-spellings: BM25's idea over titles and names. */
  candidates(query: LookupQuery): number[] {
    // Typed arrays rather than a Map and a Set per key: a common title word holds a tenth of a large library.
    const scores = (this.#scores ??= new Float64Array(this.size));
    const seen = (this.#seen ??= new Int32Array(this.size));
    const touched: number[] = [];
    const { words } = query;
    const has = (key: string) => this.#keys.idOf(key) >= 0;
    const hit = (keys: string[]) => {
      // Each paper counts once per word, however many of the word's keys it holds.
      const stamp = (this.#stamp = (this.#stamp % 2_000_000_000) + 1);
      const ids: number[] = [];
      for (const key of keys) {
        for (const id of this.#postings(key)) {
          if (seen[id] === stamp) continue;
          seen[id] = stamp;
          ids.push(id);
        }
      }
      const weight = Math.log(1 + this.size / Math.max(ids.length, 1));
      for (const id of ids) {
        if (scores[id] === 0) touched.push(id);
        scores[id] = scores[id]! + weight;
      }
    };
    try {
      for (let i = 0; i < words.length; i++) {
        const word = words[i]!;
        const joins = [words.slice(i, i + 2), words.slice(i, i + 3), words.slice(i, i + 4)].filter((part) => part.length > 1).map((part) => `w:${part.join("")}`);
        const keys = [`w:${word}`, `s:${query.stems[i]}`, ...joins];
        if (isFunctionWord(word) && !has(keys[0]!)) continue;
        if (word.length >= 5 && !keys.some(has)) {
          keys.push(...this.#nearSpellings(word).map((near) => `w:${near}`));
          // Other versions of a name ("MobileNetV2" for "MobileNetV3"): not this paper, but the closest to offer.
          keys.push(...this.#nearSpellings(word, (near) => near !== word && unversioned(near) === unversioned(word)).map((near) => `w:${near}`));
        }
        hit(keys);
      }
      const whole = compact(query.core);
      if (whole.length <= 40) hit([`w:${whole}`, ...(whole.length >= 5 ? this.#nearSpellings(whole).map((near) => `w:${near}`) : [])]);
      // Best first, ties in the order the papers were first met.
      const best = topK(Float64Array.from(touched, (id) => scores[id]!), SETTINGS.lookup.candidates);
      return best.map((entry) => touched[entry.doc]!);
    } finally {
      for (const id of touched) scores[id] = 0;
    }
  }

  /**
   * Title words and names a letter or two away from `word` (two from eight
   * letters), starting with the same letter: its spellings, for correcting
   * a question. Unlike a name in a lookup, a dropped last letter
   * ("speculativ") is a typo here.
   */
  spellings(word: string): string[] {
    const allowed = word.length >= 8 ? 2 : 1;
    // Two neighbouring letters swapped ("cahce", "wrold") is one slip, though two edits apart.
    return this.#nearSpellings(word, (near) => near[0] === word[0] && Math.abs(near.length - word.length) <= allowed && (distance(word, near) <= allowed || swapped(word, near)));
  }

  #postings(key: string): Int32Array {
    const id = this.#keys.idOf(key);
    if (id < 0) return EMPTY;
    const [from, to] = [this.#offsets[id]!, this.#offsets[id + 1]!];
    return this.#docs instanceof FileSection ? (this.#docs.read(from, to - from) as Int32Array) : this.#docs.subarray(from, to);
  }

  /** How many papers a key has, without reading them. */
  #count(key: string): number {
    const id = this.#keys.idOf(key);
    return id < 0 ? 0 : this.#offsets[id + 1]! - this.#offsets[id]!;
  }

  /**
   * Title words and names by length and first letter, by length and second
   * letter (a typo rarely hits both: `similarWord` looks no further), and by
   * their first four letters (for abbreviations); made on first need. Each
   * list holds positions in the vocabulary, in its order.
   */
  #vocabulary: { byFirst: Map<string, number[]>; bySecond: Map<string, number[]>; byPrefix: Map<string, number[]> } | undefined;

  #vocab(): { byFirst: Map<string, number[]>; bySecond: Map<string, number[]>; byPrefix: Map<string, number[]> } {
    if (!this.#vocabulary) {
      this.#vocabulary = { byFirst: new Map(), bySecond: new Map(), byPrefix: new Map() };
      for (let i = 0; i < this.#words.size; i++) {
        const known = this.#words.at(i);
        push(this.#vocabulary.byFirst, `${known.length}${known[0]}`, i);
        push(this.#vocabulary.bySecond, `${known.length}${known[1]}`, i);
        push(this.#vocabulary.byPrefix, known.slice(0, 4), i);
      }
    }
    return this.#vocabulary;
  }

  /**
   * Title words and names that begin with `prefix` (`shortest` letters or more, four unless asked) and run on past it:
   * what a clipped word ("conv") may stand for.
   */
  completions(prefix: string, shortest = 4): string[] {
    if (prefix.length < Math.max(3, shortest)) return [];
    const { byPrefix } = this.#vocab();
    const positions = prefix.length >= 4 ? (byPrefix.get(prefix.slice(0, 4)) ?? []) : [...byPrefix].flatMap(([key, at]) => (key.startsWith(prefix) ? at : []));
    return positions.map((i) => this.#words.at(i)).filter((known) => known.length > prefix.length + 1 && known.startsWith(prefix));
  }

  /** Title words and names that begin with `letter` and have at least `minLength` letters. */
  beginningWith(letter: string, minLength: number): string[] {
    const { byFirst } = this.#vocab();
    return [...byFirst].flatMap(([key, at]) => (key.endsWith(letter) && Number(key.slice(0, -1)) >= minLength ? at.map((i) => this.#words.at(i)) : []));
  }

  #nearSpellings(word: string, accept: (candidate: string) => boolean = (candidate) => similarWord(word, candidate) > 0): string[] {
    const { byFirst, bySecond, byPrefix } = this.#vocab();
    const found = new Set<string>();
    const consider = (positions: Iterable<number>) => {
      for (const i of positions) {
        const candidate = this.#words.at(i);
        if (accept(candidate)) found.add(candidate);
      }
    };
    for (let length = Math.max(5, word.length - 2); length <= word.length + 2; length++) {
      consider(mergedInOrder(byFirst.get(`${length}${word[0]}`) ?? [], bySecond.get(`${length}${word[1]}`) ?? []));
    }
    // An abbreviation ("hyperzzw" for "hyperzcdotzcdotw") keeps the word's first letters.
    consider(byPrefix.get(word.slice(0, 4)) ?? []);
    return [...found];
  }
}

/** Two ascending lists of positions as one, each position once. */
function* mergedInOrder(a: number[], b: number[]): Generator<number> {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) yield a[i++]!;
    else if (i >= a.length || b[j]! < a[i]!) yield b[j++]!;
    else {
      yield a[i++]!;
      j++;
    }
  }
}

const EMPTY = new Int32Array(0);

export type TitleIndexParts = { keys: StringTable; offsets: Int32Array; docs: Int32Array | FileSection; titles: StringList; names: StringList; words: StringList };

/** A title's words, their stems, and which part of the title (split at its colon) each is in. */
export function titleWords(title: string): { words: string[]; stems: string[]; segment: number[] } {
  const segments = title.split(/:|\s[-–—]\s/).map(wordsOf);
  const words = segments.flat();
  return { words, stems: words.map(stem), segment: segments.flatMap((part, index) => part.map(() => index)) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Compact names → how surely each names the paper. */
export function paperNames(paper: Pick<StoredPaper, "title" | "abstract" | "organization">, titleWords: string[], isUnique: (name: string) => boolean): Map<string, number> {
  const names = namesOf(paper, isUnique);
  const found = new Map<string, number>();
  const set = (name: string, score: number) => {
    const key = compact(name);
    if (key.length >= 2 && score > (found.get(key) ?? 0)) found.set(key, score);
  };
  // A name the abstract only uses identifies the paper when the title spells it out ("MoBA": Mixture of Block Attention).
  const initials = titleWords.map((word) => word[0]).join("");
  // …and names it, as the paper that introduced it does, when it is the whole of the title's first part
  // ("Neural Tangent Kernel: Convergence and …"), not a tool the title mentions ("… via Neural Tangent Kernel Surrogate Models").
  const headInitials = wordsOf(paper.title.split(/:|\s[-–—]\s/)[0] ?? "").map((word) => word[0]).join("");
  for (const name of names.mentioned) {
    if (compact(name).length < 3) continue;
    if (compact(name) === headInitials) set(name, SETTINGS.lookup.ownNameScore);
    else if (initials.includes(compact(name))) set(name, SETTINGS.lookup.initialsNameScore);
  }
  // A name its own name extends is its predecessor: PointNet++ builds on PointNet, MobileSAMv2 on SAM; neither is it.
  const extended = names.shortName ? compact(names.shortName) : "";
  for (const name of names.own) if (!(extended.includes(compact(name)) && extended !== compact(name))) set(name, SETTINGS.lookup.ownNameScore);
  if (names.shortName && wordsOf(names.shortName).length <= 4) set(names.shortName, SETTINGS.lookup.shortNameScore);
  // The lab a listing credits ("the TIGER-Lab paper"): a name of each of its papers, which ask which when there are several.
  // Each word of it written as a name ("NYU", "VisionX" of "NYU VisionX") is one too; "Lab" is not.
  if (paper.organization) {
    set(paper.organization, SETTINGS.lookup.organizationNameScore);
    for (const word of paper.organization.split(/[\s-]+/)) if (word.length >= 3 && /\p{Lu}.*\p{Lu}/u.test(word)) set(word, SETTINGS.lookup.organizationNameScore);
  }
  return found;
}
