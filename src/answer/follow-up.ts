import { parseQuestion } from "../search/question.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import type { Turn } from "./conversations.ts";

/** How a question refers to the thread's previous answer, if it does. */
export type FollowUp =
  | { kind: "pick"; paper: StoredPaper }
  | { kind: "order"; by: "newest" | "oldest" | "upvotes"; papers: StoredPaper[] }
  | { kind: "refine"; question: string };

const ORDINALS: Record<string, number> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, fifth: 5, "5th": 5, sixth: 6, "6th": 6 };
const REFERENCE = /\b(?:those|these|them|they|that one|this one|the ones?|it)\b/;
const BARE_ORDINAL = /^\s*(?:the\s+)?(?:first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|last)(?:\s+(?:one|paper|result|item))?\s*[.!?]?\s*$/;
const LEFTOVER = /^(?:any|anything|some|more|ones?|those|these|them|only|just|and|but|what about|how about|\s)*$/;

/**
 * Recognises questions that only make sense after the previous answer:
 * "tell me more about the second one" (a paper from it), "which of those is
 * the most recent?" (an ordering of it), "any from 2024?" (the same topic
 * with a new constraint).
 */
export function resolveFollowUp(question: string, previous: Turn | undefined, today: Date): FollowUp | undefined {
  if (!previous) return undefined;
  const text = question.toLowerCase();
  const ordinal = /\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|last)\b(?:\s+(?:one|paper|result|item))?|\b(?:number|no\.?|#)\s*(\d)\b|\[(\d)\]/.exec(text);
  // A reply of just "2" or "the second one" picks from the numbered list the previous answer gave.
  const numbered = /^\s*(?:#\s*)?(\d{1,2})\s*[.)]?\s*$/.exec(text);
  const asksAbout = REFERENCE.test(text) || /\b(?:more|about|explain|detail|summar|what|tell)/.test(text) || BARE_ORDINAL.test(text);
  if (previous.papers.length > 0 && (numbered || (ordinal && asksAbout))) {
    const index = numbered ? Number(numbered[1]) : ordinal![1] === "last" ? previous.papers.length : ORDINALS[ordinal![1] ?? ""] ?? Number(ordinal![2] ?? ordinal![3]);
    const paper = previous.papers[index - 1];
    if (paper) return { kind: "pick", paper };
  }
  if (REFERENCE.test(text) && previous.papers.length > 0) {
    if (/\b(?:most recent|newest|latest|recent)\b/.test(text)) return { kind: "order", by: "newest", papers: previous.papers };
    if (/\b(?:oldest|earliest|first published)\b/.test(text)) return { kind: "order", by: "oldest", papers: previous.papers };
    if (/\b(?:most (?:upvoted|popular|liked)|popular|upvotes?)\b/.test(text)) return { kind: "order", by: "upvotes", papers: previous.papers };
  }
  const parsed = parseQuestion(question, today);
  const constrained = Object.keys(parsed.filters).length > 0;
  const topicless = parsed.topic === question || LEFTOVER.test(parsed.topic.replace(REFERENCE, " "));
  if (constrained && topicless) return { kind: "refine", question: `${previous.topic} ${question}` };
  return undefined;
}
