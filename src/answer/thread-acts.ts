/**
 * What a short message with no topic of its own asks of the papers a thread
 * shows: "compare them", "which is better?" (set them side by side), "anything
 * older?" (the same topic, earlier), "anything that cites it?" (no citation
 * data: papers like it), "is there code?", "what are the results?" (a
 * question about them, answered from their abstracts). Searching the library
 * for "code" or "older" answers none of these.
 *
 * These words are the grammar of talking about papers, not topics: every
 * other content word makes the message a question of its own.
 */
export type ThreadAct = "compare" | "popular" | "older" | "newer" | "citing" | "about" | "count" | "vague";

const GLUE = new Set(
  (
    "what what's whats which who whom how why when where is are was were do does did can could would should will the a an of in on " +
    "for to with by from they them it its it's their this that these those there there's here any anything some me tell show give " +
    "about one ones two both three paper papers work else between and or has have had i we you main key core big really actually " +
    "exactly then so also just please pls us total altogether overall all their's there're ok okay hmm same topic thing stuff more most library collection version versions"
  ).split(" "),
);

const ACTS: [ThreadAct, Set<string>][] = [
  [
    "compare",
    new Set("compare comparison contrast differ differs difference differences different better best worse vs versus alike faster slower cheaper smaller bigger larger simpler stronger fastest slowest cheapest smallest biggest largest simplest strongest common".split(" ")),
  ],
  // "which is more popular?", "the most cited?": the library has upvotes, not citation counts.
  ["popular", new Set("popular upvoted upvotes liked cited".split(" "))],
  // "papers that build on it": work after it, which without citation data is papers like it.
  ["citing", new Set("cite cites citing citation citations follow-up follow-ups followup followups build builds building extend extends extending".split(" "))],
  ["count", new Set("many count".split(" "))],
  ["older", new Set("older earlier previous prior before".split(" "))],
  ["newer", new Set("newer later after recent".split(" "))],
  [
    "about",
    new Set(
      (
        "code github repo repository implementation implemented open-source source available released data dataset datasets benchmark " +
        "benchmarks result results finding findings idea ideas point takeaway takeaways insight insights contribution contributions gist " +
        "method methods approach technique limitation limitations weakness weaknesses problem problems solve solves solved baseline " +
        "baselines experiment experiments evaluation evaluate evaluated novelty novel author authors wrote written published " +
        "venue license propose proposed proposes tested test outperform outperforms beat beats sota use used using uses find found " +
        "study studied studies show showed shown claim claims summarize summarise summarized summary tldr model models hardware " +
        "speedup speedups speed-up speed-ups"
      ).split(" "),
    ),
  ],
];

const POINTING = new Set("it its they them their this that these those".split(" "));

/** At most this many words: a longer message says enough to be a question of its own. */
const MAX_WORDS = 8;

/** The act a topicless message asks of the thread's papers, if every word of it is glue or one of these acts' words. */
export function threadAct(message: string): ThreadAct | undefined {
  const words = message
    .toLowerCase()
    .replace(/[?!.,;:]+/g, " ")
    .replace(/\bfollow\s+ups?\b/g, "follow-ups")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return undefined;
  const found = new Set<ThreadAct>();
  for (const word of words) {
    if (GLUE.has(word)) continue;
    const act = ACTS.find(([, vocabulary]) => vocabulary.has(word))?.[0];
    if (!act) return undefined;
    found.add(act);
  }
  // The first act listed wins: "how do their results differ?" compares; "anything newer on the same idea?" asks for newer papers.
  // A word or two of nothing but glue ("why?", "really?", "and?") asks nothing the abstracts can answer; "how does it work?" is about "it".
  const vague = words.length <= 2 && !words.some((word) => POINTING.has(word));
  return ACTS.map(([act]) => act).find((act) => found.has(act)) ?? (vague ? "vague" : undefined);
}
