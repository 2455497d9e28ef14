import type { Embedder } from "../embed/embedder.ts";
import { loadWordVectors } from "../embed/word-vectors/cache.ts";
import type { PaperStore, StoredPaper } from "../store/paper-store.ts";
import { lookupDescribed } from "./described.ts";
import type { LookupResult } from "./lookup.ts";
import { fuse, vectorWeightFor, type Ranked } from "./fusion.ts";
import { rewriteQueryTerms } from "./llm-rewrite.ts";
import { askedApart, comparedNames } from "./compared.ts";
import { asMentioned, citesEachSide, sideBySide } from "./by-side.ts";
import { againstBaseline, type AgainstBaseline } from "./baseline.ts";
import { asAsked, comparedPapers, describesTitle, exampleNamed, namedIn, namesAPaper, rareNamed, titledPaper } from "./named-papers.ts";
import { phraseUsage } from "./acronyms.ts";
import { withApostrophes } from "./contractions.ts";
import { joinedAsPapersWrite, joinedTerms, formTerms, longerForms, splitTerms } from "./compounds.ts";
import { listPapers } from "./listing.ts";
import { passageSource } from "./passage-source.ts";
import { judgePapers } from "./paper-judge.ts";
import { clusterRerank, rerankWanted } from "./rerank.ts";
import { contrastedDocs, markedDown } from "./contrast.ts";
import { parseQuestion, type PaperOrder, type ParsedQuestion } from "./question.ts";
import { exampleVerdict, RelevanceJudge, type RelevanceVerdict } from "./relevance.ts";
import { citingAtMost, exampleTerms, hitsOf, inOrder, topLexical } from "./ranked-hits.ts";
import { SETTINGS } from "./settings.ts";
import { SoftMatch } from "./soft-match.ts";
import { correctSpelling } from "./spelling.ts";
import { readOtherwise, saidAsAsked, searchRespelt } from "./read-otherwise.ts";
import type { SearchHit, SearchOptions, SearchResult } from "./search-result.ts";
import type { SnapshotCache } from "./snapshot-cache.ts";
import type { LibrarySnapshot } from "./snapshot.ts";

/**
 * Hybrid retrieval: BM25F over titles and abstracts (with word pairs as
 * phrases) from the in-memory snapshot, and vector similarity from the
 * store, fused with weights set on development data. "Papers like X" looks
 * X up and searches by its title and abstract instead of the words "like X".
 */
export class PaperSearch {
  readonly #store: PaperStore;
  readonly #embedder: Embedder;
  readonly #snapshots: SnapshotCache;
  #judge: Promise<RelevanceJudge> | undefined;
  #soft: Promise<SoftMatch> | undefined;

  constructor(store: PaperStore, embedder: Embedder, snapshots: SnapshotCache) {
    this.#store = store;
    this.#embedder = embedder;
    this.#snapshots = snapshots;
  }

  search(question: string, options: SearchOptions = {}): Promise<SearchResult> {
    const text = withApostrophes(question);
    const parts = askedApart(text);
    return parts ? this.#apart(text, parts, options) : this.#search(text, options, true);
  }

