import type { StoredPaper } from "../store/paper-store.ts";
import { paperInView, type Turn } from "./conversations.ts";
import type { FollowUp } from "./follow-up.ts";
import { COMPARISON } from "./follow-up-phrases.ts";
import { standaloneReference } from "./list-positions.ts";
import { threadAct } from "./thread-acts.ts";
import { opened } from "./thread-references.ts";

/**
 * References to several listed papers, or to the ones not in view: "the first two", "the top 3", "the last two",
 * "the other one", "the other two", "the others", "the 2023 ones". Without them "how do the first two differ?" was
 * a search (it opened FiRST, a title holding "first") and "is the other one open source?" searched "other one".
 */

const COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };
const COUNT = "two|three|four|five|[2-5]";
/** "the first two", "top 3", "the last two papers", ended or followed by a verb; not "the first two layers" nor "the top 5 papers on X", a question of its own. */
const LEADING = new RegExp(`\\b(?:the\\s+)?(first|top|last)\\s+(${COUNT})(?:\\s+(?:ones|papers|results))?(?!\\s*-)(?=\\s*(?:[?.!,]|$|\\s+(?:do|does|did|are|is|have|has|differ|compare|use|need|and|vs|versus|open|both|mention|talk|say|report|share|work|handle|support|cover|seem|look)\\b))`);
/** "the other one", "the other paper", "the other two", "the other ones", "the others". */
/** ("which other papers quantize the KV cache?" asks the library: "the" makes it a reference.) */
const OTHER = new RegExp(`\\bthe\\s+other\\s+(?:(one|paper)|(${COUNT}|ones|papers))\\b|\\bthe\\s+others\\b`);
/** "the 2023 ones", "the ones from 2023": the listed papers of a year. */
const YEAR = /\bthe\s+(?:((?:19|20)\d\d)\s+(?:ones|papers)|ones\s+from\s+((?:19|20)\d\d))\b/;

export type GroupReference = {
  /** The papers referred to, in list order; empty when the list holds none such (no 2023 paper listed). */
  papers: StoredPaper[];
  /** The words that referred to them, to read the rest of the message without them. */
  said: string;
  /** "the other one" said of one paper, though several are other: which one is for the asker to say. */
  ambiguous?: true;
  /** "the 2023 ones": a year, which a list with none from it answers by saying so. */
  year?: string;
  /** "the other one" of a list of one: more of the search it came from. */
  more?: true;
};

/** The listed papers a short message points at as a group, if it does. */
export function groupReference(text: string, previous: Turn | undefined, turns: Turn[]): GroupReference | undefined {
  const listed = previous?.papers ?? [];
  if (!previous) return undefined;
  const leading = LEADING.exec(text);
  if (leading && listed.length > 0) {
    const count = COUNTS[leading[2]!] ?? Number(leading[2]);
    const papers = leading[1] === "last" ? listed.slice(-count) : listed.slice(0, count);
    return { papers, said: leading[0] };
  }
  const other = OTHER.exec(text);
  if (other) {
    const papers = otherThan(previous, turns);
    // "and the other one?" after a list of one: the asker expects more than was shown, which the next page answers.
    if (!papers && listed.length === 1 && previous.source) return { papers: [], said: other[0], more: true };
    if (!papers) return undefined;
    const one = other[1] !== undefined;
    return { papers, said: other[0], ...(one && papers.length > 1 && { ambiguous: true }) };
  }
  const year = YEAR.exec(text);
  if (year && listed.length > 0) {
    const asked = year[1] ?? year[2]!;
    return { papers: listed.filter((paper) => paper.publishedAt?.startsWith(asked)), said: year[0], year: asked };
  }
  return undefined;
}

/**
 * What "the other" means: with a paper in view, the rest of the latest group it was shown in (the two compared, or
 * the list); with none, the papers a narrowing left out ("which is training-free?" kept one of two: the other is
 * the one it dropped). Undefined when the thread gives "other" no meaning.
 */
function otherThan(previous: Turn, turns: Turn[]): StoredPaper[] | undefined {
  const inView = paperInView(previous);
  const earlier = turns.includes(previous) ? turns.slice(0, turns.indexOf(previous) + 1) : [...turns, previous];
  if (inView) {
    // The two compared before "does the first one need training?" come before the list they were taken from.
    const holding = (groups: StoredPaper[][]) => groups.reverse().find((papers) => papers.length >= 2 && papers.some((paper) => paper.id === inView.id));
    const group = holding(earlier.map((turn) => turn.discussed ?? [])) ?? holding(earlier.map((turn) => turn.papers));
    return group?.filter((paper) => paper.id !== inView.id);
  }
  const kept = new Set(previous.papers.map((paper) => paper.id));
  const before = earlier.slice(0, -1).reverse().find((turn) => turn.papers.length > previous.papers.length);
  if (!before || !previous.papers.every((paper) => before.papers.some((other) => other.id === paper.id))) return undefined;
  return before.papers.filter((paper) => !kept.has(paper.id));
}

/** Words that ask nothing beyond the reference: "and the other one?", "what about the first two?", "show me the 2023 ones". */
const NOTHING_ASKED = /^(?:(?:and|what|how|about|so|ok|okay|then|too|also|the|of|them|those|show|me|tell|more|just|only|list|please|pls)\b|[\s?.!,])*$/;

/** What a message asks of the papers it points at as a group. */
export function onGroup(group: GroupReference, text: string, previous: Turn, today: Date): FollowUp {
  const { papers } = group;
  const listed = previous.papers;
  const at = (paper: StoredPaper) => listed.findIndex((other) => other.id === paper.id) + 1;
  const rest = text.replace(group.said, " ");
  const nothingAsked = NOTHING_ASKED.test(rest);
  if (group.more) return { kind: "more" };
  if (papers.length === 0) return group.year ? { kind: "filter", filters: { from: `${group.year}-01-01`, to: `${group.year}-12-31` }, papers: listed } : { kind: "no-list" };
  if (group.ambiguous) {
    const candidates = papers.filter((paper) => at(paper) > 0).map((paper) => ({ n: at(paper), paper }));
    return { kind: "which-one", count: listed.length, example: String(candidates[0]?.n ?? 2), ...(candidates.length > 0 && { candidates }) };
  }
  if (group.year && nothingAsked) return { kind: "filter", filters: { from: `${group.year}-01-01`, to: `${group.year}-12-31` }, papers: listed };
  // "does the first one need training?" then "and the other one?": the same question of the other.
  const again = nothingAsked && askedOfPapers(previous) ? previous.question : undefined;
  if (papers.length === 1) return again ? { kind: "pick", paper: papers[0]!, asked: again } : nothingAsked ? { kind: "pick", paper: papers[0]!, gist: true } : opened(papers[0]!, text, today);
  if (COMPARISON.test(rest) || threadAct(rest) === "compare") return { kind: "compare", papers };
  // "papers like the first two": papers like the first of them, the one a search for papers like it can take.
  if (/\b(?:similar|related)\b|\blike\b/.test(rest)) return opened(papers[0]!, text, today);
  return { kind: "about", papers, of: papers.length, ...(again && { asked: again }) };
}

/** Whether the turn answered a question asked of papers shown ("does the first one need training?"), not a search nor a bare "2". */
function askedOfPapers(turn: Turn): boolean {
  return (turn.focus !== undefined || turn.discussed !== undefined) && standaloneReference(turn.question) === undefined && !/^(?:compare|contrast)\b/i.test(turn.question.trim());
}
