import type { StoredPaper } from "../store/paper-store.ts";
import type { Turn } from "./conversations.ts";

/**
 * References by words rather than numbers: "the pyramid one" (the listed
 * paper whose title holds the word) and "back to the KV cache list" (an
 * earlier list of the thread, found by the words of its question).
 */

const ORDINAL_WORDS = /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|next|other|same|new|newest|latest|oldest|earliest|previous|\d+(?:st|nd|rd|th)?)$/;

/** "the pyramid one", "the HNSW paper", "the visual autoregressive one": up to three words before "one"/"paper". */
const TITLED = /\bthe\s+((?:[\p{L}\p{N}+.-]+\s+){0,2}[\p{L}\p{N}+.-]+)\s+(?:one|paper)\b/u;

/** The listed papers whose titles hold every word of "the X one" (by word start: "pyramid" holds for "PyramidKV"); undefined when it names none of them. */
export function titledReference(text: string, listed: StoredPaper[]): StoredPaper[] | undefined {
  const named = TITLED.exec(text.toLowerCase());
  if (!named || listed.length === 0) return undefined;
  const words = named[1]!.split(/\s+/);
  if (words.some((word) => ORDINAL_WORDS.test(word))) return undefined;
  const holds = (paper: StoredPaper) => {
    const titleWords = paper.title.toLowerCase().split(/[^\p{L}\p{N}+]+/u);
    return words.every((word) => titleWords.some((titleWord) => titleWord.startsWith(word.replace(/[.-]/g, ""))));
  };
  const matching = listed.filter(holds);
  return matching.length > 0 ? matching : undefined;
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
  if (/^(?:previous|last|earlier|other)$/.test(target)) return at(listing.at(-2));
  const words = target.split(/\s+/).filter((word) => word.length > 1);
  // The most recent list whose question (or its papers' titles) holds every word.
  const said = (turn: Turn) => `${turn.question} ${turn.topic} ${turn.papers.map((paper) => paper.title).join(" ")}`.toLowerCase();
  return at(words.length > 0 ? [...listing].reverse().find((turn) => words.every((word) => said(turn).includes(word))) : undefined);
}
