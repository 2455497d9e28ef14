import { withoutAccents } from "../embed/tokens.ts";
import { nameParts } from "../search/name-parts.ts";
import { isQuestionStopword } from "../search/query-stopwords.ts";
import { parseQuestion } from "../search/question.ts";
import { searchStem, stemSet } from "../search/stem.ts";
import type { PaperFilters, StoredPaper } from "../store/paper-store.ts";
import type { Turn } from "./conversations.ts";

/**
 * References by words rather than numbers: "the pyramid one" (the listed
 * paper whose title holds the word) and "back to the KV cache list" (an
 * earlier list of the thread, found by the words of its question).
 */

const ORDINAL_WORDS = /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|next|other|same|new|newest|latest|oldest|earliest|previous|best|worst|main|good|better|right|wrong|whole|only|most|least|\w+est|\d+(?:st|nd|rd|th)?)$/;

/** "the pyramid one", "the HNSW paper", "the visual autoregressive one", "the pyramid ones": up to three words before "one"/"paper". */
const TITLED = /\bthe\s+((?:[\p{L}\p{N}+.-]+\s+){0,2}[\p{L}\p{N}+.-]+)\s+(?:ones?|papers?)\b/u;

/** Lower case without accents: "the poincare one" is the Poincaré paper. */
function folded(text: string): string {
  return withoutAccents(text).toLowerCase();
}

/** The listed papers whose titles hold every word of "the X one" (by word start: "pyramid" holds for "PyramidKV"); undefined when it names none of them. */
export function titledReference(text: string, listed: StoredPaper[]): StoredPaper[] | undefined {
  const words = referenceWords(text);
  if (!words || listed.length === 0) return undefined;
  const holds = (paper: StoredPaper) => {
    // The names a title's name is written from count too: "the fft one" is FlashFFTConv, "the ghost one" GhostNetV2.
    // …and the names in the links its abstract gives: "the hazyresearch one" is BASED, whose code is at github.com/HazyResearch.
    const titleWords = [...folded(paper.title).split(/[^\p{L}\p{N}+]+/u), ...nameParts(paper.title).map((part) => part.toLowerCase()), ...linkWords(paper.abstract)];
    return words.every((word) => titleWords.some((titleWord) => titleWord.startsWith(word.replace(/\./g, ""))));
  };
  const matching = listed.filter(holds);
  return matching.length > 0 ? matching : undefined;
}

/** The words of the links an abstract gives, less the parts every link has ("https", "github", "com"). */
function linkWords(abstract: string): string[] {
  const links = abstract.match(/(?:https?:\/\/|\bgithub\.com\/)\S+/gi) ?? [];
  return links.flatMap((link) => folded(link).split(/[^\p{L}\p{N}]+/u)).filter((word) => word.length > 2 && !/^(?:https?|www|com|org|io|github|gitlab|html?|main|tree|blob)$/.test(word));
}

/**
 * "how does it choose positives and negatives?" with several papers listed: the one paper of them whose title and
 * abstract hold at least half the words the question asks about, when every other holds fewer than half; "it" is
 * then that paper (ColloSSL "selects positive and negative devices"), not a question of which.
 */
export function listedHolder(text: string, listed: StoredPaper[]): StoredPaper | undefined {
  const asked = [
    ...new Set(
      folded(text)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length > 2 && !isQuestionStopword(word) && !/^(?:its?|does|do|did|work|works|use|uses|used)$/.test(word))
        .map(searchStem),
    ),
  ];
  const half = Math.ceil(asked.length / 2);
  const holding = listed.filter((paper) => {
    const stems = stemSet(`${paper.title} ${paper.abstract}`);
    return asked.filter((stem) => stems.has(stem)).length >= half;
  });
  return asked.length > 0 && holding.length === 1 ? holding[0] : undefined;
}

/** The words of "the X one" ("the pyramid one": pyramid), not of a position ("the second one"). */
export function referenceWords(text: string): string[] | undefined {
  const named = TITLED.exec(folded(text));
  const words = named?.[1]!.split(/[\s-]+/).filter(Boolean);
  return words && !words.some((word) => ORDINAL_WORDS.test(word)) ? words : undefined;
}

