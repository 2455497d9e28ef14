import type { PaperFilters, StoredPaper } from "../store/paper-store.ts";
import type { Rewrite } from "./llm-rewrite.ts";
import type { PaperOrder, ParsedQuestion } from "./question.ts";
import type { RelevanceVerdict } from "./relevance.ts";

/** `relevant`: judged to be about the question, so an answer may cite it. */
export type SearchHit = { paper: StoredPaper; score: number; relevant: boolean };

export type SearchResult = {
  query: ParsedQuestion;
  /** Whether anything found is relevant enough to answer from. */
  relevant: boolean;
  /** The relevance decision behind `relevant`: "unsure" answers but says the match may be partial. */
  verdict: RelevanceVerdict;
  /** Words added to the topic from the library's own vocabulary (acronyms the abstracts define, in the other form). */
  fieldTerms: string[];
  /** For "papers like X": the paper X, found by lookup and left out of the results. */
  example?: StoredPaper;
  /** The question was this paper's title: it ranks first, its neighbours (by its title and abstract) after it. */
  named?: StoredPaper;
  /** The question was a passage quoted from `named`'s abstract (see passage-source.ts). */
  quoted?: true;
  /** `named` was found by a loose name its title holds further on ("the lottery ticket paper"): the name, to say so. */
  namedLoosely?: string;
  /** "compare X and Y": the two papers it names, first in the results and the only ones cited. */
  compared?: [StoredPaper, StoredPaper];
  /** "HNSW vs product quantization" with no paper on both: each side's topic and the ids of the papers cited for it. */
  sides?: [Side, Side];
  /** Some paper found covers both sides, if only in part: the answer does not say none does. */
  sidesMeet?: true;
  /** The sides are two requests in one message ("papers on X and also papers on Y"), not a comparison; a side no paper covers cites none. */
  sidesApart?: true;
  /** The question was a paper's title ("Attention Is All You Need") that no paper in the library has: the results are papers on its words. */
  unfoundTitle?: string;
  /** The titles a lookup of `unfoundTitle` found nearest ("TransMLA: Multi-head Latent Attention Is All You Need"). */
  unfoundClosest?: StoredPaper[];
  /** "papers that outperform FlashAttention-2": the name compared against, and its own paper when the library has it. */
  baseline?: { name: string; own?: StoredPaper };
  /** "Papers like X" named a paper the library lacks: the results are papers on X's name instead. */
  unfoundExample?: string;
  /** A listing with filters ("papers from October 2024"): how many papers pass them, of which `results` are the first few. */
  listed?: number;
  /** A listing by date with no dates asked ("the oldest paper"), or papers on a topic by date ("the newest paper on X"): how many papers (on it) have no date, and so no place in it. */
  undatedLeftOut?: number;
  /** The word list and the vector list put the same paper first, and so does their fusion: two readings single it out. */
  firstAgreed?: true;
  results: SearchHit[];
};

/** One side of a comparison no paper covers whole, or one of two requests, as its own search found it. */
export type Side = { topic: string; ids: string[] };

/**
 * `example`: search for papers like this one (as "papers similar to X" does once X is found).
 * `named`: the question names this paper: it comes first, papers like it after.
 * `rewrite`: a language model's vocabulary for the question (src/search/llm-rewrite.ts), added to its own words.
 * `order`: the papers an answer cites in this order, as if the question had asked for it ("newest papers on X").
 * `quoted`: the question is a passage of `named` (see passage-source.ts).
 */
export type SearchOptions = { k?: number; today?: Date; filters?: PaperFilters; example?: StoredPaper; named?: StoredPaper; quoted?: true; rewrite?: Rewrite; order?: PaperOrder };
