/** Tuning constants of paper lookup, in one place (set on the development lookups, see README "Evaluation"). */
export const LOOKUP_SETTINGS = {
  /** Below this, the best candidate is not the paper asked for. */
  matchThreshold: 0.8,
  /** Candidates this close to the best are equally likely: ask which one. */
  tieMargin: 0.03,
  /** Alternatives offered below a clear match must score within this of it. */
  alternativeBand: 0.1,
  maxAlternatives: 5,
  /** How many papers the title/name index hands to the match score. */
  candidates: 40,
  /** "Not in the library; closest: …" lists this many, each scoring at least `closestFloor`. */
  closest: 3,
  closestFloor: 0.3,
  /** The query names the paper: its short name, a name its abstract gives it, or a name its title spells out. */
  shortNameScore: 0.97,
  ownNameScore: 0.95,
  initialsNameScore: 0.88,
  /** A query made of title words: base plus a share for how much of the title it covers. */
  fragmentBase: 0.84,
  fragmentCoverage: 0.12,
  /** Title-word matches this close name the phrase's topic, not one paper: ask which. */
  fragmentTie: 0.06,
  /** A lone word, or a phrase whose title continues a noun phrase before it, is a topic, not this paper. */
  weakFragment: 0.75,
  /** Penalties for query words the title does not hold. */
  typoPenalty: 0.01,
  abstractWordWithName: 0.02,
  unsupportedWithName: 0.12,
  /** A word found nowhere in the paper refutes a title-fragment match. */
  refuted: 0.5,
  /** How much a description in parentheses that the paper does not bear out costs, at worst. */
  descriptionMismatch: 0.2,
} as const;
