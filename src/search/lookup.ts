import { searchTerms } from "./stem.ts";
import { parseArxivId } from "../papers/arxiv-id.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import type { TitleIndex } from "./lookup-index.ts";
import { buildTitleIndex } from "./title-index-builder.ts";
import { describedShare, matchScore, type MatchScore } from "./lookup-match.ts";
import { isFunctionWord, parseQuery, type LookupQuery } from "./lookup-query.ts";
import { SETTINGS } from "./settings.ts";

export { stripFraming } from "./lookup-query.ts";

type Candidate = MatchScore & { doc: number };

/** Papers by their position in the indexes: read from the store, or held in memory. */
export type PaperReader = {
  /** The papers at these positions, in the same order; undefined for one gone from the library since. */
  read(docs: number[]): Promise<(StoredPaper | undefined)[]>;
  docOf(id: string): number | undefined;
  /** Whether paper `doc`'s title or abstract has this content term. */
  mentions(doc: number, stem: string): boolean;
};

export type LookupResult = {
  match: StoredPaper | null;
  /** Equally good candidates when `match` is null; near runners-up otherwise. */
  alternatives: StoredPaper[];
  /** No match and nothing to choose from: the nearest papers, for "not in the library; closest: …". */
  closest: StoredPaper[];
  /** The request reads as a description ("the paper that …") rather than a name: search for it instead. */
  description?: true;
  /** Candidates as good as the alternatives that the limit left out, so a reply can say there are more. */
  unshown?: number;
};

/**
 * Finds a paper by what people call it: its title in any case or
 * punctuation, its short name ("PyramidKV"), a name its abstract introduces
 * ("FLUTE", "the HNSW paper"), a fragment of its title, a typo'd version of
 * any of these, or its arXiv id or link. Says "no match" rather than guess,
 * with the closest papers, and offers every equally good candidate when a
 * name is ambiguous.
 */
export class PaperLookup {
  readonly #index: TitleIndex;
  readonly #papers: PaperReader;

  /** `papers` reads papers by their position in the index (the snapshot's order). */
  constructor(index: TitleIndex, papers: PaperReader) {
    this.#index = index;
    this.#papers = papers;
  }

  /** A lookup over papers held in memory, for tools and tests. */
  static over(papers: StoredPaper[]): PaperLookup {
    const ids = new Map(papers.map((paper, doc) => [paper.id, doc]));
    const terms = new Map<number, Set<string>>();
    const mentions = (doc: number, stem: string) => {
      let set = terms.get(doc);
      if (!set) terms.set(doc, (set = new Set([...searchTerms(papers[doc]!.abstract), ...searchTerms(papers[doc]!.title)])));
      return set.has(stem);
    };
    return new PaperLookup(buildTitleIndex(papers), { read: async (docs) => docs.map((doc) => papers[doc]), docOf: (id) => ids.get(id), mentions });
  }

  /**
   * The one paper whose title the text is, whole (any case or punctuation),
   * when that title is long enough to name a paper rather than a topic:
   * someone searching a pasted title means that paper and its neighbours.
   */
  async titled(text: string): Promise<StoredPaper | undefined> {
    const query = parseQuery(text);
    if (query.raw.split(" ").length < SETTINGS.lookup.titleQueryWords) return undefined;
    const exact = this.#index.exact(query.raw);
    return exact.length === 1 ? (await this.#papers.read(exact))[0] : undefined;
  }

  /** Title words and names a typo away from `word`. */
  /** The compact names paper `doc` goes by (see TitleIndex.namesOf). */
  namesOf(doc: number): string[] {
    return this.#index.namesOf(doc);
  }

  spellings(word: string): string[] {
    return this.#index.spellings(word);
  }

  /** Title words and names that begin with `letter`, of at least `minLength` letters. */
  beginningWith(letter: string, minLength: number): string[] {
    return this.#index.beginningWith(letter, minLength);
  }

  /** Title words and names that begin with `prefix` (LookupIndex.completions). */
  completions(prefix: string, shortest?: number): string[] {
    return this.#index.completions(prefix, shortest);
  }

  /** `limit` caps the alternatives offered. */
  async find(rawQuery: string, limit: number = SETTINGS.lookup.maxAlternatives): Promise<LookupResult> {
    const found = await this.#find(rawQuery, limit);
    // "that corpus of possible idiomatic expressions, ~25k sentences": what follows the last comma describes the
    // paper as a parenthesis would, when the whole (a title may hold a comma) names none.
    const comma = rawQuery.lastIndexOf(", ");
    if (found.match || found.alternatives.length > 0 || comma < 0 || /[()]/.test(rawQuery)) return found;
    const described = await this.#find(`${rawQuery.slice(0, comma)} (${rawQuery.slice(comma + 2)})`, limit);
    return described.match ? described : found;
  }

  async #find(rawQuery: string, limit: number): Promise<LookupResult> {
    const query = parseQuery(rawQuery);
    const arxivId = parseArxivId(query.core);
    if (arxivId) {
      const doc = this.#papers.docOf(arxivId);
      return this.#result({ match: doc, alternatives: [], closest: [] });
    }
    if (query.words.length === 0) return this.#result({ alternatives: [], closest: [] });

    const scored = this.#scored(rawQuery);
    const docs = (candidates: Candidate[]) => candidates.map((candidate) => candidate.doc);
    // Among equals, a title that opens with the query's words first ("pyramid": PyramidInfer before Feature Pyramid Networks).
    const offered = (candidates: Candidate[]) => ({
      alternatives: docs([...candidates].sort((a, b) => b.score - a.score || leadRank(a) - leadRank(b)).slice(0, limit)),
      unshown: Math.max(0, candidates.length - limit),
    });
    const none = { alternatives: [], closest: [] };
    const { matchThreshold, tieMargin, alternativeBand } = SETTINGS.lookup;
    const best = scored[0];
    // A phrase several titles hold whole, each in a longer name ("kv cache compression"), is a topic: ask which.
    const holding = scored.filter((candidate) => candidate.complete && candidate.topical >= matchThreshold);
    if (best && best.score < matchThreshold && holding.length > 1) return this.#result({ ...none, ...offered(holding), ...descriptionFlag(query) });
    const described = query.about && best && best.score < matchThreshold ? this.#described(query, scored) : undefined;
    if (described !== undefined) return this.#result({ match: described, alternatives: [], closest: [] });
    if (best && best.score < matchThreshold && this.#misremembered(query, best.doc) && (scored[1]?.score ?? 0) <= SETTINGS.lookup.misrememberedMargin * best.score) {
      return this.#result({ match: best.doc, alternatives: [], closest: [] });
    }
    if (!best || best.score < matchThreshold) {
      const closest = scored.filter((candidate) => candidate.score >= SETTINGS.lookup.closestFloor).slice(0, SETTINGS.lookup.closest);
      return this.#result({ ...none, closest: docs(closest), ...descriptionFlag(query) });
    }
    // Title words that several titles hold alike name none of them ("kv cache compression"), whatever caps each got.
    const alike = (candidate: Candidate) => best.fragment && candidate.complete && best.topical - candidate.topical <= SETTINGS.lookup.fragmentTie;
    const tied = scored.filter((candidate) => candidate === best || (candidate.score >= matchThreshold && best.score - candidate.score <= tieMargin) || alike(candidate));
    if (tied.length > 1) return this.#result({ ...none, ...offered(tied), ...descriptionFlag(query) });
    const runnersUp = scored.slice(1, 1 + limit).filter((candidate) => candidate.score >= Math.max(matchThreshold, best.score - alternativeBand));
    return this.#result({ match: best.doc, alternatives: docs(runnersUp), closest: [] });
  }

