import { words } from "../embed/tokens.ts";
import { phraseUsage } from "./acronyms.ts";
import { withLongForms } from "./held-terms.ts";
import type { Ranked } from "./fusion.ts";
import { questionTerms } from "./query-terms.ts";
import type { ParsedQuestion, Setting } from "./question.ts";
import type { RelevanceVerdict } from "./relevance.ts";
import { SETTINGS } from "./settings.ts";
import { heldShare, rarestOf } from "./topic-evidence.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { searchStem, stemSet } from "./stem.ts";

/**
 * Which of the ranked papers are about the question, so an answer cites
 * those and not whatever happened to rank: a paper must score close enough
 * to the best one and hold enough of the topic's weight compared with the
 * best-matching paper, and hold the question's rarest word and a word of
 * the setting it is asked for when the paper of the best few holding most
 * of the topic does. An unsure verdict keeps only the closest few. `most`:
 * how many may be kept (more when the answer then picks the newest of them).
 */
export function judgePapers(question: ParsedQuestion, ranked: Ranked[], verdict: RelevanceVerdict, snapshot: LibrarySnapshot, byExample = false, most = SETTINGS.answer.maxPapers): boolean[] {
  if (verdict.decision === "no" || ranked.length === 0) return ranked.map(() => false);
  const { scoreRatio, exampleRatio, moreRatio, closeRatio, coverageRatio, unsurePapers } = SETTINGS.answer;
  const limit = verdict.decision === "unsure" ? unsurePapers : most;
  // A paper whose title names the topic's rarest word, and whose text holds every word of it, is on it down to where
  // "more" stops, however far the best paper stands ahead: "What Makes Convolutional Models Great on Long Sequence
  // Modeling?" for "long convolutions for sequence modeling"; "… to Scale LLM Test-time Compute" among the newest on
  // test-time scaling; not a reward model mentioning test-time scaling in passing. (Set1 and the review sets: cited
  // papers relevant 0.807 -> 0.810 on the tuned halves, 0.796 -> 0.797 held out; nDCG and grade-2 citing unchanged.)
  const main = question.parts.main.filter((stem) => !stem.includes(" "));
  const key = main.length > 0 ? rarestOf(main, snapshot) : undefined;
  // (A title writing the acronym names its long form: "MoE-Lens: … MoE LLM Serving" names "mixture of experts".)
  const titled = (doc: number) => key !== undefined && withLongForms(stemSet(snapshot.docs.titles.at(doc)), snapshot).has(key) && main.every((stem) => snapshot.text.contains(doc, stem));
  // "papers like Swin but for convnets": each one cited is in that setting, the first too; how close the others come is
  // measured from the first in it ("like DistServe but for MoE serving": MoE-Lens after Nexus, which is not).
  const likeIn = byExample && question.likeIn ? settingStems(question.likeIn, snapshot) : undefined;
  const inSetting = (doc: number) => likeIn === undefined || likeIn.some((stem) => snapshot.text.contains(doc, stem));
  const first = ranked.find((entry) => inSetting(entry.doc)) ?? ranked[0]!;
  // An answer does not stand on one paper while another ranks close (`closeRatio`): the second is cited at that bar.
  const close = (entry: Ranked, kept: number) =>
    entry.score >= (byExample ? exampleRatio : scoreRatio) * first.score || (kept === 1 && entry.score >= closeRatio * first.score) || (entry.score >= moreRatio * first.score && titled(entry.doc));
  // Papers found by example share the example's words, not the question's ("papers like PyramidKV").
  const coverage = ranked.map((entry) => (byExample ? 1 : paperCoverage(question, entry.doc, snapshot)));
  const bestCoverage = Math.max(...coverage);
  // The rarest word and the setting are read off the paper of the best few that holds most of the topic, not the first:
  // a first paper holding "eye" only as in "bird's eye view" asked FunBench, on photos of the back of the eye, to write
  // "eye" (set1 and the review sets: grade-2 cited 2145 -> 2151 of 2,367 on the tuned halves, 2119 -> 2124 held out;
  // cited papers relevant 0.812 -> 0.814 and 0.795 -> 0.796).
  const best = ranked.slice(0, SETTINGS.relevance.evidencePapers).reduce((fullest, _entry, i) => (coverage[i]! > coverage[fullest]! ? i : fullest), 0);
  const rarest = byExample ? undefined : rarestHeld(question, ranked[best]!.doc, snapshot);
  // A paper writing the rarest word another way the library does holds it: "efficient CNN" for "efficient convnets".
  const instead = rarest === undefined ? [] : [...otherAlternatives(question, rarest, snapshot), ...otherSpellings(question.topic, rarest, snapshot)];
  const setting = byExample ? undefined : settingHeld(question, ranked[best]!.doc, snapshot);
  let kept = 0;
  return ranked.map((entry, i) => {
    const keep =
      (entry === first && inSetting(entry.doc)) ||
      (kept < limit &&
        close(entry, kept) &&
        coverage[i]! >= coverageRatio * bestCoverage &&
        (rarest === undefined || snapshot.text.contains(entry.doc, rarest) || instead.some((stem) => snapshot.text.contains(entry.doc, stem))) &&
        (setting === undefined || setting.some((stem) => snapshot.text.contains(entry.doc, stem))) &&
        inSetting(entry.doc));
    if (keep) kept++;
    return keep && kept <= limit;
  });
}

