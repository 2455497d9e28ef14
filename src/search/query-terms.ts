import { isStopword, words } from "../embed/tokens.ts";
import { isQuestionStopword } from "./query-stopwords.ts";
import { SETTINGS } from "./settings.ts";
import { searchStem } from "./stem.ts";
import type { QueryTerm } from "./text-index.ts";

/** The parts of a topic, by how much they say about what is wanted. */
export type TopicParts = {
  /** Stems of the topic proper: what a relevant paper must be about. */
  main: string[];
  /** Adjacent word pairs of the topic proper. */
  mainPairs: string[];
  /** Stems of asides: parenthesised examples and aliases ("(LoRA, adapters)", "(SAE)"); support, never required. */
  aside: string[];
  /** Stems of what is contrasted away ("rather than decoding", "not text-only LLMs"). */
  contrast: string[];
  /**
   * The contrast only excludes ("other than HNSW", "nothing about video", "aren't about pyramids"), where "instead
   * of attention" offers an alternative: a title naming both sides is then out too, not a bridge between them.
   */
  excludes: boolean;
  /**
   * What a contrast within a clause is set against: the last words before it ("generation models" in
   * "… for image generation models rather than text LLMs", "convolutions" in "convolutions instead of
   * attention"), less any it repeats. A contrast in a clause of its own (", not MoE training systems")
   * is set against nothing: it excludes.
   */
  opposed: string[];
  /** Weighted words and adjacent pairs for BM25. */
  terms: QueryTerm[];
  /** The topic without what it contrasts away, for its vector: "kernel methods, not gpu kernels" is not near GPU papers. */
  wanted: string;
};

/** What separates alternatives in a topic: a phrase never spans them. */
export const ALTERNATIVES = /[,;/]|\bor\b|\band\b/;

/** "not just inference" adds, it rules nothing out. What is ruled out ends at a comma, a parenthesis or a dash between spaces ("not for language models - vision or science"). */
const CONTRAST = /\b(?:rather than|instead of|as opposed to|other than|(?<!\btell\w*\b[^,;.]*)apart from|excluding|except|(?:i|we) (?:don't|do not) (?:care about|want|need)|not interested in|(?:doesn'?t|don'?t|didn'?t|do not|does not|did not) (?:rely on|depend on|use|need|require|involve|keep|store)|(?:aren't|isn't|arent|isnt) (?:about|for|on|related to)|nothing (?:about|on|for|related to|with)|not(?! (?:just|only|merely|necessarily)\b))\b((?:(?!\s[-–—]\s)[^,;.()])*)/g;
/** Contrasts that only exclude, offering nothing in place of what they rule out. */
const EXCLUDING = /^(?:excluding|except|apart from|nothing|(?:aren't|isn't|arent|isnt|not) (?:about|related to|for)\b)/;
/** Where a setting starts after what a contrast rules out ("instead of attention | for long sequences"). */
const SETTING_START = /\s(?:for|in|on|with|when|while)\s/;

/** A question's content words, stemmed as the index stems them (numbers kept as written). */
export function questionTerms(text: string): string[] {
  return words(text)
    .filter((word) => !isQuestionStopword(word))
    .map(stem);
}

const stem = searchStem;

/**
 * Adjacent content-word pairs as the index forms them: only indexing
 * stopwords may stand between ("mixture of experts"); a dropped framing
 * word ("quantization papers that also ship") breaks the pair.
 */
export function questionPairs(text: string): string[] {
  return questionPhrases(text).map((phrase) => phrase.term);
}

/** `questionPairs`, each with the two words as the question wrote them ("speech recognition"). */
export function questionPhrases(text: string, { adjacent = false } = {}): { term: string; words: string }[] {
  const pairs: { term: string; words: string }[] = [];
  let previous: string | undefined;
  // The stopwords since `previous`, said back with the pair: "chain of thought", not "chain thought".
  let between: string[] = [];
  for (const word of words(text)) {
    if (isStopword(word)) {
      if (adjacent) previous = undefined;
      between.push(word);
      continue;
    }
    if (isQuestionStopword(word)) {
      previous = undefined;
      between = [];
      continue;
    }
    if (previous) pairs.push({ term: `${stem(previous)} ${stem(word)}`, words: [previous, ...between, word].join(" ") });
    previous = word;
    between = [];
  }
  return pairs;
}

/**
 * "machine unlearning — removing users' data from a trained model": a short
 * name, a dash, then what it means, which is an aside like one in
 * parentheses (the name is the topic). A longer first part is the asker's
 * situation and what follows the dash the question itself ("I only have a
 * couple of GPUs - how can I fine-tune …"), so it stays as written.
 */