  /** A paper by name (PaperLookup.find), or by what the query describes (see described.ts). */
  async lookup(name: string, maxAlternatives?: number): Promise<LookupResult> {
    // Judged as `search` judges it, so the papers a description is offered are the ones a search for it lists.
    return lookupDescribed(name, await this.#snapshots.get(), (text) => this.search(text), maxAlternatives);
  }

  /** `respell`: whether the question's spelling may still be corrected (once: a corrected question is searched as it is). */
  async #search(question: string, options: SearchOptions, respell: boolean): Promise<SearchResult> {
    const k = options.k ?? 10;
    const parsed = parseQuestion(question, options.today ?? new Date());
    const query: ParsedQuestion = { ...parsed, filters: { ...parsed.filters, ...options.filters }, ...(options.order && { order: options.order }) };
    if (query.listing && !options.example && !options.named) return this.#list(query, query.listing, query.count ?? k);
    const byExample = options.example !== undefined || query.similarTo !== undefined;
    // The question's vector search needs no snapshot, so it starts first: on a cold start, loading the
    // snapshot and the store loading its vector index from disk then overlap.
    const questionVector = byExample ? undefined : this.#vectorSearch(this.#embedder.embedQuery(query.parts.wanted), query);
    questionVector?.catch(() => undefined);
    const snapshot = await this.#snapshots.get();
    if (respell && !byExample && !options.named) {
      // "flash attention" is searched as the papers' "flashattention", and said back as asked.
      const joined = joinedAsPapersWrite(question, snapshot.text);
      const respelt = correctSpelling(joined?.text ?? question, snapshot, await loadWordVectors()) ?? joined?.text;
      const found = respelt === undefined ? undefined : await searchRespelt(respelt, snapshot, (text) => this.#search(text, options, false));
      if (found) return joined ? saidAsAsked(found, joined) : found;
    }
    const titled = options.named || byExample ? {} : await titledPaper(question, query, snapshot);
    const named = options.named ?? titled.paper;
    // X by lookup, or the one paper whose title holds a loose name ("papers like the grokking paper").
    const example = options.example ?? named ?? (query.similarTo ? await exampleNamed(query.similarTo, (name) => this.lookup(name)) : undefined);
    // "papers like FlashAttention-3" with no such paper: papers on its name, not on "like FlashAttention-3".
    // ("stuff similar to concept bottleneck models": a topic, not a paper, is searched without saying so.)
    if (query.similarTo && !example) {
      // (Its own search finding no paper by that name says so as the missing example, not as a missing title.)
      const { unfoundTitle, ...onName } = await this.#search(query.similarTo, options, respell);
      // "papers like this: <a passage of a paper>" is like the paper it is quoted from.
      if (onName.quoted) return onName;
      return namesAPaper(query.similarTo) ? { ...onName, unfoundExample: query.similarTo } : { ...onName, ...(unfoundTitle && { unfoundTitle }) };
    }
    const allowed = snapshot.docs.filter(query.filters);
    const expansion = example ? [] : snapshot.acronyms.expand(query.parts.wanted, SETTINGS.acronymWeight, phraseUsage(snapshot.text));
    const own = [...query.parts.terms, ...expansion, ...(example ? [] : [...joinedTerms(query.topic, snapshot.text, SETTINGS.spellings.joined), ...splitTerms(query.topic, snapshot.text, SETTINGS.spellings.split), ...formTerms(query.topic, snapshot.text, SETTINGS.spellings.forms), ...longerForms(query.topic, snapshot, await loadWordVectors(), SETTINGS.spellings.forms, SETTINGS.spellings.longerSimilarity)])];
    // A quoted passage's own words say which part of its paper is asked about.
    const quotedTerms = options.quoted ? query.parts.terms.map((term) => ({ ...term, weight: term.weight * SETTINGS.passage.ownWeight })) : [];
    const terms = example ? [...exampleTerms(snapshot, example, query.likeIn), ...quotedTerms] : options.rewrite ? [...own, ...rewriteQueryTerms(options.rewrite, own)] : own;

    const exampleVector = example ? this.#vectorSearch(this.#store.vectorsOf([example.id]).then((vectors) => vectors.get(example.id)), query) : undefined;
    const [lexical, vector] = await Promise.all([
      Promise.resolve(topLexical(snapshot, terms, allowed)),
      exampleVector ?? questionVector ?? this.#vectorSearch(this.#embedder.embedQuery(query.parts.wanted), query),
    ]);
    const vectorRanked: Ranked[] = vector.flatMap((hit) => {
      const doc = snapshot.docs.docOf(hit.id);
      return doc === undefined ? [] : [{ doc, score: hit.score }];
    });
    if (!example) {
      const source = await passageSource(query, lexical, snapshot);
      if (source) return this.#search(question, { ...options, named: source, quoted: true }, false);
    }
    const skip = example ? snapshot.docs.docOf(example.id) : undefined;
    // A paper's own vector describes it better than a question's does, so "papers like X" trusts it more.
    const similar = fuse(lexical, vectorRanked, example ? SETTINGS.example.vectorWeight : vectorWeightFor(query.parts.main, lexical, snapshot.text)).filter((entry) => entry.doc !== skip);
    // A pasted title asks for that paper first, then its neighbours; "papers like X" leaves X out.
    const fused = named && skip !== undefined ? [{ doc: skip, score: similar[0]?.score ?? 1 }, ...similar] : similar;
    this.#judge ??= loadWordVectors().then((table) => new RelevanceJudge(table));
    // The relevance model was fitted on the fused order, so it reads that order's best papers.
    const verdict: RelevanceVerdict = example
      ? exampleVerdict(fused.length > 0)
      : (await this.#judge).judge(query, fused.slice(0, k).map((entry) => entry.doc), snapshot, { lexical, vector: vectorRanked });
    const reranked = example || !rerankWanted(verdict) ? fused : clusterRerank(fused, ...(await Promise.all([this.#candidateVectors(snapshot, fused), this.#softScores(query, snapshot, fused)])));
    const contrasted = example ? new Set<number>() : contrastedDocs(query, reranked, snapshot);
    const ranked = markedDown(reranked, contrasted);
    // "Newest papers on X": the newest of all the papers on X the ranking holds, not of the best few.
    // "Show me 10 papers on X" cites up to ten, past the usual few.
    const askedFor = !query.order && query.count !== undefined && query.count > SETTINGS.answer.maxPapers ? query.count : undefined;
    const judging = query.order ? Math.max(k, SETTINGS.answer.orderedPool) : Math.max(k, askedFor ?? 0);
    const top = ranked.slice(0, judging).map((entry) => entry.doc);
    // A paper whose title names what the question rules out is listed, never cited.
    const judged = judgePapers(query, ranked.slice(0, judging), verdict, snapshot, example !== undefined, query.order ? judging : askedFor).map((keep, i) => keep && !contrasted.has(ranked[i]!.doc));
    // What the answer leaves out is judged on the papers it cites, not on the best three.
    const cited = top.filter((_doc, i) => judged[i]);
    if (!example && cited.length > 0) verdict.missing = (await this.#judge).missingIn(query, cited, snapshot);
    const against = query.baseline && !example ? await againstBaseline(query.baseline, ranked, snapshot) : undefined;
    if (against) return this.#against(query, against, verdict, snapshot, k);
    const compared = example ? undefined : await comparedPapers(question, snapshot);
    if (compared && "both" in compared) return this.#comparison(query, compared.both, ranked, verdict, snapshot, k);
    // "Performer vs Linformer" with no Linformer: Performers, said to be alone, not compared with a near spelling.
    if (compared && !named) return { ...(await this.#search(question, { ...options, named: compared.found }, false)), unfoundTitle: compared.missing };
    // Unless the papers found surely cover both: "pruning vs quantization" is asked of each side, though SpAtten
    // does both (only partly on topic, it would be the answer's one paper).
    // …and the papers it cites are on each side: "information bottleneck vs concept bottleneck" had cited five concept
    // bottleneck papers and no information bottleneck one.
    const asked = example || named ? undefined : comparedNames(question)?.map((side) => asAsked(side, question));
    const together = verdict.decision === "yes" && (!asked || citesEachSide(asked, cited, snapshot));
    const sides = together ? undefined : asked;
    // (Judged covered whole, yet citing one side only, it does not say no paper covers both either.)
    const partly = (verdict.decision === "unsure" && verdict.missing.length === 0) || verdict.decision === "yes";
    const bySide = sides && (await this.#bySide(query, sides as [string, string], options, partly));
    if (bySide) return bySide;
    // "HNSW" alone: the paper it names first, even now that the titles spelling it out make it a covered topic.
    const rare = example || named || verdict.decision === "no" ? {} : await rareNamed(query, snapshot);
    if (rare.paper) return this.#search(question, { ...options, named: rare.paper }, false);
    if (verdict.decision === "no" && !example) {
      const found = await namedIn(query, snapshot);
      if (found) return this.#search(question, { ...options, named: found }, false);
      const other = respell ? await readOtherwise(question, query, snapshot, (text) => this.#search(text, options, false), k) : undefined;
      if (other) return other;
    }
    const page = ranked.slice(0, judging).map((entry, i) => ({ ...entry, relevant: judged[i]! }));
    const found = await hitsOf(snapshot, (query.order ? inOrder(page, snapshot, query.order, Math.max(SETTINGS.answer.maxPapers, Math.min(query.count ?? 0, k))) : page).slice(0, k));
    // "do you have MCUNet?" that nothing covers: the titles lookup found nearest (MCUNetV2) are the closest papers.
    const nearest = titled.missing && verdict.decision === "no" ? (titled.closest ?? []).map((paper) => ({ paper, score: 0, relevant: false })) : [];
    const counted = query.count === undefined ? found : citingAtMost(found, query.count);
    // (Only they: what else ranked for a name nothing covers is chance, "MCUNet" had listed hyperbolic embeddings.)
    const results = (nearest.length > 0 ? nearest : counted).slice(0, k);
    // "the hyperdimensional computing python library paper": a description of a few words the best paper's title holds
    // is that paper described, not a title the library lacks (Torchhd had followed "No paper in the library is titled …").
    const described = titled.missing !== undefined && !query.pastedTitle && results[0]?.relevant === true && describesTitle(titled.missing, results[0].paper.title);
    const unfound = described ? undefined : (titled.missing ?? rare.missing);
    const firstAgreed = lexical[0] !== undefined && lexical[0].doc === vectorRanked[0]?.doc && lexical[0].doc === ranked[0]?.doc;
    const undatedOnTopic = query.order === "newest" || query.order === "oldest" ? undatedLeftOut(page, results, snapshot) : 0;
    return {
      query,
      relevant: verdict.decision !== "no",
      verdict,
      fieldTerms: expansion.filter((term) => !term.term.includes(" ")).map((term) => term.term),
      results,
      ...(example && !named && { example }),
      ...(named && { named }),
      ...(named && options.quoted && { quoted: true as const }),
      ...(named && titled.loose && named === titled.paper && { namedLoosely: titled.loose }),
      ...(unfound && { unfoundTitle: unfound }),
      ...(unfound && unfound === titled.missing && titled.closest && { unfoundClosest: titled.closest }),
      ...(firstAgreed && { firstAgreed }),
      ...(undatedOnTopic > 0 && { undatedLeftOut: undatedOnTopic }),
    };
  }

  /** "compare PyramidKV and PyramidInfer": the two papers it names are the answer, whatever else ranked after them. */
  async #comparison(query: ParsedQuestion, compared: [StoredPaper, StoredPaper], ranked: Ranked[], verdict: RelevanceVerdict, snapshot: LibrarySnapshot, k: number): Promise<SearchResult> {
    const named = new Set(compared.map((paper) => snapshot.docs.docOf(paper.id)));
    const rest = ranked.filter((entry) => !named.has(entry.doc)).slice(0, Math.max(0, k - 2));
    const after = await hitsOf(snapshot, rest.map((entry) => ({ ...entry, relevant: false })));
    const best = ranked[0]?.score ?? 1;
    const results = [...compared.map((paper) => ({ paper, score: best, relevant: true })), ...after];
    return { query, relevant: true, verdict: { ...verdict, decision: "yes", missing: [] }, fieldTerms: [], results, compared };
  }

  /**
   * "HNSW vs product quantization" that no paper covers whole: each side searched on its own, when the library
   * covers both, its papers cited side by side. Undefined when a side is not covered: the question's own search
   * says what is missing.
   */
  async #bySide(query: ParsedQuestion, sides: [string, string], options: SearchOptions, partly: boolean): Promise<SearchResult | undefined> {
    const found = (await Promise.all(sides.map((side) => this.#search(side, options, false)))).map((result, i) => asMentioned(result, sides[i]!));
    if (found.some((result) => result.verdict.decision === "no" || result.example || result.compared || result.query.listing)) return undefined;
    return sideBySide(query, sides, found, options.k ?? 10, { meet: partly });
  }

  /** "papers on X and also papers on Y": each request answered on its own, side by side; the message searched whole when a part is no topic. */
  async #apart(question: string, parts: [string, string], options: SearchOptions): Promise<SearchResult> {
    const found = await Promise.all(parts.map((part) => this.#search(part, options, true)));
    // (A part naming a paper, "papers on hnsw", is that paper and the papers writing its name: see sideBySide.)
    const aside = (result: SearchResult) => result.example || result.compared || result.sides || result.baseline || result.query.listing;
    if (found.some(aside) || found.every((result) => result.verdict.decision === "no")) return this.#search(question, options, true);
    return sideBySide(parseQuestion(question, options.today ?? new Date()), parts, found, options.k ?? 10, { apart: true });
  }

  /** "papers that outperform FlashAttention-2": the papers writing the name are cited, its own paper listed after them. */
  async #against(query: ParsedQuestion, against: AgainstBaseline, verdict: RelevanceVerdict, snapshot: LibrarySnapshot, k: number): Promise<SearchResult> {
    const cited = against.cited.slice(0, SETTINGS.answer.maxPapers);
    const listed = [...against.cited.slice(cited.length), ...against.rest];
    const results = await hitsOf(snapshot, [...cited.map((entry) => ({ ...entry, relevant: true })), ...listed.map((entry) => ({ ...entry, relevant: false }))].slice(0, k));
    const baseline = { name: against.name, ...(against.own && { own: against.own }) };
    return { query, relevant: true, verdict: { ...verdict, decision: "yes", missing: [], unknown: [] }, fieldTerms: [], results, baseline };
  }

  /** A question with no topic: the library's papers in the order asked, the first few cited. */
  async #list(query: ParsedQuestion, order: PaperOrder, k: number): Promise<SearchResult> {
    const snapshot = await this.#snapshots.get();
    const ranked = listPapers(snapshot.docs, query.filters, order, k);
    const results = await hitsOf(snapshot, ranked.map((entry, i) => ({ ...entry, relevant: i < SETTINGS.answer.maxPapers })));
    const filtered = Object.keys(query.filters).length > 0 ? { listed: snapshot.docs.coverage(query.filters).papers } : {};
    const undated = order !== "upvotes" && !query.filters.from && !query.filters.to ? (snapshot.docs.coverage().undated ?? 0) : 0;
    return { query, relevant: results.length > 0, verdict: exampleVerdict(results.length > 0), fieldTerms: [], results, ...filtered, ...(undated > 0 && { undatedLeftOut: undated }) };
  }

  /** The stored vectors of the candidates the rerank reorders, in their order. */
  async #candidateVectors(snapshot: LibrarySnapshot, ranked: Ranked[]): Promise<(number[] | undefined)[]> {
    const ids = ranked.slice(0, SETTINGS.rerank.candidates).map((entry) => snapshot.docs.ids.at(entry.doc));
    const vectors = await this.#store.vectorsOf(ids);
    return ids.map((id) => vectors.get(id));
  }

  /** How closely each candidate the rerank reorders matches the question word by word (SoftMatch), in their order. */
  async #softScores(query: ParsedQuestion, snapshot: LibrarySnapshot, ranked: Ranked[]): Promise<number[]> {
    if (SETTINGS.rerank.softWeight === 0) return [];
    this.#soft ??= loadWordVectors().then((table) => new SoftMatch(table));
    const soft = await this.#soft;
    const docs = ranked.slice(0, SETTINGS.rerank.candidates).map((entry) => entry.doc);
    const papers = new Map((await snapshot.papers(docs)).map((paper) => [paper.id, paper]));
    const asked = soft.question(query.parts.wanted);
    return docs.map((doc) => {
      const paper = papers.get(snapshot.docs.ids.at(doc));
      return paper ? soft.score(asked, paper.id, `${paper.title} ${paper.abstract}`) : 0;
    });
  }

  #vectorSearch(embedding: Promise<number[] | undefined>, query: ParsedQuestion) {
    return embedding.then((vector) => (vector ? this.#store.vectorSearch(vector, SETTINGS.candidates, query.filters) : []));
  }
}

/** "the newest paper on sparse attention": how many papers on it the answer leaves out for want of a date, which gives them no place in that order. */
function undatedLeftOut(page: { doc: number; relevant: boolean }[], results: SearchHit[], snapshot: LibrarySnapshot): number {
  const cited = new Set(results.filter((hit) => hit.relevant).map((hit) => snapshot.docs.docOf(hit.paper.id)));
  return page.filter((entry) => entry.relevant && snapshot.docs.published[entry.doc] === 0 && !cited.has(entry.doc)).length;
}
