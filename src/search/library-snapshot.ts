import { contentTerms, isStopword, words } from "../embed/tokens.ts";
import { loadWordVectorTable } from "../embed/word-vectors/cache.ts";
import type { PaperStore, StoredPaper } from "../store/paper-store.ts";
import { RelatedWords } from "./related-words.ts";

/**
 * An in-memory view of the whole library for what LanceDB cannot do:
 * the library's vocabulary (for query expansion) and, for lookup, every
 * title. Rebuilt when the store's version changes.
 */
export class LibrarySnapshot {
  readonly papers: StoredPaper[];
  readonly #related: Promise<RelatedWords>;
  readonly #documentFrequency = new Map<string, number>();

  constructor(papers: StoredPaper[]) {
    this.papers = papers;
    for (const paper of papers) {
      for (const term of new Set(contentTerms(`${paper.title} ${paper.abstract}`))) this.#documentFrequency.set(term, (this.#documentFrequency.get(term) ?? 0) + 1);
    }
    this.#related = loadWordVectorTable().then((table) => new RelatedWords(table, libraryWords(papers)));
  }

  relatedWords(): Promise<RelatedWords> {
    return this.#related;
  }

  /**
   * Pseudo-relevance feedback: the words that most distinguish the top
   * papers from the library (tf-idf over the feedback set), to search again.
   */
  feedbackTerms(top: StoredPaper[], count: number, topic: string): string[] {
    const weights = new Map<string, number>();
    const skip = new Set(contentTerms(topic));
    for (const paper of top) {
      const terms = contentTerms(`${paper.title} ${paper.title} ${paper.abstract}`);
      const tf = new Map<string, number>();
      for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
      for (const [term, count] of tf) {
        if (skip.has(term) || term.length < 3 || /^\d/.test(term)) continue;
        const df = this.#documentFrequency.get(term) ?? 1;
        if (df < 2) continue;
        const idf = Math.log(this.papers.length / df);
        weights.set(term, (weights.get(term) ?? 0) + (count / terms.length) * idf);
      }
    }
    return [...weights].sort((a, b) => b[1] - a[1]).slice(0, count).map(([term]) => term);
  }
}

function libraryWords(papers: StoredPaper[]): Set<string> {
  const vocabulary = new Set<string>();
  for (const paper of papers) {
    for (const word of words(`${paper.title} ${paper.abstract}`)) {
      if (word.length > 2 && !isStopword(word) && !/^\d/.test(word)) vocabulary.add(word);
    }
  }
  return vocabulary;
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
