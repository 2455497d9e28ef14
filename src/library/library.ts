import type { Embedder } from "../embed/embedder.ts";
import { assertSameEmbedder } from "../embed/stamp.ts";
import { searchStem, searchTerms, stemSet } from "../search/stem.ts";
import { words } from "../embed/tokens.ts";
import { longFormHolds } from "../search/held-terms.ts";
import { isQuestionStopword } from "../search/query-stopwords.ts";
import { questionPhrases } from "../search/query-terms.ts";
import { phraseUsage } from "../search/acronyms.ts";
import { SETTINGS } from "../search/settings.ts";
import { loadWordVectors } from "../embed/word-vectors/cache.ts";
import { SifEncoder } from "../embed/word-vectors/sif.ts";
import type { Coverage } from "../search/doc-table.ts";
import type { LookupResult } from "../search/lookup.ts";
import type { ParsedQuestion } from "../search/question.ts";
import { PaperSearch } from "../search/search.ts";
import type { SearchOptions, SearchResult } from "../search/search-result.ts";
import type { PaperFilters, PaperStore, StoredPaper } from "../store/paper-store.ts";
import { SnapshotCache, type SnapshotCacheOptions } from "../search/snapshot-cache.ts";

/** The papers writing a topic: how many, and the titles of the first few (see SETTINGS.answer.countTitles). */
export type Mentions = { count: number; titles: string[] };

/**
 * What picks a paper's sentences for a question: its words, each weighted
 * by rarity in the library, and how near a sentence's meaning comes to the
 * question's (word vectors: "adverse drug interactions" for "drug side
 * effects"), which decides where the words say little. `quantity`: the
 * question asks how much, how many or how fast, which a sentence with a
 * figure answers; `comparative`: that figure is measured against something
 * ("how much faster is it?"); `named`: the answer is names ("what
 * datasets?"), which an abstract writes without saying "dataset".
 */
export type SentenceCue = { terms: Map<string, number>; related?: (sentence: string) => number; quantity?: boolean; comparative?: boolean; named?: boolean };
/** "what datasets?", "which benchmarks", "what models did they test on", "what gpu did they use": names answer it. */
const ASKS_NAMES = /\b(?:datasets?|benchmarks?|baselines?|(?:which|what) (?:models|llms|networks|architectures|gpus?|hardware|devices?|accelerators?)|tested on|evaluated on)\b/i;
/** "how big is the ShareGPT4V dataset?": the dataset is what is measured, a figure answers it, not the names beside it. */
const ASKS_SIZE = /\bhow (?:big|large|small)\b/i;

/** "how much faster …", "how much smaller than …": a quantity measured against something. */
const ASKS_COMPARED = /\b(?:faster|slower|smaller|larger|bigger|cheaper|better|worse|fewer|less|more)\b|\bspeed-?ups?\b/i;
/** "how much faster …?", "what accuracy does X reach?", "how many GPUs …?": a figure is the answer. */
const ASKS_QUANTITY = /\bhow (?:much|many|fast|big|large|small|long|well|accurate)\b|\bwhat (?:accuracy|speed-?up|score|size|percentage|error|latency|throughput)\b|\bwhat (?:\w+ )?(?:sizes|scales?)\b|\bby how much\b|\b(?:better|worse|faster|slower|cheaper|smaller|bigger|larger) than\b/i;

/**
 * The paper library as the rest of the bot sees it: search by question,
 * lookup by name, and what it holds. One per process; it keeps the
 * in-memory indexes warm and rebuilds them when the library changes.
 */
export class Library {
  readonly store: PaperStore;
  readonly embedder: Embedder;
  readonly #snapshots: SnapshotCache;
  #sif: Promise<SifEncoder> | undefined;
  readonly #search: PaperSearch;