  /**
   * A long title remembered with one word swapped ("Breaking the Memory Wall: …" for "… Memory Barrier: …"):
   * every other content word of the query and of the title the same, in a title of at least
   * `misrememberedWords` of them. Names and numbers are not swapped words: "FlashAttention-3" is not
   * FlashAttention-2, and a name-like query is left to the name rules.
   */
  #misremembered(query: LookupQuery, doc: number): boolean {
    if (query.nameLike) return false;
    const content = (words: string[], stems: string[]) => new Set(stems.filter((_, i) => !isFunctionWord(words[i]!) && !/\d/.test(words[i]!)));
    const asked = content(query.words, query.stems);
    const entry = this.#index.entry(doc, () => false);
    const titled = content(entry.words, entry.stems);
    if (titled.size < SETTINGS.lookup.misrememberedWords) return false;
    const missing = [...titled].filter((stem) => !asked.has(stem));
    const extra = [...asked].filter((stem) => !titled.has(stem));
    return missing.length === 1 && extra.length === 1 && asked.size === titled.size;
  }

  /** The one paper a description singles out (see describedShare), if any. */
  #described(query: LookupQuery, scored: Candidate[]): number | undefined {
    const { describedTitleShare, describedMargin } = SETTINGS.lookup;
    const [first, second] = scored
      .map((candidate) => ({ doc: candidate.doc, share: describedShare(query, this.#index.entry(candidate.doc, (stem) => this.#papers.mentions(candidate.doc, stem))) }))
      .sort((a, b) => b.share - a.share);
    return first && first.share >= describedTitleShare && first.share - (second?.share ?? 0) >= describedMargin ? first.doc : undefined;
  }

  /** Candidates are scored from the title index alone; only the papers a result names are read. */
  #scored(rawQuery: string): Candidate[] {
    const query = parseQuery(rawQuery);
    const exact = this.#index.exact(query.raw);
    if (exact.length === 1) return [{ doc: exact[0]!, score: 1, fragment: false, complete: true, topical: 1, lead: 0 }];
    const docs = exact.length > 1 ? exact : this.#index.candidates(query);
    return docs
      .map((doc) => ({ doc, ...matchScore(query, this.#index.entry(doc, (stem) => this.#papers.mentions(doc, stem))) }))
      .sort((a, b) => b.score - a.score);
  }

  async #result(found: { match?: number | undefined; alternatives: number[]; closest: number[]; description?: true; unshown?: number }): Promise<LookupResult> {
    const wanted = [...new Set([...(found.match === undefined ? [] : [found.match]), ...found.alternatives, ...found.closest])];
    const read = await this.#papers.read(wanted);
    const byDoc = new Map(wanted.map((doc, i) => [doc, read[i]]));
    const paper = (doc: number) => byDoc.get(doc);
    const present = (docs: number[]) => docs.flatMap((doc) => paper(doc) ?? []);
    return {
      match: found.match === undefined ? null : (paper(found.match) ?? null),
      alternatives: present(found.alternatives),
      closest: present(found.closest),
      ...(found.description && { description: true }),
      ...(found.unshown && { unshown: found.unshown }),
    };
  }
}

function leadRank(candidate: Candidate): number {
  return candidate.lead < 0 ? Number.MAX_SAFE_INTEGER : candidate.lead;
}

/** "the paper that …" / "a paper about …" with no name in it: a description for search, not a name. */
function descriptionFlag(query: LookupQuery): { description?: true } {
  return query.about && !query.nameLike ? { description: true } : {};
}
