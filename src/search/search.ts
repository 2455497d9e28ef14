import type { Embedder } from "../embed/embedder.ts";
import type { LibrarySnapshot, SnapshotCache } from "./snapshot.ts";
import type { PaperFilters, PaperStore, ScoredId, StoredPaper } from "../store/paper-store.ts";
import { reciprocalRankFusion } from "./fusion.ts";
import { Glossary } from "./glossary/glossary.ts";
import { parseQuestion, type ParsedQuestion } from "./question.ts";
import { loadWordVectors } from "../embed/word-vectors/cache.ts";
import { RelevanceJudge, topicCoverage } from "./relevance.ts";

export type SearchHit = { paper: StoredPaper; score: number };

export type SearchResult = {
  query: ParsedQuestion;
  /** Whether anything found is relevant enough to answer from. */
  relevant: boolean;
  /** Topic words the best papers do not account for (why `relevant` is false). */
  unmatched: string[];
  /** The field's terms the glossary added for the topic's everyday wording. */
  fieldTerms: string[];
  /**
   * Share of the topic's own words found in the best papers: near 1 when the
   * question uses the papers' vocabulary (ranking is sharp), lower when it
   * was phrased in other words (ranking is fuzzier).
   */
  lexicalMatch: number;
  results: SearchHit[];
};

export type SearchOptions = { k?: number; today?: Date; filters?: PaperFilters };

/** How many candidates each retriever contributes before fusion. */
const CANDIDATES = 50;
/** Pseudo-relevance feedback: from the top papers, take this many distinguishing words and search again. */
const FEEDBACK_PAPERS = 2;
const FEEDBACK_TERMS = 10;
/** Feedback only runs when the first pass left the topic's own words partly unmatched. */
const FEEDBACK_BELOW_COVERAGE = 0.9;

/**
 * Hybrid retrieval, tuned on `npm run eval`:
 * - BM25 over title (boosted) and abstract, on the question's topic;
 * - BM25 on the field's terms for everyday phrasing (the glossary);
 * - vector similarity on the topic plus those terms;
 * fused by reciprocal rank, leaning towards BM25 when the topic's own words
 * are found and towards vectors when they are not. A second BM25 pass on
 * words from the best papers (pseudo-relevance feedback) rescues questions
 * phrased far from the abstracts. Filters apply inside every query.
 */
export class PaperSearch {
  readonly #store: PaperStore;
  readonly #embedder: Embedder;
  readonly #snapshots: SnapshotCache;
  readonly #glossary = new Glossary();
  #judge: Promise<RelevanceJudge> | undefined;

  constructor(store: PaperStore, embedder: Embedder, snapshots: SnapshotCache) {
    this.#store = store;
    this.#embedder = embedder;
    this.#snapshots = snapshots;
  }

  async search(question: string, options: SearchOptions = {}): Promise<SearchResult> {
    const k = options.k ?? 10;
    const parsed = parseQuestion(question, options.today ?? new Date());
    const query = { ...parsed, filters: { ...parsed.filters, ...options.filters } };
    const { topic, filters } = query;

    const glossaryMatch = this.#glossary.match(topic);
    const snapshot = await this.#snapshots.get();
    const fieldTerms = glossaryMatch.terms.join(" ");
    const termsOf = (papers: (StoredPaper | undefined)[]) => papers.filter((paper): paper is StoredPaper => paper !== undefined).map((paper) => snapshot.termsOf(paper));
    const [text, glossary, vector] = await Promise.all([
      this.#store.textSearch(topic, CANDIDATES, filters),
      fieldTerms ? this.#store.textSearch(fieldTerms, CANDIDATES, filters) : [],
      this.#embedder.embedQuery(`${topic} ${fieldTerms}`).then((embedding) => this.#store.vectorSearch(embedding, CANDIDATES, filters)),
    ]);
    // 0.5 when half the topic's words are in the best BM25 papers; more trust in BM25 above that.
    const lean = topicCoverage(topic, termsOf(text.slice(0, 3).map((hit) => snapshot.byId.get(hit.id)))) - 0.5;
    const lists = [
      { hits: text, weight: 1 + lean },
      { hits: glossary, weight: 1 },
      { hits: vector, weight: 1 - lean },
    ];
    let ranked = fuse(lists, snapshot);
    const lexicalMatch = topicCoverage(topic, termsOf(ranked.slice(0, 3).map((hit) => hit.paper)));

    if (lexicalMatch < FEEDBACK_BELOW_COVERAGE) {
      const feedback = snapshot.distinguishingTerms(ranked.slice(0, FEEDBACK_PAPERS).map((hit) => hit.paper), FEEDBACK_TERMS, topic);
      if (feedback.length > 0) ranked = fuse([...lists, { hits: await this.#store.textSearch(feedback.join(" "), CANDIDATES, filters), weight: 1 }], snapshot);
    }
    const results = ranked.slice(0, k);
    this.#judge ??= loadWordVectors().then((table) => new RelevanceJudge(table));
    const verdict = (await this.#judge).judge(topic, glossaryMatch.cueStems, termsOf(results.map((hit) => hit.paper)), (stem) => snapshot.papersWithStem(stem));
    return { query, relevant: verdict.relevant, unmatched: verdict.unmatched, fieldTerms: glossaryMatch.terms, lexicalMatch, results };
  }
}

/** Papers written after the snapshot was taken are left out until the next search sees the new version. */
function fuse(lists: { hits: ScoredId[]; weight: number }[], snapshot: LibrarySnapshot): SearchHit[] {
  const scores = reciprocalRankFusion(lists.map((list) => ({ ids: list.hits.map((hit) => hit.id), weight: list.weight })));
  return [...scores]
    .sort((a, b) => b[1] - a[1])
    .flatMap(([id, score]) => {
      const paper = snapshot.byId.get(id);
      return paper ? [{ paper, score }] : [];
    });
}