/** "back to the first list", "go back to the clustering one", "back to swin". */
const BACK = /^(?:(?:ok|okay|so|and)[,\s]+)?(?:(?:go(?:ing)?|get|come|coming)\s+)?back\s+to\s+(?:the\s+)?(.+?)\s*[?.!]*$/;
const LIST_WORDS = /\s+(?:list|one|ones|papers?|results?|question|topic|thread|answer)$/;

/**
 * What "back to X" asks for: `target` as said, and the earlier turn with papers listed it returns to, if X names one
 * (`turns` oldest first); undefined when the message is not "back to …".
 */
export function backTo(text: string, turns: Turn[]): { target: string; turn?: Turn } | undefined {
  const asked = BACK.exec(text.toLowerCase().trim());
  if (!asked) return undefined;
  const target = asked[1]!.replace(LIST_WORDS, "").trim();
  const listing = turns.filter((turn) => turn.papers.length > 0);
  const at = (turn: Turn | undefined) => ({ target, ...(turn && { turn }) });
  if (/^(?:first|start|beginning)$/.test(target)) return at(listing[0]);
  // "back to the list" after a paper was opened: the last list of several.
  if (/^(?:list|results?|papers|it|that|those|them)$/.test(target)) return at([...listing].reverse().find((turn) => turn.papers.length > 1));
  if (/^(?:previous|last|earlier|other)$/.test(target)) return at(listing.at(-2));
  const words = target.split(/\s+/).filter((word) => word.length > 1);
  // The list whose question (or its papers' titles) holds every word; of several, the one whose topic adds fewest
  // words to them ("back to the kv cache one": "kv cache compression", not the later "… for vision"), the latest first.
  const said = (turn: Turn) => `${turn.question} ${turn.topic} ${turn.papers.map((paper) => paper.title).join(" ")}`.toLowerCase();
  const extra = (turn: Turn) => turn.topic.toLowerCase().split(/\s+/).filter((word) => word && !words.includes(word)).length;
  const holding = words.length > 0 ? [...listing].reverse().filter((turn) => words.every((word) => said(turn).includes(word))) : [];
  return at(holding.reduce<Turn | undefined>((best, turn) => (best === undefined || extra(turn) < extra(best) ? turn : best), undefined));
}

/** Verbs that take a listed paper's number as their object: "who wrote 3?", "explain 2 simply". */
const ABOUT_NUMBER = new Set("wrote write explain summarize summarise open show describe compare cite link pdf".split(" "));

/**
 * The list numbers a short question names in passing ("what does 2 propose?", "is there a pdf for 1?", "how does 3
 * compare to 4?"): a number of at most two digits, within the list, after a function word or one of ABOUT_NUMBER
 * (so "llama 2" and "top 5" are not references), and not a count or a version ("3 papers", "4-bit", "GPT-3", "in 2 sentences").
 */
export function inlineNumbers(text: string, count: number): number[] {
  const numbers: number[] = [];
  for (const match of text.toLowerCase().matchAll(/(?<=^|\s)(\d{1,2})(?=$|[\s?!.,;:)])(?!\s*(?:papers?|bits?|x|times|layers?|gb|mb|k|b|%|sentences?|lines?|words?|paragraphs?|bullets?|points?)\b)/g)) {
    const before = text.toLowerCase().slice(0, match.index).trim().split(/\s+/).at(-1) ?? "";
    const n = Number(match[1]);
    if (n >= 1 && n <= count && (before === "" || isQuestionStopword(before) || ABOUT_NUMBER.has(before))) numbers.push(n);
  }
  return numbers;
}

/**
 * "which models did they test on?", "which gpus did quick test on", "which datasets does it use": a question of what the
 * papers report, asked of them (`they`), of the paper in view (`it`), of one listed named by its short name (`name`)
 * or of one not listed (`elsewhere`, for the library to find); not a narrowing of the list to the papers writing
 * "models did they test".
 */
const WHICH_DID = /^(?:which|what)\s+(?!(?:of|one|ones|is|are|was|were|do|does|did|papers?|kind|sort|type)\b)[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:did|do|does)\s+(they|it|(?:the\s+)?(?!(?:those|these|them|most|best|you|we|i|people|the)\b)[\p{L}\p{N}.+-]+)(?:\s+(?:one|paper))?\s+[\p{L}-]+(?:\s+(?:on|in|with|against|for|to))?\s*[?.!]*$/u;

