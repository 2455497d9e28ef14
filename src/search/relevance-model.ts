import type { RelevanceSignals } from "./relevance-signals.ts";
import { SETTINGS } from "./settings.ts";

/**
 * What the relevance model weighs: a signal, "terse" (how few words the
 * topic is put in: 1 − wordiness), or "terse <signal>", the signal scaled
 * by it. A short question that names a topic stands or falls by its words
 * (a single incidental word carrying the match says the topic is absent),
 * while a long description in everyday words is expected to leave some
 * unmatched.
 */
export type ModelInput = keyof RelevanceSignals | "terse" | `terse ${keyof RelevanceSignals}`;

export function modelInput(signals: RelevanceSignals, name: ModelInput): number {
  const terse = 1 - signals.wordiness;
  if (name === "terse") return terse;
  return name.startsWith("terse ") ? terse * signals[name.slice("terse ".length) as keyof RelevanceSignals] : signals[name as keyof RelevanceSignals];
}

/** A logistic model's probability that the best papers are about the question. */
export function probabilityOf(signals: RelevanceSignals, weights: Partial<Record<ModelInput, number>>, bias: number): number {
  const z = bias + Object.entries(weights).reduce((sum, [name, weight]) => sum + (weight ?? 0) * modelInput(signals, name as ModelInput), 0);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Whether a topic described at length is absent by the second model. The
 * first forgives a long description its unmatched words, as it must ("telling
 * apart a fungal infection from a fertilizer shortage …" shares few words
 * with the paper on it), and so answered nearly every long everyday
 * description of a topic the library lacks ("my grandmother keeps forgetting
 * her pills …"). Among long questions alone, how much of the description the
 * best papers hold and how close the best vector match comes still tell the
 * two apart.
 */
export function describedAbsent(signals: RelevanceSignals): boolean {
  const { from, weights, bias, absentBelow } = SETTINGS.relevance.described;
  return signals.wordiness >= from && probabilityOf(signals, weights, bias) < absentBelow;
}
