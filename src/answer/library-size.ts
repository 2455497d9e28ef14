import type { Coverage } from "./not-found.ts";
import { datesSearched } from "./not-found.ts";
import { counted } from "./counted.ts";
import type { Reply } from "./reply.ts";

/** "how many papers are in the library?", "how big is the library?", "how many papers have no date?": the library itself, not a topic in it. */
const ASKS_SIZE = /^(?:how many (?:papers|articles|entries)(?: (?:are there|are|do you have|do we have|does (?:the|your|this) library (?:have|hold|contain)|have you got))?(?: (?:in (?:the|your|this|our) library|in here|here|in total|total|altogether|indexed|stored))*|how many (?:papers|articles|entries) (?:have no (?:publication )?date|are undated|lack a date|have no dates?)(?: (?:in (?:the|your|this|our) library|in here))?|how many (?:undated|dateless) (?:papers|articles|entries)(?: (?:are there|are|do you have|do we have))?(?: (?:in (?:the|your|this|our) library|in here))?|how (?:big|large) is (?:the|your|this|our) library|what(?:'s| is) the size of (?:the|your|this|our) library)$/;

export function asksLibrarySize(question: string): boolean {
  return ASKS_SIZE.test(question.toLowerCase().replace(/[?!.\s]+$/, "").replace(/\s+/g, " ").trim());
}

/** How many papers the library holds and which dates they span. */
export function librarySizeReply(coverage: Coverage): Reply {
  const text = `The library holds ${counted(coverage.papers, "paper")}${datesSearched(coverage)}. Ask about a topic ("which papers cover KV cache compression?") or for "the newest papers".`;
  return { text, citations: [], found: false, closest: [], notes: [] };
}
