import { escapeRegExp } from "../papers/text.ts";
import { contentTerms } from "../embed/tokens.ts";
import { isQuestionStopword } from "../search/query-stopwords.ts";
import { topicParts } from "../search/query-terms.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { escapeMarkdown } from "./extractive.ts";
import { meta, textReply } from "./list-replies.ts";
import { citationOf, type Reply } from "./reply.ts";

/* The replies to "which of those are about X?" and "drop the X ones": the listed papers that write a topic, or do not. */

/** A listed paper is on a topic when its title and abstract hold at least this share of the topic's weight. */
const ON_TOPIC = 0.5;

/**
 * The listed papers on a topic ("which of those are about vision?"): those
 * whose title and abstract hold most of its weighted words (`termWeights`,
 * the topic's terms by rarity in the library), best covered first.
 */
export function narrowedReply(topic: string, papers: StoredPaper[], termWeights: Map<string, number>, { without = false, searchedWider = false } = {}): Reply {
  if (without) return withoutReply(topic, papers);
  const { main } = topicParts(topic);
  const weights = topicWeights(topic, termWeights);
  const kept = papersOn(topic, papers, termWeights);
  const subject = `**${escapeMarkdown(topic)}**`;
  const none = `${papers.length === 1 ? "That paper does not mention" : `None of those ${papers.length} papers mentions`} ${subject}`;
  if (kept.length === 0) {
    // "which ones are hardware aware": none writes "aware", but the ones writing "hardware" are what a reader looks for;
    // "which ones release a dataset": none writes "release", the rarest, but some write "dataset". (A word of its own:
    // "free" of "training-free" is no topic; nor one every paper listed writes.)
    const byRarity = main.length >= 2 ? [...weights].sort((a, b) => b[1] - a[1]).map(([term]) => term) : [];
    const holders = (word: string) => papers.filter((paper) => writesTopic(`${paper.title} ${paper.abstract}`, word));
    const written = byRarity
      .map((stem) => topic.split(/\s+/).find((word) => topicParts(word).main.join() === stem))
      .filter((word): word is string => word !== undefined)
      .map((word) => ({ word, holding: holders(word) }));
    // Not the head of what the asker qualified: "medical images" is not "images" (the word before it, which no paper
    // listed writes, says which images), where "release a dataset" is still a dataset.
    const said = topic.toLowerCase().split(/\s+/);
    const qualified = (word: string) => {
      const before = said[said.indexOf(word.toLowerCase()) - 1];
      return before !== undefined && !isQuestionStopword(before) && holders(before).length === 0;
    };
    const { word, holding = [] } = written.find((entry) => entry.holding.length > 0 && entry.holding.length < papers.length && !qualified(entry.word)) ?? {};
    // What was found is said first: "None of those 4 papers mentions numerical issues; one mentions numerical" led with nothing.
    const which = holding.length === 1 ? `One of those ${papers.length} papers mentions` : `${holding.length} of those ${papers.length} papers mention`;
    if (word && holding.length > 0 && papers.length > 1) return listing(`${which} **${escapeMarkdown(word)}**, though none writes ${subject} as such`, holding);
    // With the whole library searched already (see narrowing.ts), there is no use asking again.
    return textReply(`${none}.${searchedWider ? " Nor does any other paper in the library on the same topic." : " Ask about it on its own to search the whole library."}`);
  }
  const all = papers.length === 2 ? "Both papers mention" : `All ${papers.length} of those papers mention`;
  const count = papers.length === 1 ? "That paper mentions" : kept.length === 1 ? `One of those ${papers.length} papers mentions` : kept.length === papers.length ? all : `${kept.length} of those ${papers.length} papers mention`;
  return listing(`${count} ${subject}`, kept);
}

/**
 * The listed papers on a topic, as a narrowing keeps them: those writing it (onTopic), or for "which of those target
 * mobile devices or hardware?" (or "math (AIME, MATH etc)") the papers on either side, in the list's order.
 */
