import type { Ranked } from "./fusion.ts";
import type { ParsedQuestion } from "./question.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { phraseUsage } from "./acronyms.ts";
import { questionPairs, questionTerms } from "./query-terms.ts";
import { longFormHolds } from "./held-terms.ts";
import { searchStem, stemSet, withForms } from "./stem.ts";

/**
 * Whether a paper's title is on the side of a contrast the question does
 * not want: it names at least half of the ruled-out words the topic itself
 * does not use ("not MoE training systems", "I don't care about CPU
 * inference") and none of the words they are set against, unless they are
 * as rare as a name ("other than Swin"). A paper naming
 * both compares or bridges them, often the very paper wanted ("Pay Less
 * Attention with Lightweight and Dynamic Convolutions" for "convolutions
 * instead of attention"). Words too common in the library to tell papers
 * apart ("model", "training") are left out; a title says what a paper is
 * about, where an abstract may mention anything in passing. What the question rules out is read once, each
 * title then by the test returned.
 */
function namesContrast(question: ParsedQuestion, snapshot: LibrarySnapshot): (doc: number) => boolean {
  const holds = longFormHolds(snapshot, question.parts.contrast.join(" "));
  const rare = (stem: string) => snapshot.text.documentFrequency(stem) <= SETTINGS.queryWeights.contrastMaxShare * snapshot.size;
  const telling = (stem: string) => !stem.includes(" ") && rare(stem);
  // "mixture-of-experts serving (not MoE training)": an acronym for what the topic itself says is not ruled out.
  const main = new Set(question.parts.main);
  const usage = phraseUsage(snapshot.text);
  const longForms = new Map(question.parts.contrast.map((stem) => [stem, snapshot.acronyms.lookup(stem, usage)?.long]));
  const ruledOut = question.parts.contrast.filter((stem) => {
    const long = longForms.get(stem);
    return telling(stem) && !(long && questionTerms(long).every((term) => main.has(term)));
  });
  // "… that doesn't rely on language models": words too common to tell papers apart may still make a telling phrase.
  // (The ruled-out words, in the question's order: each two in a row a phrase.)
  if (ruledOut.length === 0) {
    const said = question.parts.contrast;
    // A phrase says one thing where its words say many: it tells papers apart though a third of the library writes it.
    const phrases = said.slice(1).map((stem, i) => `${said[i]} ${stem}`).filter((phrase) => snapshot.text.documentFrequency(phrase) > 0 && snapshot.text.documentFrequency(phrase) <= SETTINGS.queryWeights.contrastPhraseShare * snapshot.size);
    return (doc) => namesPhrase(phrases, snapshot.docs.titles.at(doc), snapshot);
  }
  // Words as rare as a name ("other than Swin") rule out that one thing, an instance of the topic rather
  // than a side of it that a title could bridge: a title naming them is out, whatever else it names.
  const nameLike = (stem: string) => snapshot.text.documentFrequency(stem) <= SETTINGS.queryWeights.contrastNameShare * snapshot.size;
  const instance = ruledOut.every(nameLike);
  // "sparse attention but not for LLMs", "… excluding LLMs": a paper that keeps writing the one word a question leaves
  // out is on that side, its title naming it or not. Not a side an alternative is weighed against ("CPUs rather than
  // GPUs": papers on CPU inference write GPUs too), nor each of several words ("not MoE training systems").
  const byLeaning = question.parts.excludes && question.parts.contrast.length === 1;
  return (doc) => {
    // Two words written apart name what a question writes as one: "Flash Attention" is the "FlashAttention" ruled out.
    const written = snapshot.docs.titles.at(doc);
    const apart = (written.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word, i, all) => (i > 0 ? searchStem(`${all[i - 1]}${word}`) : ""));
    const title = withForms(new Set([...stemSet(written), ...apart.filter(Boolean)]));
    // "not HNSW": a title spelling out the acronym the library defines names it. A side of a topic ("not for LLMs")
    // must be spelt out as its phrase: "Large Vision-Language Models" holds every word of "large language models".
    const pairs = new Set(questionPairs(written));
    const leaning = (stem: string) => byLeaning && leansOn(doc, stem, longForms.get(stem), snapshot);
    const named = ruledOut.filter((stem) => (nameLike(stem) ? holds(stem, (term) => title.has(term)) : title.has(stem) || longPhraseIn(longForms.get(stem), pairs) || leaning(stem)));
    if (named.length * 2 < ruledOut.length || doesWithout(written, named)) return false;
    return instance || question.parts.excludes || !question.parts.opposed.some((stem) => telling(stem) && title.has(stem));
  };
}

/** Whether paper `doc` writes a word (or the acronym's long form) at least `contrastLeaning` times. */
function leansOn(doc: number, stem: string, long: string | undefined, snapshot: LibrarySnapshot): boolean {
  const spelt = long ? questionPairs(long)[0] : undefined;
  const times = snapshot.text.occurrences(doc, stem) + (spelt ? snapshot.text.occurrences(doc, spelt) : 0);
  return times >= SETTINGS.queryWeights.contrastLeaning;
}

/** Whether a title's word pairs hold every pair of an acronym's long form. */
function longPhraseIn(long: string | undefined, pairs: Set<string>): boolean {
  const wanted = long ? questionPairs(long) : [];
  return wanted.length > 0 && wanted.every((pair) => pairs.has(pair));
}

/** Whether a title writes one of these phrases (stemmed word pairs), itself or as an acronym's long form ("LLMs"). */
function namesPhrase(phrases: string[], title: string, snapshot: LibrarySnapshot): boolean {
  if (phrases.length === 0) return false;
  const usage = phraseUsage(snapshot.text);
  const spelt = [...stemSet(title)].flatMap((stem) => {
    const acronym = snapshot.acronyms.lookup(stem, usage);
    return acronym ? questionPairs(acronym.long) : [];
  });
  const held = new Set([...questionPairs(title), ...spelt]);
  return phrases.some((phrase) => held.has(phrase));
}

/** What a title says it does without ("… without Back-propagation", "Attention-Free …", "Beyond Sparsity") is no side of its. */
const WITHOUT = /^(?:without|no|beyond|replacing|removing|instead|alternatives?)$/;

/**
 * Whether a title names these words only as what it does without: "NoProp: Training Neural Networks without
 * Back-propagation" is the very paper "how to train networks instead of backprop" asks for.
 */
function doesWithout(title: string, stems: string[]): boolean {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  // "free" says so after the word ("Attention-Free"); before it, it belongs to another ("Inversion-Free Image Editing" edits).
  const negated = (at: number) => words.slice(Math.max(0, at - 2), at).some((word) => WITHOUT.test(word)) || words[at + 1] === "free";
  return stems.every((stem) => words.some((word, at) => searchStem(word) === stem && negated(at)));
}

/** The ranked papers on the unwanted side of the question's contrast (none without one). */
export function contrastedDocs(question: ParsedQuestion, ranked: Ranked[], snapshot: LibrarySnapshot): Set<number> {
  if (question.parts.contrast.length === 0) return new Set();
  const names = namesContrast(question, snapshot);
  return new Set(ranked.filter((entry) => names(entry.doc)).map((entry) => entry.doc));
}

/** The ranking with these papers marked down, so the rest come first. */
export function markedDown(ranked: Ranked[], contrasted: Set<number>): Ranked[] {
  if (contrasted.size === 0) return ranked;
  const factor = SETTINGS.queryWeights.contrastPenalty;
  return ranked.map((entry) => (contrasted.has(entry.doc) ? { ...entry, score: entry.score * factor } : entry)).sort((a, b) => b.score - a.score);
}
