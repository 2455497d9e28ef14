import type { StoredPaper } from "../store/paper-store.ts";
import { compact, isFunctionWord, stem, wordsOf, type LookupQuery } from "./lookup-query.ts";
import { similarWord } from "./lookup-words.ts";
import { namesOf, nameTokens } from "./names.ts";
import { SETTINGS } from "./settings.ts";

/** One paper as lookup sees it: its title's words and the names it goes by. */
export type Entry = {
  paper: StoredPaper;
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
  /** Stems of the abstract, computed the first time the paper is a candidate. */
  abstractStems?: Set<string>;
};

/**
 * Titles and names indexed once per library snapshot, so a lookup scores
 * only the few papers that share a word, a name or a near-spelling with the
 * query rather than every paper in the library.
 */
export class TitleIndex {
  readonly entries: Entry[];
  readonly #postings = new Map<string, number[]>();
  readonly #exact = new Map<string, number[]>();
  /** Title words and names by length, for finding the words a typo'd query word was meant to be. */
  readonly #vocabulary = new Map<number, string[]>();
  /** The same by their first four letters, for abbreviations. */
  readonly #byPrefix = new Map<string, string[]>();

  constructor(papers: StoredPaper[]) {
    const usage = new Map<string, number>();
    for (const paper of papers) for (const name of nameTokens(paper.abstract)) usage.set(name, (usage.get(name) ?? 0) + 1);
    const stemFrequency = new Map<string, number>();
    const titled = papers.map((paper) => {
      const segments = paper.title.split(/:|\s[-–—]\s/).map(wordsOf);
      const words = segments.flat();
      const stems = words.map(stem);
      for (const s of new Set(stems)) stemFrequency.set(s, (stemFrequency.get(s) ?? 0) + 1);
      return { paper, words, stems, segment: segments.flatMap((part, index) => part.map(() => index)) };
    });
    const idf = (s: string) => Math.log(1 + papers.length / (stemFrequency.get(s) ?? 1));
    this.entries = titled.map(({ paper, words, stems, segment }) => ({
      paper,
      normalized: words.join(" "),
      words,
      stems,
      segment,
      weight: stems.map((s, i) => (isFunctionWord(words[i]!) ? 0.1 : idf(s))),
      names: paperNames(paper, words, (name) => usage.get(name) === 1),
    }));
    const vocabulary = new Set<string>();
    this.entries.forEach((entry, id) => {
      this.#add(this.#exact, entry.normalized, id);
      entry.words.forEach((word, i) => {
        this.#post(`w:${word}`, id);
        this.#post(`s:${entry.stems[i]}`, id);
        if (word.length >= 5) vocabulary.add(word);
        // Written together, consecutive title words are one query word: "m 3vit" → "m3vit", "multi task" → "multitask".
        for (let span = 2; span <= 3 && i + span <= entry.words.length; span++) this.#post(`w:${entry.words.slice(i, i + span).join("")}`, id);
      });
      for (const name of entry.names.keys()) {
        this.#post(`w:${name}`, id);
        if (name.length >= 5) vocabulary.add(name);
      }
    });
    for (const word of vocabulary) {
      push(this.#vocabulary, word.length, word);
      push(this.#byPrefix, word.slice(0, 4), word);
    }
  }

  /** Papers whose normalised title is exactly the query. */
  exact(normalized: string): Entry[] {
    return (this.#exact.get(normalized) ?? []).map((id) => this.entries[id]!);
  }

  /** The papers sharing most of the query's rare words, names or near-spellings: BM25's idea over titles and names. */
  candidates(query: LookupQuery): Entry[] {
    const scores = new Map<number, number>();
    const { words } = query;
    const hit = (keys: string[]) => {
      const ids = new Set(keys.flatMap((key) => this.#postings.get(key) ?? []));
      const weight = Math.log(1 + this.entries.length / Math.max(ids.size, 1));
      for (const id of ids) scores.set(id, (scores.get(id) ?? 0) + weight);
    };
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const joins = [words.slice(i, i + 2), words.slice(i, i + 3), words.slice(i, i + 4)].filter((part) => part.length > 1).map((part) => `w:${part.join("")}`);
      const keys = [`w:${word}`, `s:${query.stems[i]}`, ...joins];
      if (isFunctionWord(word) && !this.#postings.has(keys[0]!)) continue;
      if (word.length >= 5 && !keys.some((key) => this.#postings.has(key))) keys.push(...this.#nearSpellings(word).map((near) => `w:${near}`));
      hit(keys);
    }
    const whole = compact(query.core);
    if (whole.length <= 40) hit([`w:${whole}`, ...(whole.length >= 5 ? this.#nearSpellings(whole).map((near) => `w:${near}`) : [])]);
    return [...scores]
      .sort((a, b) => b[1] - a[1])
      .slice(0, SETTINGS.lookup.candidates)
      .map(([id]) => this.entries[id]!);
  }

  #nearSpellings(word: string): string[] {
    const found = new Set<string>();
    for (let length = Math.max(5, word.length - 2); length <= word.length + 2; length++) {
      for (const candidate of this.#vocabulary.get(length) ?? []) if (similarWord(word, candidate) > 0) found.add(candidate);
    }
    // An abbreviation ("hyperzzw" for "hyperzcdotzcdotw") keeps the word's first letters.
    for (const candidate of this.#byPrefix.get(word.slice(0, 4)) ?? []) if (similarWord(word, candidate) > 0) found.add(candidate);
    return [...found];
  }

  #post(key: string, id: number): void {
    this.#add(this.#postings, key, id);
  }

  #add(map: Map<string, number[]>, key: string, id: number): void {
    const list = map.get(key);
    if (!list) map.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  }
}

function push<K>(map: Map<K, string[]>, key: K, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Compact names → how surely each names the paper. */
function paperNames(paper: StoredPaper, titleWords: string[], isUnique: (name: string) => boolean): Map<string, number> {
  const names = namesOf(paper, isUnique);
  const found = new Map<string, number>();
  const set = (name: string, score: number) => {
    const key = compact(name);
    if (key.length >= 2 && score > (found.get(key) ?? 0)) found.set(key, score);
  };
  // A name the abstract only uses identifies the paper when the title spells it out ("MoBA": Mixture of Block Attention).
  const initials = titleWords.map((word) => word[0]).join("");
  for (const name of names.mentioned) if (compact(name).length >= 3 && initials.includes(compact(name))) set(name, SETTINGS.lookup.initialsNameScore);
  // The name its own name extends is its predecessor: PointNet++ builds on PointNet, it is not PointNet.
  const extended = names.shortName ? compact(names.shortName) : "";
  for (const name of names.own) if (!(extended.startsWith(compact(name)) && extended !== compact(name))) set(name, SETTINGS.lookup.ownNameScore);
  if (names.shortName && wordsOf(names.shortName).length <= 4) set(names.shortName, SETTINGS.lookup.shortNameScore);
  return found;
}