  /** `snapshots.dir`: where the search indexes are cached between processes (see snapshot-cache.ts). */
  constructor(store: PaperStore, embedder: Embedder, options: { snapshots?: SnapshotCacheOptions } = {}) {
    this.store = store;
    this.embedder = embedder;
    this.#snapshots = new SnapshotCache(store, options.snapshots);
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

  /**
   * Papers like the one `name` finds by lookup; the lookup's answer when it
   * finds none, with its candidates when the name fits several (at most
   * `maxAlternatives`, as `lookup` offers them).
   */
  async similar(name: string, { maxAlternatives, ...options }: Omit<SearchOptions, "example"> & { maxAlternatives?: number } = {}): Promise<{ paper: StoredPaper; result: SearchResult } | { paper: null; lookup: LookupResult }> {
    const lookup = await this.lookup(name, maxAlternatives);
    if (!lookup.match) return { paper: null, lookup };
    return { paper: lookup.match, result: await this.search(`papers similar to ${lookup.match.title}`, { ...options, example: lookup.match }) };
  }

  /**
   * Loads (or builds and caches) the search indexes and word vectors now,
   * so a long-running bot's first question is as fast as the rest.
   */
  async warm(): Promise<void> {
    await Promise.all([loadWordVectors(), this.#snapshots.get()]);
  }

  /**
   * For an ingest: writes the search indexes' cache file of the library as
   * it is now, without loading them, and returns the version it is for
   * (undefined when there is no cache folder or it failed).
   */
  cacheSearchIndexes(): Promise<number | undefined> {
    return this.#snapshots.writeFile();
  }

  /** Inverse document frequency of content terms, for the library as it is now. */
  async idf(): Promise<(term: string) => number> {
    const snapshot = await this.#snapshots.get();
    return (term) => snapshot.idf(term);
  }

  /** One paper by id. */
  async paper(id: string): Promise<StoredPaper | undefined> {
    return (await this.#snapshots.get()).paper(id);
  }

  /** Every paper, read from the store: for the daily digest, never per question. */
  async papers(): Promise<StoredPaper[]> {
    return this.store.list();
  }

  async lookup(name: string, maxAlternatives?: number): Promise<LookupResult> {
    return this.#search.lookup(name, maxAlternatives);
  }

  /** What picks the sentences of an abstract that answer `text`: its weighted words and its meaning (see SentenceCue); `asked`, the question as asked, says whether a figure answers it. */
  async sentenceCue(text: string, asked = text): Promise<SentenceCue> {
    const sif = await (this.#sif ??= loadWordVectors().then((table) => new SifEncoder(table)));
    const unit = (vector: number[]) => {
      const norm = Math.hypot(...vector);
      return norm > 0 ? vector.map((value) => value / norm) : vector;
    };
    const question = unit(sif.removeCommon(sif.encode(text)));
    const related = (sentence: string) => unit(sif.removeCommon(sif.encode(sentence))).reduce((sum, value, i) => sum + value * question[i]!, 0);
    const quantity = ASKS_QUANTITY.test(asked);
    return { terms: await this.#withLongForms(text), related, ...(quantity && { quantity }), ...(quantity && ASKS_COMPARED.test(asked) && { comparative: true }), ...(ASKS_NAMES.test(asked) && !ASKS_SIZE.test(asked) && { named: true }) };
  }

  /** termWeights, with the long form of an acronym the abstracts define: "does it use RL?" quotes "reinforcement learning". */
  async #withLongForms(text: string): Promise<Map<string, number>> {
    const [snapshot, terms] = await Promise.all([this.#snapshots.get(), this.termWeights(text)]);
    for (const { term } of snapshot.acronyms.expand(text, 1, phraseUsage(snapshot.text))) if (!terms.has(term)) terms.set(term, snapshot.idf(term));
    return terms;
  }

  /** The long form the library's abstracts define for an acronym ("LLMs": "large language models"), if any. */
  async spelledOut(acronym: string): Promise<string | undefined> {
    const snapshot = await this.#snapshots.get();
    return snapshot.acronyms.lookup(acronym, phraseUsage(snapshot.text))?.long;
  }

  /** The content terms of a text, each weighted by how rare it is in the library. */
  async termWeights(text: string): Promise<Map<string, number>> {
    const snapshot = await this.#snapshots.get();
    return new Map(searchTerms(text).map((term) => [term, snapshot.idf(term)]));
  }

  /**
   * The words a question asks about, the most specialised in general English first ("gpus" before "run", "mamba"
   * before "beat"), each with whether a paper's title or abstract writes it ("does it use RL?" of a paper that never
   * says RL or reinforcement learning): an acronym the abstracts define counts as written when its long form is.
   */
  async wordsAsked(paper: StoredPaper, question: string): Promise<{ word: string; written: boolean }[]> {
    const [snapshot, vectors] = await Promise.all([this.#snapshots.get(), loadWordVectors()]);
    // Two words written apart count as the one a question writes ("pre-trained" holds the "pretraining" asked about).
    const text = words(`${paper.title} ${paper.abstract}`);
    const held = new Set([...stemSet(`${paper.title} ${paper.abstract}`), ...text.slice(1).map((word, i) => searchStem(`${text[i]}${word}`))]);
    const holds = longFormHolds(snapshot, question);
    const asked = [...new Set(words(question))].filter((word) => !isQuestionStopword(word) && !/^\d+$/.test(word));
    // The word vectors are in order of frequency in English: a later row, or none, is a rarer word.
    const rank = (word: string) => vectors.row(word) ?? Number.POSITIVE_INFINITY;
    return asked.sort((a, b) => rank(b) - rank(a)).map((word) => ({ word, written: holds(searchStem(word), (term) => held.has(term)) }));
  }

  /**
   * How many papers write every word of a question's topic, its word pairs as phrases ("kv cache" together), within
   * its filters: what "how many papers on KV cache?" asks, beside the few an answer cites. Without a topic, the
   * papers its filters keep.
   */
  async mentioning(query: ParsedQuestion): Promise<Mentions> {
    const snapshot = await this.#snapshots.get();
    // Two words with "for" between are the topic and its setting ("sparse attention for llms"), not a phrase a paper
    // must write as one ("attention for LLMs"): counted, no paper did.
    const adjacent = new Set(questionPhrases(query.topic, { adjacent: true }).map((phrase) => phrase.term));
    const terms = [...query.parts.main.filter((stem) => !stem.includes(" ")), ...query.parts.mainPairs.filter((pair) => adjacent.has(pair))];
    // "how many papers are from 2024?": no topic, so every paper the filters keep.
    if (terms.length === 0) return { count: Object.keys(query.filters).length > 0 ? snapshot.docs.coverage(query.filters).papers : 0, titles: [] };
    const allowed = snapshot.docs.filter(query.filters) ?? (() => true);
    // The rarest term's papers are the only candidates: a large library is never read paper by paper.
    const [rarest, ...rest] = terms.sort((a, b) => snapshot.text.documentFrequency(a) - snapshot.text.documentFrequency(b));
    const docs = [...snapshot.text.papersWith(rarest!)].filter((doc) => allowed(doc) && rest.every((term) => snapshot.text.contains(doc, term)));
    return { count: docs.length, titles: docs.slice(0, SETTINGS.answer.countTitles).map((doc) => snapshot.docs.titles.at(doc)) };
  }

  /** How many papers a search with these filters covers, and their date range. */
  async coverage(filters?: PaperFilters): Promise<Coverage> {
    return (await this.#snapshots.get()).docs.coverage(filters);
  }
}