export function papersOn(topic: string, papers: StoredPaper[], termWeights: Map<string, number>): StoredPaper[] {
  // "math (AIME, MATH etc)": the examples in parentheses are sides too, the topic without them another.
  const examples = /^(.*?)\s*\(([^)]*)\)\s*(.*)$/.exec(topic);
  const spelled = examples ? [`${examples[1]} ${examples[3]}`, ...examples[2]!.replace(/\b(?:such as|like)\b/gi, " ").split(/,|\s+or\s+|\s+and\s+|\//)].join(" or ") : topic;
  const sides = spelled.split(/\s+or\s+|\s+\/\s+/i).map((side) => side.trim()).filter(Boolean);
  if (sides.length < 2) return onTopic(topic, papers, termWeights);
  const onSide = sides.map((side) => onTopic(side, papers, termWeights));
  return papers.filter((paper) => onSide.some((on) => on.includes(paper)));
}

/** The topic's weighted words (`termWeights`), those of what it rules out left out. */
function topicWeights(topic: string, termWeights: Map<string, number>): Map<string, number> {
  // "… for image generation rather than text": what it rules out is not a word the papers should hold.
  const { main, aside } = topicParts(topic);
  return new Map([...termWeights].filter(([term]) => main.includes(term) || aside.includes(term)));
}

/** The listed papers whose title and abstract hold most of the topic's weight and write its every word, best covered first. */
function onTopic(topic: string, papers: StoredPaper[], termWeights: Map<string, number>): StoredPaper[] {
  const { main } = topicParts(topic);
  const weights = topicWeights(topic, termWeights);
  const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0);
  const share = (paper: StoredPaper) => {
    const terms = new Set(contentTerms(`${paper.title} ${paper.abstract}`));
    return total > 0 ? [...weights].reduce((sum, [term, weight]) => sum + (terms.has(term) ? weight : 0), 0) / total : 0;
  };
  // The answer says the papers mention the topic, so each must write its every word as asked (a plural aside): a paper
  // without "parallel" does not mention "parallel reasoning", nor one with "transformation" "transformers".
  const held = (paper: StoredPaper) => writesTopic(`${paper.title} ${paper.abstract}`, topic);
  const writing = papers.map((paper) => ({ paper, share: share(paper) })).filter((entry) => entry.share >= ON_TOPIC && held(entry.paper)).sort((a, b) => b.share - a.share).map((entry) => entry.paper);
  // "only training systems" after papers on mixture of experts: each of them writes "training" and "system" somewhere,
  // so a topic of several words is, when any paper does so, one its title names or its text writes as a phrase.
  const named = writing.filter((paper) => namesTopic(paper, main));
  return named.length > 0 ? named : writing;
}

/** A numbered list of papers under a heading, each cited. */
export function listing(heading: string, papers: StoredPaper[]): Reply {
  const lines = papers.map((paper, index) => `${index + 1}. **${escapeMarkdown(paper.title)}** [${index + 1}]${meta(paper)}`);
  return { text: `${heading}:\n\n${lines.join("\n")}`, citations: papers.map((paper, index) => citationOf(index + 1, paper)), found: true, closest: [], notes: [] };
}

/** Whether a paper's title holds every word of a topic of several, or its text holds them in a row. */
function namesTopic(paper: StoredPaper, main: string[]): boolean {
  if (main.length < 2) return false;
  const title = new Set(contentTerms(paper.title));
  if (main.every((term) => title.has(term))) return true;
  const text = contentTerms(`${paper.title} ${paper.abstract}`);
  const pairs = new Set(text.slice(1).map((term, i) => `${text[i]} ${term}`));
  return main.slice(1).every((term, i) => pairs.has(`${main[i]} ${term}`));
}

/** "drop the vision ones": the listed papers that do not write the topic, in the list's order. */
function withoutReply(topic: string, papers: StoredPaper[]): Reply {
  const kept = papers.filter((paper) => !writesTopic(`${paper.title} ${paper.abstract}`, topic));
  const subject = `**${escapeMarkdown(topic)}**`;
  if (kept.length === 0) return textReply(`${papers.length === 1 ? "That paper mentions" : `Every one of those ${papers.length} papers mentions`} ${subject}. Ask for the topic with "not ${topic}" to search the whole library.`);
  if (kept.length === papers.length) return textReply(`${papers.length === 1 ? "That paper does not mention" : `None of those ${papers.length} papers mentions`} ${subject}: the list stands as it was.`);
  const count = kept.length === 1 ? `One of those ${papers.length} papers does not mention` : `${kept.length} of those ${papers.length} papers do not mention`;
  return listing(`${count} ${subject}`, kept);
}

/** Whether a text writes each word of the topic, in its singular or plural ("transformation" is not "transformers"). */
function writesTopic(text: string, topic: string): boolean {
  // What a contrast rules out ("vision models, not speech recognition") is no word the papers must write.
  const wanted = topic.toLowerCase().split(/,?\s*\b(?:not|rather than|instead of|except|excluding|other than)\b/)[0]!;
  // An adverb says how ("prefill and decode separately"), not what: the papers need not write it.
  // A hyphenated word is one ("1-bit" is not a "1" and a "bit" apart, as in "1.5 times … 3 bits"), however joined.
  const forms = wanted
    .split(/\s+/)
    .flatMap((token) => (/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u.test(token) ? [token] : token.split(/[^\p{L}\p{N}]+/u)))
    .filter((word) => word && !isQuestionStopword(word) && !/^\p{L}{4,}ly$/u.test(word));
  // Any inflection of the word as asked ("disaggregate" in "Disaggregating", "pipelines" in "Pipelined"), never
  // another word of its family ("transformers" is not in "transformation"); a short word only with its plural
  // ("training-free" is not "training" and "freeing").
  const pattern = (word: string): string => {
    const parts = word.split("-");
    if (parts.length > 1) return `${parts.slice(0, -1).map((part) => escapeRegExp(part)).join("[-\\s]?")}[-\\s]?${pattern(parts.at(-1)!)}`;
    const long = word.length > 4;
    const base = escapeRegExp(long ? word.replace(/(?:es|e|s|ed|ing)$/, "") : word.replace(/(?:es|s)$/, ""));
    return `${base}${long ? "(?:e|es|s|ed|d|ing)?" : "(?:s|es)?"}`;
  };
  return forms.length > 0 && forms.every((word) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${pattern(word)}(?:$|[^\\p{L}\\p{N}])`, "iu").test(text));
}
