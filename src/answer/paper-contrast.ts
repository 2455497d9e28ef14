import { isQuestionStopword } from "../search/query-stopwords.ts";
import { searchStem } from "../search/stem.ts";
import type { Library } from "../library/library.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { escapeMarkdown } from "./extractive.ts";
import type { Reply } from "./reply.ts";

/** A phrase of a paper: its words as written, their stems, and how much it says (rarity in the library times uses). */
type Phrase = { written: string; stems: string[]; weight: number };

/** How many phrases each side of a contrast names. */
const NAMED = 3;

/**
 * What sets two papers apart, and what they share, in their own words:
 * "[1] alone: *window search*, *label ranges* …; [2] alone: *navigable small
 * world graphs* …; both: *approximate nearest neighbor search*". The phrases
 * are runs of up to three content words of each title and abstract, weighed
 * by how rare their words are in the library (`weights`, by stem) and how
 * often the paper writes them; one is the paper's alone when the other paper
 * lacks its rarest word. Undefined when either has nothing of its own.
 */
export function contrastLine(first: StoredPaper, second: StoredPaper, weights: Map<string, number>): string | undefined {
  const [a, b] = [phrasesOf(first, weights), phrasesOf(second, weights)];
  const [stemsA, stemsB] = [stemsOf(first), stemsOf(second)];
  const rarest = (phrase: Phrase) => phrase.stems.reduce((best, stem) => ((weights.get(stem) ?? 0) > (weights.get(best) ?? 0) ? stem : best));
  // A single word is named only when it is a name ("PCBMs", "Gumbel"): "additional", "layers" or "yellow" alone read
  // as word salad, saying nothing of what the paper does.
  const telling = (phrase: Phrase) => phrase.stems.length > 1 || /\p{Lu}/u.test(phrase.written.slice(1));
  const own = (phrases: Phrase[], other: Set<string>) => pick(phrases.filter((phrase) => telling(phrase) && !other.has(rarest(phrase))));
  const [onlyA, onlyB] = [own(a, stemsB), own(b, stemsA)];
  if (onlyA.length === 0 || onlyB.length === 0) return undefined;
  const keysB = new Set(b.map((phrase) => phrase.stems.join(" ")));
  const shared = pick(a.filter((phrase) => phrase.stems.length > 1 && keysB.has(phrase.stems.join(" "))));
  const said = (phrases: Phrase[]) => phrases.map((phrase) => `*${escapeMarkdown(phrase.written)}*`).join(", ");
  return `In their own words, [1] alone writes of ${said(onlyA)}; [2] alone of ${said(onlyB)}${shared.length > 0 ? `; both of ${said(shared)}` : ""}.`;
}

/** "compare 1 and 3": the two papers' quoted gists, after what sets them apart (when it can be told). */
export async function withContrast(reply: Reply, papers: StoredPaper[], library: Pick<Library, "termWeights">, { afterLead = false } = {}): Promise<Reply> {
  if (papers.length !== 2) return reply;
  const [first, second] = papers as [StoredPaper, StoredPaper];
  const line = contrastLine(first, second, await library.termWeights(`${first.title} ${first.abstract} ${second.title} ${second.abstract}`));
  if (!line) return reply;
  // After a lead that names the two ("Comparing X [1] and Y [2] …:"), the line follows it.
  const [lead, ...rest] = reply.text.split("\n\n");
  return { ...reply, text: afterLead && rest.length > 0 ? [lead, line, ...rest].join("\n\n") : `${line}\n\n${reply.text}` };
}

/** The weightiest phrases, none sharing a word with one already named ("nearest neighbor", then not "neighbor search"). */
function pick(phrases: Phrase[]): Phrase[] {
  const named: Phrase[] = [];
  for (const phrase of [...phrases].sort((x, y) => y.weight - x.weight)) {
    if (named.some((other) => other.stems.some((stem) => phrase.stems.includes(stem)))) continue;
    named.push(phrase);
    if (named.length === NAMED) break;
  }
  return named;
}

function stemsOf(paper: StoredPaper): Set<string> {
  return new Set(runsOf(paper).flat().map((word) => searchStem(word.toLowerCase())));
}

/** Runs of content words between stopwords and punctuation, as written. */
function runsOf(paper: StoredPaper): string[][] {
  return `${paper.title}. ${paper.abstract}`
    .split(/[,;:!?()[\]"]+|\.(?!\d)|\s-\s/)
    .flatMap((clause) => clause.split(/\s+/).reduce<string[][]>((runs, word) => {
      const clean = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (!clean || isQuestionStopword(clean.toLowerCase()) || /^\d/.test(clean)) runs.push([]);
      else runs.at(-1)!.push(clean);
      return runs;
    }, [[]]))
    .filter((run) => run.length > 0);
}

/**
 * The phrases of one to three words a paper's title writes or its abstract repeats, each weighed by its uses; not
 * its own name (before a title's colon: that "PyramidKV" is PyramidKV's own goes without saying) nor two letters.
 */
function phrasesOf(paper: StoredPaper, weights: Map<string, number>): Phrase[] {
  const title = new Set(runsOf({ ...paper, abstract: "" }).flatMap((run) => run.map((word) => searchStem(word.toLowerCase()))));
  const name = paper.title.includes(":") ? ` ${paper.title.split(":")[0]!.toLowerCase()} ` : "";
  return [...usesOf(paper, weights).values()].filter(
    ({ phrase, uses }) => (uses >= 2 || phrase.stems.every((stem) => title.has(stem))) && !name.includes(` ${phrase.written.toLowerCase()} `) && phrase.written.length > 2,
  ).map(({ phrase }) => phrase);
}

/** Every phrase of one to three words in a paper's runs, weighed once per use, with its count of uses. */
function usesOf(paper: StoredPaper, weights: Map<string, number>): Map<string, { phrase: Phrase; uses: number }> {
  const found = new Map<string, { phrase: Phrase; uses: number }>();
  for (const run of runsOf(paper)) {
    for (let start = 0; start < run.length; start++) {
      for (let length = 1; length <= 3 && start + length <= run.length; length++) {
        const words = run.slice(start, start + length);
        const stems = words.map((word) => searchStem(word.toLowerCase()));
        const key = stems.join(" ");
        const rarity = stems.reduce((sum, stem) => sum + (weights.get(stem) ?? 0), 0);
        const known = found.get(key);
        found.set(key, known ? { phrase: { ...known.phrase, weight: known.phrase.weight + rarity }, uses: known.uses + 1 } : { phrase: { written: words.join(" "), stems, weight: rarity }, uses: 1 });
      }
    }
  }
  return found;
}