export function whichReported(text: string, listed: StoredPaper[]): { of: "they" | "it" | "elsewhere" } | { of: "name"; paper: StoredPaper } | undefined {
  const subject = WHICH_DID.exec(text.trim())?.[1]?.replace(/^the\s+/, "");
  if (!subject) return undefined;
  if (subject === "they" || subject === "it") return { of: subject };
  // The paper whose title opens with that name ("QUICK: …"), the only one listed.
  const named = listed.filter((paper) => {
    const name = /^([^:]{2,40}):/.exec(paper.title)?.[1];
    return name !== undefined && folded(name).split(/[^\p{L}\p{N}]+/u).includes(folded(subject));
  });
  // A name no listed paper goes by is a question of its own, for the library ("what does X report" finds X by name).
  return named.length === 1 ? { of: "name", paper: named[0]! } : { of: "elsewhere" };
}

/** "which one converts existing models?", "which is a dataset": what is asked of them, unless it asks an order or a comparison, or is a question of its own. */
export function whichListed(text: string): string | undefined {
  const match = /^which\s+((?:one|ones|of them|of those|of these)\s+)?(?:(?:is|are|was|were)\s+)?(?:(?:an?|the)\s+)?(.+?)\s*[?.!]*$/.exec(text);
  // "which one proposes changing the network topology?" asks it of the list: what it proposes (in the past tense, "which
  // one introduced Performers?" asks the library for the paper that did).
  const proposal = match?.[1] && /^(?:propose|present|use)s?\s+(.+)$/.exec(match[2]!)?.[1];
  if (proposal) return proposal;
  const rest = match?.[2];
  // "which is better for trees?": the listed papers on trees (it had searched "is better for trees").
  const suited = rest && /^(?:better|best|good|suited|suitable|(?:more|most) suitable)\s+(?:for|at|with)\s+(.+)$/.exec(rest)?.[1];
  if (suited) return suited;
  // ("which other papers quantize the KV cache?" asks the library for more.)
  return rest && !/^(?:papers?|works?|articles?|studies|other|others|else|newest|latest|oldest|most|best|recent|better|worse|faster|slower|older|newer|more|less|should|would|could|can|do|does|did|i|you|we|to|one|ones|introduc\w*|propos\w*|invent\w*|coin\w*|defin\w*|first (?:introduc|propos)\w*)\b/.test(rest) ? rest : undefined;
}

/** "more like the second one", "similar to 3", "papers related to [2]": papers like the listed one, not its details. */
const SIMILAR = /\b(?:similar|related)\b|\blike\s+\S/;

/** A paper the message points at: papers like it ("more like 2", within the dates it asks: "papers like it from 2025"), or that paper. */
export function opened(paper: StoredPaper, text: string, today: Date): { kind: "pick"; paper: StoredPaper } | { kind: "similar"; paper: StoredPaper; filters?: PaperFilters } {
  if (!SIMILAR.test(text)) return { kind: "pick", paper };
  const { filters } = parseQuestion(text, today);
  return { kind: "similar", paper, ...(Object.keys(filters).length > 0 && { filters }) };
}

/** "tell me about the parallel thinking one", "summarize 3", "what's the second one about?", "and the disk-based one?": the paper's gist, not the sentences its words pick. */
const GIST = /^(?:(?:can|could) you\s+|pls\s+|please\s+)?(?:tell me (?:more )?about|summari[sz]e|describe|explain|what(?:'s|s| is)|what does|what do|and|(?:and\s+)?(?:what|how) about)\s+(?:the\s+(?:[\p{L}\p{N}.+-]+\s+){0,3}(?:one|paper)|it|this|that|this one|that one|#?\d{1,2}|\[\d{1,2}\])(?:\s+(?:about|say|propose|do))?\s*[?.!]*$/u;

export function asksGist(question: string): boolean {
  return GIST.test(question.toLowerCase().trim());
}

/**
 * "the scale-aware one, what model did they eval on?", "what about the pyramid ones": the papers of the thread a "the X
 * one" names, when the list shown now has none such: from the latest earlier list that has (it had answered of the one
 * paper in view, or searched "… for the pyramid ones").
 */
export function threadTitled(text: string, turns: Turn[]): StoredPaper[] | undefined {
  if (!referenceWords(text)) return undefined;
  for (const turn of [...turns].reverse()) {
    const found = titledReference(text, turn.papers);
    if (found) return found;
  }
  return undefined;
}
