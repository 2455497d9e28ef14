import { searchTerms } from "./stem.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { AcronymIndex } from "./acronyms.ts";
import { DocTable } from "./doc-table.ts";
import type { FileSection, Sections } from "../packed/index-file.ts";
import { TitleIndex } from "./lookup-index.ts";
import { PaperLookup } from "./lookup.ts";
import { paperTerms, type PaperTerms } from "./paper-terms.ts";
import { TextIndex } from "./text-index.ts";

export type SnapshotParts = { docs: DocTable; text: TextIndex; titles: TitleIndex; acronyms: AcronymIndex };

/** Reads papers by id from wherever the library keeps them (the store). */
export type ReadPapers = (ids: string[]) => Promise<StoredPaper[]>;

/** How many papers (and their tokens) the snapshot keeps at hand: search results recur, the whole library need not be held. */
const PAPERS_KEPT = 2_000;

/**
 * What search needs of the whole library, built once per library version
 * and cached on disk (see snapshot-cache.ts): the BM25F text index with its
 * word statistics (ranking, relevance, "papers like X"), the title and name
 * index (lookup), the acronyms the abstracts define, and each paper's id,
 * title, date and upvotes. All of it is typed arrays, so it loads from the
 * cache file as it is; the papers themselves are read from the store for
 * the few a search returns.
 */
export class LibrarySnapshot {
  readonly docs: DocTable;
  readonly text: TextIndex;
  readonly acronyms: AcronymIndex;
  readonly lookup: PaperLookup;
  readonly #titles: TitleIndex;
  readonly #read: ReadPapers;
  readonly #kept = new Map<string, StoredPaper>();
  readonly #terms = new Map<string, PaperTerms>();

  private constructor(parts: SnapshotParts, read: ReadPapers) {
    this.docs = parts.docs;
    this.text = parts.text;
    this.acronyms = parts.acronyms;
    this.#titles = parts.titles;
    this.#read = read;
    this.lookup = new PaperLookup(parts.titles, { read: (docs) => this.papersAt(docs), docOf: (id) => this.docs.docOf(id), mentions: (doc, stem) => this.text.contains(doc, stem) });
  }

  static fromParts(parts: SnapshotParts, read: ReadPapers): LibrarySnapshot {
    return new LibrarySnapshot(parts, read);
  }

  /** `onDisk`: sections left in the cache file (the text index's postings), read as questions need them. */
  static fromSections(sections: Sections, read: ReadPapers, onDisk: Record<string, FileSection> = {}): LibrarySnapshot {
    const acronyms = JSON.parse(Buffer.from(sections["acronyms"]!).toString("utf8"));
    const docs = DocTable.fromSections(unprefixed("docs.", sections));
    const text = TextIndex.fromSections(unprefixed("text.", sections), unprefixed("text.", onDisk));
    return new LibrarySnapshot({ docs, text, titles: TitleIndex.fromSections(unprefixed("titles.", sections), docs.titles, unprefixed("titles.", onDisk)), acronyms: AcronymIndex.fromJSON(acronyms) }, read);
  }

  sections(): Sections {
    return {
      ...prefixed("docs.", this.docs.sections()),
      ...prefixed("text.", this.text.sections()),
      ...prefixed("titles.", this.#titles.sections()),
      acronyms: new Uint8Array(Buffer.from(JSON.stringify(this.acronyms.toJSON()))),
    };
  }

  get size(): number {
    return this.docs.size;
  }

  /** The papers at these positions, in that order, read from the store (recent ones kept at hand); a paper deleted since this snapshot was built is left out. */
  async papers(docs: number[]): Promise<StoredPaper[]> {
    return (await this.papersAt(docs)).filter((paper) => paper !== undefined);
  }

  /** `papers`, keeping each position: undefined where the paper is gone. */
  async papersAt(docs: number[]): Promise<(StoredPaper | undefined)[]> {
    const ids = docs.map((doc) => this.docs.ids.at(doc));
    const missing = ids.filter((id) => !this.#kept.has(id));
    if (missing.length > 0) {
      if (this.#kept.size + missing.length > PAPERS_KEPT) this.#kept.clear();
      for (const paper of await this.#read([...new Set(missing)])) this.#kept.set(paper.id, paper);
    }
    return ids.map((id) => this.#kept.get(id));
  }

  /** One paper by id, or undefined when the library lacks it. */
  async paper(id: string): Promise<StoredPaper | undefined> {
    const doc = this.docs.docOf(id);
    return doc === undefined ? undefined : (await this.papers([doc]))[0];
  }

  /** A paper's tokens, computed once and kept while few enough papers have been asked for. */
  termsOf(paper: StoredPaper): PaperTerms {
    let terms = this.#terms.get(paper.id);
    if (!terms) {
      if (this.#terms.size >= PAPERS_KEPT) this.#terms.clear();
      terms = paperTerms(paper);
      this.#terms.set(paper.id, terms);
    }
    return terms;
  }

  /** Inverse document frequency of a content term (stemmed, as `searchTerms` gives it). */
  idf(term: string): number {
    return Math.log((this.size + 1) / (this.text.documentFrequency(term) + 0.5));
  }

  /**
   * The words that most distinguish `top` from the rest of the library
   * (tf-idf, title counted twice), leaving out the topic's own words.
   */
  distinguishingTerms(top: StoredPaper[], count: number, topic: string): string[] {
    const weights = new Map<string, number>();
    const known = new Set(searchTerms(topic));
    for (const paper of top) {
      // Its words, not its names' parts: a paper's own name would weigh twice.
      const { titleTerms, terms: textTerms, partsFrom } = this.termsOf(paper);
      const terms = [...titleTerms.slice(0, partsFrom[0]), ...textTerms.slice(0, partsFrom[0]), ...textTerms.slice(titleTerms.length, partsFrom[1])];
      const frequency = new Map<string, number>();
      for (const term of terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
      for (const [term, times] of frequency) {
        const df = this.text.documentFrequency(term);
        if (known.has(term) || term.length < 3 || /^\d/.test(term) || df < 2) continue;
        weights.set(term, (weights.get(term) ?? 0) + (times / terms.length) * Math.log(this.size / df));
      }
    }
    return [...weights]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([term]) => term);
  }
}

/** The sections named `<prefix><name>`, as `<name>`: each part of the snapshot keeps its own names in the one file. */
function unprefixed<T>(prefix: string, sections: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(sections).flatMap(([name, section]) => (name.startsWith(prefix) ? [[name.slice(prefix.length), section]] : [])));
}

export function prefixed<T>(prefix: string, sections: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(sections).map(([name, section]) => [prefix + name, section]));
}
