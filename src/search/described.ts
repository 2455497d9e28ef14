import { parseArxivId } from "../papers/arxiv-id.ts";
import { isFunctionWord, parseQuery, wordsOf } from "./lookup-query.ts";
import type { LookupResult } from "./lookup.ts";
import type { SearchResult } from "./search-result.ts";
import { questionTerms } from "./query-terms.ts";
import { SETTINGS } from "./settings.ts";
import { isBackground } from "./topic-evidence.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { searchStem, stemSet } from "./stem.ts";
import { isTitleLike } from "./title-like.ts";

/** "the … index that keeps …": a thing introduced, then a clause on what it does. */
const DESCRIBING_CLAUSE = /^(?:the|a|an|that|this)\s+\S.{0,80}?\s(?:that|which|where|who)\s+\S+\s+\S/i;

/**
 * A paper by name (PaperLookup.find), or failing that by what the query
 * describes: a description a search singles out (describedMatch), or the
 * description beside a name no paper uses at all.
 */
export async function lookupDescribed(name: string, snapshot: LibrarySnapshot, search: (text: string) => Promise<SearchResult>, maxAlternatives?: number): Promise<LookupResult> {
  const found = await snapshot.lookup.find(name, maxAlternatives);
  // An arXiv id or link names one paper or none: the words of a link ("https", "abs") describe nothing.
  if (found.match || found.alternatives.length > 0 || parseArxivId(name)) return found;
  // "the paper that converts GQA models into …" is a description even with a name-like word in it; so is
  // "the dermatology image dataset from south india", several plain words in chat case that no title holds.
  const query = parseQuery(name);
  const papersUsing = (word: string) => snapshot.text.documentFrequency(searchStem(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")));
  // A name in it ("GPT-4 technical report") asks for that paper, which a search cannot tell from its neighbours;
  // a word written like a name that a twentieth of the library uses ("GPU", "AI") is its vocabulary, not a name.
  // A word the library's abstracts define as an acronym is a name however it is typed ("lora low-rank adaptation …").
  // A number alone ("204 tasks") is a fact about the paper, not its name.
  // A number last is a version ("flash attention 3"): the words before it name a paper.
  const version = /^v?\d{1,2}$/i.test(query.words.at(-1) ?? "") ? [query.words.join(" ")] : [];
  const names = [...query.names.filter((word) => !/^\d+$/.test(word)), ...query.words.filter((word) => snapshot.acronyms.lookup(word) !== undefined), ...version];
  // ("ML" in "the gym-style framework for ML-assisted …" is the library's vocabulary too: its long form is.)
  const vocabulary = (word: string) => {
    const long = snapshot.acronyms.lookup(word)?.long;
    return papersUsing(word) >= SETTINGS.relevance.backgroundShare * snapshot.text.size || (long !== undefined && isBackground(questionTerms(long).join(" "), snapshot.text));
  };
  // A word joined to a name ("ML-assisted") is a name by the part written as one.
  // (Not a version: "GPT-4" is a name whole.)
  const nameParts = (word: string) => {
    const parts = word.split("-");
    const capitalised = parts.filter((part) => /\p{Lu}/u.test(part));
    return capitalised.length === 1 && parts.every((part) => capitalised.includes(part) || /^\p{Ll}{3,}$/u.test(part)) ? capitalised : [word];
  };
  const named = names.some((word) => !nameParts(word).every(vocabulary));
  const plain = query.words.filter((word) => !isFunctionWord(word));
  // "the memory-disk hybrid ANN index that keeps centroids in RAM and posting lists on SSD": a thing and a clause
  // saying what it does, at length, describes a paper, whatever names it uses on the way.
  const clause = DESCRIBING_CLAUSE.test(name.trim()) && plain.length >= SETTINGS.lookup.describedClauseWords;
  if (query.about || clause || (!named && !isTitleLike(name) && plain.length >= SETTINGS.lookup.describedWords)) {
    const searched = await search(name);
    // A passage quoted from a paper's abstract is that paper, however its words describe others as well.
    if (searched.quoted && searched.named) return { match: searched.named, alternatives: [], closest: [] };
    const match = describedMatch(found, searched);
    // A bare phrase ("deep residual learning for image recognition") is more often a title remembered than a
    // description: a paper sharing a few of its words ("… Pseudo-3D Residual Networks") is not it. Introduced as a
    // description ("the one that …", "that deepseek v3 paper …"), it needs no such likeness.
    const introduced = query.about || /^(?:the|a|an|that|this)\s/i.test(name.trim());
    if (introduced && !match.match) return singledOut(plain, names, searched, snapshot) ?? unsingled(found, searched);
    if (!match.match) return unsingled(found, searched);
    return introduced || titleHolds(match.match.title, plain) ? match : unsingled(found, searched);
  }
  // "the faiss paper - billion scale similarity search on gpus": a name no paper uses at all cannot tell papers
  // apart, so the description beside it decides, as a lookup of its own.
  if (plain.every((word) => papersUsing(word) === 0) && query.described.length >= SETTINGS.lookup.describedWords) {
    const beside = await snapshot.lookup.find(query.described.join(" "), maxAlternatives);
    if (beside.match) return beside;
  }
  // A name no title comes close to ("lora"): the papers a search finds that use its rarest word the library knows
  // are the closest there is ("MSPLoRA"); a name no paper uses at all has none.
  const rarest = plain.map((word) => ({ stem: searchStem(word.toLowerCase()), papers: papersUsing(word) })).filter((word) => word.papers > 0).sort((a, b) => a.papers - b.papers)[0];
  if (found.closest.length === 0 && !found.description && rarest) {
    const closest = (await search(name)).results.map((hit) => hit.paper).filter((paper) => stemSet(`${paper.title} ${paper.abstract}`).has(rarest.stem));
    if (closest.length > 0) return { ...found, closest };
  }
  return found;
}

/**
 * A description no paper stands out for ("that paper where they disaggregate prefill and decoding onto
 * different GPUs", with two papers on it close together): a description still, so the asker is sent to the
 * search, and the papers that search judged on topic are the closest, not "no match" with nothing to go on.
 */
function unsingled(found: LookupResult, searched: SearchResult): LookupResult {
  // What the search judged on topic fits a description better than titles sharing some of its words.
  const judged = searched.verdict.decision === "no" ? [] : searched.results.filter((hit) => hit.relevant).slice(0, SETTINGS.lookup.closest).map((hit) => hit.paper);
  return { ...found, closest: judged.length > 0 ? judged : found.closest, description: true };
}

/**
 * A lookup that reads as a description ("the paper where LLMs write GPU
 * kernels and get scored with fast_p") and names no paper by its title:
 * the paper a search for it finds, when the search does not judge its
 * topic absent and that paper stands well clear of the next, further
 * still when the search is unsure of the topic ("mamba selective state
 * spaces" finds a paper that only mentions Mamba, a little ahead of others
 * that do too); or, close behind it or not, the one paper the search judged
 * on topic ("the paper where several copies of an LLM share one KV cache":
 * Hogwild!, ahead of KV cache papers it judged off topic). A description
 * of a paper the library lacks ("the paper that introduced the
 * transformer") finds several alike, and stays no match.
 */
export function describedMatch(found: LookupResult, search: SearchResult): LookupResult {
  const [first, second] = search.results;
  if (found.match || !first || search.verdict.decision === "no") return found;
  const { describedSearchMargin, describedUnsureMargin } = SETTINGS.lookup;
  const margin = search.verdict.decision === "yes" || search.firstAgreed ? describedSearchMargin : describedUnsureMargin;
  if (second && second.score > margin * first.score && !judgedAlone(search)) return found;
  return { match: first.paper, alternatives: [], closest: [] };
}

/** Whether the search is sure of the topic and judged its first paper, and only that one, on it. */
function judgedAlone(search: SearchResult): boolean {
  return search.verdict.decision === "yes" && search.results[0]?.relevant === true && search.results.filter((hit) => hit.relevant).length === 1;
}

/** Whether a title holds at least `rememberedTitleShare` of these words (by stem). */
function titleHolds(title: string, words: string[]): boolean {
  const stems = titleStems(title);
  const held = words.filter((word) => stems.has(searchStem(word))).length;
  return held >= SETTINGS.lookup.rememberedTitleShare * words.length;
}

/**
 * "the rail-only network paper", "the benchmark with 204 tasks contributed by 442 authors", "… to optimize goodput":
 * a plain word or number of the description that only one paper in the library uses, in its title or abstract, singles that paper out
 * when the search for the description finds it first. A name-like word is left to the names ("GaLore" in
 * another paper's title is a paper the library lacks).
 */
function singledOut(plain: string[], names: string[], searched: SearchResult, snapshot: LibrarySnapshot): LookupResult | undefined {
  const first = searched.results[0]?.paper;
  const doc = first ? snapshot.docs.docOf(first.id) : undefined;
  if (!first || doc === undefined) return undefined;
  const named = new Set(names.map((word) => word.toLowerCase()));
  const title = titleStems(first.title);
  // As the abstract writes it: in lower case or as a number, a plain word; capitalised, a name ("AlexNet", typed "alexnet").
  const plainIn = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[^\p{L}\p{N}]/gu, "")}`, "u").test(first.abstract);
  const telling = plain.some((word) => {
    const stem = searchStem(word);
    return !named.has(word) && snapshot.text.documentFrequency(stem) === 1 && snapshot.text.contains(doc, stem) && (title.has(stem) || plainIn(word));
  });
  return telling ? { match: first, alternatives: [], closest: [] } : undefined;
}

/** A title's words as lookup reads them ("bitnet.cpp" one word), by search stem. */
function titleStems(title: string): Set<string> {
  return new Set(wordsOf(title).map((word) => searchStem(word)));
}
