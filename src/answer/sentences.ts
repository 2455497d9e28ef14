import { contentTerms } from "../embed/tokens.ts";
import type { SentenceCue } from "../library/library.ts";
import { readableAbstract, splitSentences } from "../papers/text.ts";
import { nameTokens } from "../search/names.ts";

/**
 * Where the code or data can be had: never what a paper says about a question, whatever words it shares with it. Not
 * "a new, publicly available dataset of 900K results", which describes what was made.
 */
const AVAILABILITY = /https?:\/\/|\bgithub\.com|\b(?:publicly|freely|open[- ]source[d]?) (?:available|released)(?!\s+(?:dataset|benchmark|corpus|collection|models?|suite)\b)|\b(?:is|are|will be|been) (?:made )?(?:available|released) at\b|\bavailable at\b/i;
const CONTRIBUTION = /\b(?:we (?:propos|present|introduc|develop|show|find|found|demonstrat)\w*|this (?:paper|work)|our (?:method|approach|framework|results))\b/i;

/** A sentence that opens by pointing back ("Motivated by these insights, …", "These results …") leans on the one before it. */
const POINTS_BACK = /^(?:(?:motivated|inspired|based|building|guided|informed) (?:by|on|upon) (?:these|this|those|such|the above|(?:the|our|these) (?:findings?|insights?|observations?|results?|analys[ie]s))|(?:these|those|such|this|it|they)\b(?! (?:paper|work|study|article|thesis)\b))/i;

/** How much a sentence's closeness in meaning counts, beside one question word of average rarity (about 3). */
const RELATED_WEIGHT = 3;
/**
 * How much a question word of the paper's own name counts in picking its sentence: the name says which paper
 * ("KernelBench" in "what metric does KernelBench introduce?"), so the sentence the rest asks for ("metric")
 * should win over one that repeats the name.
 */
const NAME_WORD_WEIGHT = 0.25;
/**
 * A figure ("2×", "42.5%", "5 FPS") or a count ("375 open-weight models", "100K interactions"; not a year) in a sentence,
 * for a question asking how much or how many: worth about one question word.
 */
