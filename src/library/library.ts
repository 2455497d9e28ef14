import type { Embedder } from "../embed/embedder.ts";
import { assertSameEmbedder } from "../embed/stamp.ts";
import { contentTerms } from "../embed/tokens.ts";
import { loadWordVectors } from "../embed/word-vectors/cache.ts";
import type { LookupResult } from "../search/lookup.ts";
import { PaperSearch, type SearchOptions, type SearchResult } from "../search/search.ts";
import type { PaperFilters, PaperStore, StoredPaper } from "../store/paper-store.ts";
import { SnapshotCache } from "../search/snapshot.ts";

/**
 * The paper library as the rest of the bot sees it: search by question,
 * lookup by name, and what it holds. One per process; it keeps the
 * in-memory indexes warm and rebuilds them when the library changes.
 */
export class Library {
  readonly store: PaperStore;
  readonly embedder: Embedder;
  readonly #snapshots: SnapshotCache;
  readonly #search: PaperSearch;

  constructor(store: PaperStore, embedder: Embedder) {
    this.store = store;
    this.embedder = embedder;
    this.#snapshots = new SnapshotCache(store);
    this.#search = new PaperSearch(store, embedder, this.#snapshots);
  }

  /** Fails with a clear message when the library was built by another embedder. */
  #checkedVersion: number | undefined;

  async checkEmbedder(): Promise<void> {
    const version = await this.store.version();
    if (version === this.#checkedVersion) return;
    assertSameEmbedder(await this.store.builtWith(), { embedder: this.embedder.id, dims: this.embedder.dims });
    this.#checkedVersion = version;
  }

  async search(question: string, options?: SearchOptions): Promise<SearchResult> {
    await this.checkEmbedder();
    return this.#search.search(question, options);
  }

  /** Papers like the one `name` finds by lookup; the lookup's answer when it finds none. */
  async similar(name: string, options: Omit<SearchOptions, "example"> = {}): Promise<{ paper: StoredPaper; result: SearchResult } | { paper: null; lookup: LookupResult }> {
    const lookup = await this.lookup(name);
    if (!lookup.match) return { paper: null, lookup };
    return { paper: lookup.match, result: await this.search(`papers similar to ${lookup.match.title}`, { ...options, example: lookup.match }) };
  }

  /**
   * Builds the in-memory indexes now (word vectors, snapshot, name index),
   * so a long-running bot's first question is as fast as the rest.
   */
  async warm(): Promise<void> {
    await Promise.all([loadWordVectors(), this.#snapshots.get().then((snapshot) => snapshot.lookup)]);
  }

  /** Inverse document frequency of content terms, for the library as it is now. */
  async idf(): Promise<(term: string) => number> {
    const snapshot = await this.#snapshots.get();
    return (term) => snapshot.idf(term);
  }

  /** One paper by id, from the warm snapshot's index. */
  async paper(id: string): Promise<StoredPaper | undefined> {
    return (await this.#snapshots.get()).byId.get(id);
  }

  /** Every paper, from the warm snapshot. */
  async papers(): Promise<StoredPaper[]> {
    return (await this.#snapshots.get()).papers;
  }

  async lookup(name: string, maxAlternatives?: number): Promise<LookupResult> {
    return (await this.#snapshots.get()).lookup.find(name, maxAlternatives);
  }

  /** The content terms of a text, each weighted by how rare it is in the library. */
  async termWeights(text: string): Promise<Map<string, number>> {
    const snapshot = await this.#snapshots.get();
    return new Map(contentTerms(text).map((term) => [term, snapshot.idf(term)]));
  }

  /** How many papers a search with these filters covers, and their date range. */
  coverage(filters?: PaperFilters): Promise<{ papers: number; earliest?: string; latest?: string }> {
    return this.store.coverage(filters);
  }
}
