import type { Embedder } from "../embed/embedder.ts";
import type { PaperFilters, PaperStore, StoredPaper } from "../store/paper-store.ts";
import { reciprocalRankFusion } from "./fusion.ts";
import { parseQuestion, type ParsedQuestion } from "./question.ts";
import { SnapshotCache } from "./library-snapshot.ts";
import { judgeRelevance, topicCoverage } from "./relevance.ts";
import { contentWords } from "./topic-words.ts";

export type SearchHit = { paper: StoredPaper; score: number };

export type SearchResult = {
  query: ParsedQuestion;
  /** Whether anything found is relevant enough to answer from. */
  relevant: boolean;
  results: SearchHit[];
};

export type SearchOptions = { k?: number; today?: Date; filters?: PaperFilters };

/** How many candidates each retriever contributes before fusion. */
const CANDIDATES = 50;
const TEXT_WEIGHT = Number(process.env.TW ?? 1);
const VECTOR_WEIGHT = Number(process.env.VW ?? 1);
const EXPANSION_WEIGHT = Number(process.env.EW ?? 0.5);
const RELATED_PER_WORD = Number(process.env.RK ?? 3);
const RELATED_MIN = Number(process.env.RM ?? 0.55);
const PRF_DOCS = Number(process.env.PD ?? 3);
const PRF_TERMS = Number(process.env.PT ?? 10);
const PRF_WEIGHT = Number(process.env.PW ?? 0.7);
const PRF_GATE = Number(process.env.PG ?? 2);

/**
 * Hybrid retrieval: BM25 over title and abstract, plus vector similarity,
 * fused by reciprocal rank. Filters from the question (dates, upvotes) are
 * applied inside both queries.
 */
export class PaperSearch {
  readonly #store: PaperStore;
  readonly #embedder: Embedder;
  readonly #snapshots: SnapshotCache;

  constructor(store: PaperStore, embedder: Embedder) {
    this.#store = store;
    this.#embedder = embedder;
    this.#snapshots = new SnapshotCache(store);
  }

  async search(question: string, options: SearchOptions = {}): Promise<SearchResult> {
    const k = options.k ?? 10;
    const query = parseQuestion(question, options.today ?? new Date());
    const filters = { ...query.filters, ...options.filters };
    query.filters = filters;

    const related = await this.#snapshots.get().then((snapshot) => snapshot.relatedWords());
    const expansion = [...new Set(contentWords(query.topic).flatMap((word) => related.related(word, RELATED_PER_WORD, RELATED_MIN)))].join(" ");
    const [text, expanded, vector] = await Promise.all([
      this.#store.textSearch(query.topic, CANDIDATES, filters),
      expansion ? this.#store.textSearch(expansion, CANDIDATES, filters) : [],
      this.#embedder.embedQuery(process.env.VX ? `${query.topic} ${expansion}` : query.topic).then((embedding) => this.#store.vectorSearch(embedding, CANDIDATES, filters)),
    ]);
    const papers = new Map([...text, ...expanded, ...vector].map((hit) => [hit.paper.id, hit.paper]));
    const textCoverage = topicCoverage(query.topic, text.slice(0, 3).map((hit) => hit.paper));
    const adapt = Number(process.env.AD ?? 0);
    const TEXT_W = TEXT_WEIGHT * (1 + adapt * (textCoverage - 0.5));
    const VECTOR_W = VECTOR_WEIGHT * (1 - adapt * (textCoverage - 0.5));
    const fused = reciprocalRankFusion([
      { ids: text.map((hit) => hit.paper.id), weight: TEXT_W },
      { ids: expanded.map((hit) => hit.paper.id), weight: EXPANSION_WEIGHT },
      { ids: vector.map((hit) => hit.paper.id), weight: VECTOR_W },
    ]);
    let ranked = [...fused].sort((a, b) => b[1] - a[1]);
    const initialCoverage = topicCoverage(query.topic, ranked.slice(0, 3).map(([id]) => papers.get(id)!));
    if (PRF_DOCS > 0 && initialCoverage < PRF_GATE) {
      const snapshot = await this.#snapshots.get();
      const feedback = snapshot.feedbackTerms(ranked.slice(0, PRF_DOCS).map(([id]) => papers.get(id)!), PRF_TERMS, query.topic);
      if (feedback.length > 0) {
        const second = await this.#store.textSearch(feedback.join(" "), CANDIDATES, filters);
        for (const hit of second) papers.set(hit.paper.id, hit.paper);
        const refused = reciprocalRankFusion([
          { ids: text.map((hit) => hit.paper.id), weight: TEXT_W },
          { ids: expanded.map((hit) => hit.paper.id), weight: EXPANSION_WEIGHT },
          { ids: vector.map((hit) => hit.paper.id), weight: VECTOR_W },
          { ids: second.map((hit) => hit.paper.id), weight: PRF_WEIGHT },
        ]);
        ranked = [...refused].sort((a, b) => b[1] - a[1]);
      }
    }
    const results = ranked.slice(0, k).map(([id, score]) => ({ paper: papers.get(id)!, score }));
    return { query, relevant: judgeRelevance(query.topic, results), results };
  }
}