/**
 * The question's rarest main word, when it has two or more and the best
 * paper holds it: the word that most sets the question apart ("pruning" in
 * "pruning for latent diffusion models"), which a paper matching only the
 * rest ("latent diffusion models") lacks, however much of the rest it holds.
 * It is taken from the topic before the setting it is asked for, however
 * rare the setting's words: "neural architecture search for mobile devices"
 * is about architecture search first (the setting is required apart, see
 * settingHeld), not about any paper that says "mobile".
 */
function rarestHeld(question: ParsedQuestion, best: number, snapshot: LibrarySnapshot): string | undefined {
  const main = question.parts.main.filter((stem) => !stem.includes(" "));
  if (main.length < 2) return undefined;
  const head = new Set(question.setting?.headTerms);
  const words = main.some((stem) => head.has(stem)) ? main.filter((stem) => head.has(stem)) : main;
  const rarest = rarestOf(words, snapshot);
  return snapshot.text.contains(best, rarest) ? rarest : undefined;
}

/**
 * When the rarest word is one side of an alternative the question offers
 * ("KV cache compression / eviction", "sparse autoencoders or
 * crosscoders"), the rarest word of each other side: a paper holding one of
 * those answers the question as well.
 */
function otherAlternatives(question: ParsedQuestion, rarest: string, snapshot: LibrarySnapshot): string[] {
  const sides = question.topic.split(/\/|\bor\b/).map((side) => questionTerms(side).filter((stem) => snapshot.text.documentFrequency(stem) > 0));
  if (sides.length < 2 || !sides.some((side) => side.includes(rarest))) return [];
  return sides.filter((side) => side.length > 0 && !side.includes(rarest)).map((side) => rarestOf(side, snapshot));
}

/**
 * The setting a question is asked for ("medical" in "concept bottleneck
 * models applied to medical images"), as the rarest word of each of its
 * alternatives ("mobile devices or hardware accelerators": one of each),
 * when the best paper holds one of them: a paper on the topic in another
 * setting is not an answer.
 */
function settingHeld(question: ParsedQuestion, best: number, snapshot: LibrarySnapshot): string[] | undefined {
  const rarest = question.setting ? settingStems(question.setting, snapshot) : [];
  return rarest.some((stem) => snapshot.text.contains(best, stem)) ? rarest : undefined;
}

/** The rarest word the library uses of each group a setting offers ("vision or speech": one of each). */
function settingStems(setting: Setting, snapshot: LibrarySnapshot): string[] {
  return setting.alternatives.flatMap((group) => {
    const stems = group.map((word) => searchStem(word)).filter((stem) => snapshot.text.documentFrequency(stem) > 0);
    return stems.length > 0 ? [rarestOf(stems, snapshot)] : [];
  });
}

/** The library's other acronyms for the acronym a question writes as this stem ("convnets": "cnn"). */
function otherSpellings(topic: string, stem: string, snapshot: LibrarySnapshot): string[] {
  const usage = phraseUsage(snapshot.text);
  const written = words(topic).find((word) => searchStem(word) === stem) ?? stem;
  return snapshot.acronyms.others(written, usage).map((short) => searchStem(short));
}

/** Share of the topic's IDF weight (main words, asides at half) found in one paper. */
function paperCoverage(question: ParsedQuestion, doc: number, snapshot: LibrarySnapshot): number {
  return heldShare(doc, [...question.parts.main.map((stem): [string, number] => [stem, 1]), ...question.parts.aside.map((stem): [string, number] => [stem, 0.5])], snapshot.text);
}