const FIGURE = /\d(?:[\d.,]*)\s*(?:%|×|x\b|times\b|fps\b|ms\b|gb\b|mb\b|tflops|b\b)|\b\d+(?:\.\d+)?\s*(?:-|to)\s*\d|\b(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?\s?[km]?\s+(?=[a-z])/i;
const FIGURE_WEIGHT = 3;
/** A sentence saying what a paper was run on: "experiments on", "evaluated across", "results on", "tested on". */
const EVALUATED = /\b(?:experiments?|evaluat\w*|tested|results?|benchmarked|validated)\s+(?:\w+\s+){0,3}?(?:on|across|over)\b/i;
/** Each of up to two names in a sentence, for a question whose answer is names ("what datasets?"). */
const NAMES_WEIGHT = 1.5;
/** A sentence that measures against something ("2× speedup compared to FlashAttention"), for a question asking how much faster, smaller or better. */
const MEASURED_AGAINST = /\b(?:compared (?:to|with)|relative to|than|over|speed-?ups?|reduc(?:es|ing|tion)|improv(?:es|ing|ement))\b|×/i;
/** What a figure is measured against: the word after "compared to", "than" … ("compared to FlashAttention"). */
const AGAINST_WHAT = /\b(?:than|compared (?:to|with)|relative to|over|versus|vs\.?)\s+(?:the\s+|an?\s+)?([\p{L}\p{N}-]+)/giu;

/** What the sentences are picked from: the abstract, and the title, whose name says which paper, not which sentence. */
type Source = { title?: string; abstract: string };

/**
 * The sentences of an abstract that best answer a question: most of the
 * question's (weighted) words and nearest its meaning, then a statement of
 * what the paper does, in the abstract's own order so they read naturally.
 */
export function bestSentences(paper: Source, cue: SentenceCue, count: number): string[] {
  // "How much faster than X?" is answered first, whatever came before it in the abstract.
  return rankedSentences(paper, cue)
    .slice(0, count)
    .sort((a, b) => (cue.comparative ? 0 : a.index - b.index))
    .map((entry) => entry.sentence);
}

/** Whether a sentence measures against a word of the question: "compared to FlashAttention", "than HNSW". */
function againstAsked(sentence: string, terms: Map<string, number>): boolean {
  for (const match of sentence.matchAll(AGAINST_WHAT)) {
    if (contentTerms(match[1]!).some((term) => terms.has(term))) return true;
  }
  return false;
}

/**
 * The words of the paper's name, the short name its title opens with ("KernelBench" of "KernelBench: Can LLMs
 * Write …"): they say which paper, not which sentence. Topic words of a title ("Differentially Private
 * Kernelized …") still pick its sentences.
 */
function nameWords(paper: Source): Set<string> {
  const colon = paper.title?.indexOf(":") ?? -1;
  return new Set(colon > 0 && colon <= 40 ? contentTerms(paper.title!.slice(0, colon)) : []);
}

/** An abstract's sentences, best answer first, each with its place in the abstract. */
export function rankedSentences(paper: Source, cue: SentenceCue): { sentence: string; index: number }[] {
  const sentences = splitSentences(readableAbstract(paper.abstract));
  const named = nameWords(paper);
  const scored = sentences.map((sentence, index) => {
    const terms = new Set(contentTerms(sentence));
    let score = cue.related ? RELATED_WEIGHT * cue.related(sentence) : 0;
    for (const [term, weight] of cue.terms) if (terms.has(term)) score += named.has(term) ? NAME_WORD_WEIGHT * weight : weight;
    if (CONTRIBUTION.test(sentence)) score += 0.5;
    const figure = cue.quantity === true && FIGURE.test(sentence);
    if (figure) score += FIGURE_WEIGHT;
    // "what datasets?": a sentence naming things ("ImageNet-1K", "COCO", "ADE20K") other than the paper itself.
    // Names something is run on ("experiments on CIFAR-10 and ImageNet", "evaluated across MMLU, GSM8K") answer it; names
    // of methods compared against ("better than AmoebaNet-B") or used ("CNN architecture design") count half.
    if (cue.named) {
      const names = [...nameTokens(sentence)].filter((name) => !named.has(name.toLowerCase()));
      const tested = names.filter((name) => testedOn(sentence, name)).length;
      score += NAMES_WEIGHT * Math.min(2, tested + 0.5 * (names.length - tested));
      // "Experiments on CIFAR-10 and ImageNet …": the sentence saying what it was evaluated on, over one reporting a result.
      if (tested > 0 && EVALUATED.test(sentence)) score += 1;
    }
    // "how much faster is it?": the figure measured against something, not one about another system ("only 25-40% of …").
    if (figure && cue.comparative && MEASURED_AGAINST.test(sentence)) score += 1;
    // …and most the one measured against what the question names ("than flashattention 1?": "2× speedup compared to
    // FlashAttention", not FlashAttention's own "2-4× compared to optimized baselines").
    if (figure && cue.comparative && againstAsked(sentence, cue.terms)) score += 1;
    if (AVAILABILITY.test(sentence)) score -= 1000;
    // …unless it says what the paper does: "Motivated by these insights, we developed PyramidKV" is the proposal itself.
    // (A figure asked for stands on its own: "These yield around 2× speedup compared to FlashAttention".)
    if (POINTS_BACK.test(sentence) && !CONTRIBUTION.test(sentence) && !figure) score -= 1;
    // Very long or very short sentences read badly on their own.
    if (sentence.length < 40 || sentence.length > 400) score -= 1;
    return { sentence, index, score };
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index);
}

/** Whether a name follows "on", "across", "over" or "using", itself or as one of a list after it ("on CIFAR-10 and ImageNet"). */
function testedOn(sentence: string, name: string): boolean {
  const at = sentence.indexOf(name);
  if (at < 0) return false;
  return /\b(?:on|across|over|using|datasets?|benchmarks?)\s+(?:the\s+)?(?:[^\s,;.]+(?:\s*,\s*|\s+(?:and|or)\s+))*$/i.test(sentence.slice(0, at));
}

/** Whether an abstract says what it was run on by name ("Experiments on CIFAR-10 and ImageNet"). */
export function namesTestedOn(abstract: string): boolean {
  return splitSentences(readableAbstract(abstract)).some((sentence) => EVALUATED.test(sentence) && [...nameTokens(sentence)].some((name) => testedOn(sentence, name)));
}
