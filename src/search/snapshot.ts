import { contentTerms } from "../embed/tokens.ts";
import { PaperLookup } from "./lookup.ts";
import { paperTerms, type PaperTerms } from "./paper-terms.ts";
import type { PaperStore, StoredPaper } from "../store/paper-store.ts";
import { AcronymIndex } from "./acronyms.ts";
import { TextIndex } from "./text-index.ts";

/** How many tokenized papers the snapshot keeps; search results recur, the whole library need not be held twice. */
const TERMS_KEPT = 2_000;

/**
 * An in-memory view of the whole library for what LanceDB cannot do as
 * search needs it: the BM25F text index with its word statistics (ranking,
 * relevance, "papers like X"), the acronyms the abstracts define, and name
 * matching over every title (lookup). Rebuilt when the store's version changes.
 */
export class LibrarySnapshot {
  readonly papers: StoredPaper[];
  readonly byId: Map<string, StoredPaper>;
  /** Position of each paper in `papers`, which is how the text index refers to it. */
  readonly indexOf: Map<string, number>;
  readonly text: TextIndex;

  /** Tokenized papers, for the few that searches keep looking at (their best results). */
  readonly #terms = new Map<string, PaperTerms>();

  constructor(papers: StoredPaper[]) {
    this.papers = papers;
    this.byId = new Map(papers.map((paper) => [paper.id, paper]));
    this.indexOf = new Map(papers.map((paper, index) => [paper.id, index]));
    this.text = new TextIndex(papers.map((paper) => paperTerms(paper)));
  }

  /** A paper's tokens, computed once and kept while few enough papers have been asked for. */
  termsOf(paper: StoredPaper): PaperTerms {
    let terms = this.#terms.get(paper.id);
    if (!terms) {
      if (this.#terms.size >= TERMS_KEPT) this.#terms.clear();
      terms = paperTerms(paper);
      this.#terms.set(paper.id, terms);
    }
    return terms;
  }

  #acronyms: AcronymIndex | undefined;

  /** Acronyms the abstracts define, built on first use. */
  get acronyms(): AcronymIndex {
    return (this.#acronyms ??= new AcronymIndex(this.papers.map((paper) => paper.abstract)));
  }

  #lookup: PaperLookup | undefined;

  get lookup(): PaperLookup {
    return (this.#lookup ??= new PaperLookup(this.papers));
  }

  /** Inverse document frequency of a content term (stemmed, as `contentTerms` gives it). */
  idf(term: string): number {
    return Math.log((this.papers.length + 1) / (this.text.documentFrequency(term) + 0.5));
  }

  /**
   * The words that most distinguish `top` from the rest of the library
   * (tf-idf, title counted twice), leaving out the topic's own words.
   */
  distinguishingTerms(top: StoredPaper[], count: number, topic: string): string[] {
    const weights = new Map<string, number>();
    const known = new Set(contentTerms(topic));
    for (const paper of top) {
      const { titleTerms, terms: textTerms } = this.termsOf(paper);
      const terms = [...titleTerms, ...textTerms];
      const frequency = new Map<string, number>();
      for (const term of terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
      for (const [term, times] of frequency) {
        const df = this.text.documentFrequency(term);
        if (known.has(term) || term.length < 3 || /^\d/.test(term) || df < 2) continue;
        weights.set(term, (weights.get(term) ?? 0) + (times / terms.length) * Math.log(this.papers.length / df));
      }
    }
    return [...weights]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([term]) => term);
  }
}

/** Keeps one snapshot per store version. */
export class SnapshotCache {
  readonly #store: PaperStore;
  #current: { version: number; snapshot: Promise<LibrarySnapshot> } | undefined;

  constructor(store: PaperStore) {
    this.#store = store;
  }

  async get(): Promise<LibrarySnapshot> {
    const version = await this.#store.version();
    if (this.#current?.version !== version) {
      this.#current = { version, snapshot: this.#store.list().then((papers) => new LibrarySnapshot(papers)) };
    }
    return this.#current.snapshot;
  }
}