function describedName(topic: string): string {
  const match = /^([^-–—()]+?)\s+[-–—]\s+([^()]+)$/.exec(topic);
  if (!match) return topic;
  const name = questionTerms(match[1]!);
  const situation = /\b(?:i|we|my|our|you|your|i'm|we're|have|has|is|are)\b/.test(match[1]!);
  return !situation && name.length >= 1 && name.length <= SETTINGS.queryWeights.nameWords ? `${match[1]} (${match[2]})` : topic;
}

/**
 * "sam (segment anything model)": an acronym spelt out in parentheses, its
 * long form the topic and the acronym the aside, as "segment anything model
 * (SAM)" is written; the long form says more than three letters do.
 */
function spelledOut(topic: string): string {
  const match = /^\s*([\p{L}\p{N}]{2,6})\s*\(([^()]+)\)\s*$/u.exec(topic);
  const long = match ? words(match[2]!) : [];
  const initials = long.map((word) => word[0]).join("");
  return match && long.length >= 2 && initials === match[1]!.toLowerCase().replace(/s$/, "") ? `${match[2]!.trim()} (${match[1]})` : topic;
}

/**
 * Splits a topic into its main words, its asides and what it contrasts
 * away, and weighs each: people put examples and acronyms in parentheses
 * and the thing they do not want after "rather than", and neither should
 * count as much as the topic itself.
 */
export function topicParts(text: string): TopicParts {
  const topic = spelledOut(describedName(text));
  const asides: string[] = [];
  const contrasts: string[] = [];
  const opposed: string[] = [];
  let excludes = false;
  const contrasted = (text: string) =>
    text.replace(CONTRAST, (all: string, rest: string, offset: number) => {
      excludes ||= EXCLUDING.test(all);
      const before = questionTerms(text.slice(0, offset).split(/[,;:()–—]| - |\bbut\b/).at(-1) ?? "");
      // "convolutions instead of attention for long sequences": a contrast inside a topic that runs to its end
      // rules out only what comes before a setting, which is the topic's; one that opens a clause ("instead
      // of keeping the same context for every layer, …") rules out the whole clause.
      const cut = before.length > 0 && offset + all.length === text.length ? SETTING_START.exec(rest.trimStart().replace(/^(?:for|in|on|with)\s/, "  "))?.index : undefined;
      const [ruledOut, setting] = cut === undefined ? [rest, ""] : [rest.trimStart().slice(0, cut), rest.trimStart().slice(cut)];
      contrasts.push(ruledOut);
      const named = new Set(questionTerms(ruledOut));
      opposed.push(...before.slice(-2).filter((stem) => !named.has(stem)));
      return ` , ${setting}`;
    });
  // "(the RKHS kind of kernel, not GPU kernels)": what an aside rules out is ruled out, not an example.
  const main = contrasted(
    topic.replace(/\(([^)]*)\)?/g, (_all, inner: string) => {
      asides.push(contrasted(inner));
      return " , ";
    }),
  );
  const { aside, contrast } = SETTINGS.queryWeights;
  const weights = new Map<string, number>();
  const add = (segments: string[], weight: number) => {
    // A word a long passage repeats is what it is about (BM25's query term frequency, log-damped as usual).
    const counts = new Map<string, number>();
    for (const segment of segments) {
      for (const piece of segment.split(ALTERNATIVES)) {
        for (const term of [...questionTerms(piece), ...questionPairs(piece)]) counts.set(term, (counts.get(term) ?? 0) + 1);
      }
    }
    for (const [term, count] of counts) weights.set(term, Math.max(weights.get(term) ?? 0, weight * (1 + Math.log(count))));
  };
  add(contrasts, contrast);
  add(asides, aside);
  add([main], 1);
  const mainStems = [...new Set(questionTerms(main))];
  return {
    main: mainStems,
    mainPairs: [...new Set(main.split(ALTERNATIVES).flatMap((piece) => questionPairs(piece)))],
    aside: [...new Set(asides.flatMap((text) => questionTerms(text)))].filter((stem) => !mainStems.includes(stem)),
    contrast: [...new Set(contrasts.flatMap((text) => questionTerms(text)))].filter((stem) => !mainStems.includes(stem)),
    opposed: [...new Set(opposed)],
    excludes,
    terms: [...weights].filter(([, weight]) => weight > 0).map(([term, weight]) => ({ term, weight })),
    wanted: contrasts.length > 0 ? main.replace(/\s*,(?:\s*,)*\s*/g, ", ").replace(/\s+(?:but|and|or|yet)\s*,/g, ",").replace(/^[\s,]+|[\s,]+$|\s+(?:but|and|or|yet)$/g, "") : text,
  };
}
