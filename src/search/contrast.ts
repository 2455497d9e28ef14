import { words } from "../embed/tokens.ts";
import type { Ranked } from "./fusion.ts";
import type { ParsedQuestion } from "./question.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { searchStem } from "./stem.ts";

/**
 * Whether a paper's title names what the question rules out ("not MoE
 * training systems", "I don't care about CPU inference"): at least half of
 * the ruled-out words the topic itself does not use, leaving out words too
 * common in the library to tell papers apart. A title says what a
 * paper is about; an abstract that merely mentions training is not a
 * training paper.
 */
export function namesContrast(question: ParsedQuestion, doc: number, snapshot: LibrarySnapshot): boolean {
  // A word most papers use ("model", "training") says nothing about what a title is about.
  const ruledOut = question.parts.contrast.filter((stem) => !stem.includes(" ") && snapshot.text.documentFrequency(stem) <= SETTINGS.queryWeights.contrastMaxShare * snapshot.size);
  if (ruledOut.length === 0) return false;
  const title = new Set(words(snapshot.docs.titles.at(doc)).map((word) => searchStem(word)));
  return ruledOut.filter((stem) => title.has(stem)).length * 2 >= ruledOut.length;
}

/** The ranking with papers whose titles name what the question rules out marked down, so the rest come first. */
export function withoutContrast(question: ParsedQuestion, ranked: Ranked[], snapshot: LibrarySnapshot): Ranked[] {
  if (question.parts.contrast.length === 0) return ranked;
  const factor = SETTINGS.queryWeights.contrastPenalty;
  return ranked.map((entry) => (namesContrast(question, entry.doc, snapshot) ? { ...entry, score: entry.score * factor } : entry)).sort((a, b) => b.score - a.score);
}
