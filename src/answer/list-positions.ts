import type { StoredPaper } from "../store/paper-store.ts";
import type { Turn } from "./conversations.ts";
/**
 * Where in a numbered list a message points: "2", "#2", "the second one", "[2]", "compare 1 and 3". Shared by
 * follow-ups and the chat commands that take a list item ("/similar 2").
 */
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const ORDINAL = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\\d{1,2}(?:st|nd|rd|th)";

/**
 * The reference forms, each unambiguous on its own: a bare "2" or "#2"; "the
 * second one" (an ordinal needs "the" before it and "one"/"paper" after it,
 * or to end the message, so "the first paper to use X" and "second-order"
 * are not references); "[2]"; "number 2"; and a number ending the message
 * after "about", "to", "like" or "open" ("tell me about 2", "similar to 3"), or as the commands write it ("similar 2", "paper 3").
 */
export const BARE = /^\s*(?:#|no\.?\s*|number\s*)?(\d{1,2})\s*[.)!?]?\s*$/;
const ORDINAL_REF = new RegExp(`\\b(?:the\\s+)?(${ORDINAL})(?:\\s+(?:one|paper|result|item)\\b(?!\\s+(?:to|that|which|who|on|in|for|with|of|ever)\\b|\\s+about\\s+\\S)|\\s*[.!?]*\\s*$)`);
/** A message that is nothing but a reference ("2", "the second one"): with no list before it, it cannot be a question. */
export const ONLY_ORDINAL = new RegExp(`^\\s*(?:the\\s+)?(?:${ORDINAL})(?:\\s+(?:one|paper|result|item))?\\s*[.!?]*\\s*$`);
export const BRACKETED = /\[(\d{1,2})\]|(?:#|\bno\.\s*|\bnumber\s+)(\d{1,2})\b|\b(?:about|to|like|open|show|summari[sz]e|explain|describe|details? (?:on|of|for)|similar|paper)\s+(\d{1,2})\s*[.!?]*\s*$/;
/** "compare 1 and 3", "the first vs the third one", "how do [2] and [4] differ?": two listed papers. */
const ITEM = `(?:the\\s+)?(?:#|\\[)?(\\d{1,2}|${ORDINAL})\\]?(?:\\s+(?:one|paper))?`;
const PAIR = new RegExp(`^(?:compare|contrast|(?:what(?:'s| is| are)\\s+)?(?:the\\s+)?differences?\\s+between|how\\s+(?:do|does))?\\s*(?:papers?\\s+)?${ITEM}\\s*(?:and|vs\\.?|versus|with|to|,)\\s*${ITEM}(?![\\w-])`);
/** Which listed paper (1-based, "last" for the last) a question points at, if it points at one. */
export function listReference(question: string): number | "last" | undefined {
  const text = question.toLowerCase();
  const bare = BARE.exec(text);
  if (bare) return Number(bare[1]);
  const ordinal = ORDINAL_REF.exec(text);
  // "newest first", "oldest first": an order, not the first paper.
  if (ordinal && !/\b(?:newest|latest|oldest|earliest|recent|upvoted)\s+first\b/.test(text)) return position(ordinal[1]!);
  const numbered = BRACKETED.exec(text);
  return numbered ? Number(numbered[1] ?? numbered[2] ?? numbered[3]) : undefined;
}

/** The item a position names ("last" the last), if the list is that long. */
export function listedAt<T>(list: T[], item: number | "last"): T | undefined {
  return list[(item === "last" ? list.length : item) - 1];
}

/** "second", "2nd", "2" or "last" as a position in the list. */
function position(word: string): number | "last" {
  return word === "last" ? "last" : (ORDINALS[word] ?? Number.parseInt(word, 10));
}

/** "compare the first two", "contrast the top 2". */
const FIRST_TWO = /^(?:compare|contrast)\s+(?:the\s+)?(?:first|top)\s+(?:two|2)\b/;

/** The two list items "compare 1 and 3" names, if it names two. */
export function pairReference(question: string): (number | "last")[] | undefined {
  if (FIRST_TWO.test(question.toLowerCase().trim())) return [1, 2];
  const pair = PAIR.exec(question.toLowerCase().trim());
  return pair ? [position(pair[1]!), position(pair[2]!)] : undefined;
}

/** The list item a message that is nothing but a reference names ("2", "the second one"), for a command's argument ("/similar 2"). */
export function standaloneReference(text: string): number | "last" | undefined {
  const lower = text.toLowerCase();
  return BARE.test(lower) || ONLY_ORDINAL.test(lower) ? listReference(lower) : undefined;
}

/** "which of those is the newest?", "the most cited one", "whats the newest?": one paper of the list, not the list in order. */
export function namesOne(question: string): boolean {
  // ("oldest?" alone is answered "The oldest of those is X": it names one as well.)
  return /\b(?:which|what)\b(?: one)?[^?]*\b(?:is|was|has|had)\b|\bthe (?:newest|latest|oldest|most \w+) one\b|^(?:(?:what'?s|whats|show me|give me|open) )?(?:the )?(?:newest|latest|oldest|earliest|most recent|most \w+)\s*[?.!]*$/i.test(question.trim());
}

/**
 * "summarize 4" after "which of those are training-free?" kept one of five: the fourth of the list it was narrowed
 * from, the list before it whose papers it only keeps some of, when that one is long enough; through narrowings of
 * narrowings ("which use representation alignment?", "only the ones with code", "the second one").
 */
export function narrowedFrom(turns: Turn[], previous: Turn, item: number): StoredPaper | undefined {
  let kept = previous;
  for (const earlier of turns.slice(0, turns.indexOf(previous)).reverse()) {
    if (earlier.papers.length === 0) continue;
    if (!kept.papers.every((paper) => earlier.papers.some((other) => other.id === paper.id))) return undefined;
    const paper = earlier.papers.length > kept.papers.length ? listedAt(earlier.papers, item) : undefined;
    if (paper) return paper;
    kept = earlier;
  }
  return undefined;
}
