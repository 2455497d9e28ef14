import type { Reply } from "./reply.ts";

const EXAMPLE = 'for example "which papers cover KV cache compression?"';

/**
 * A greeting, thanks or an acknowledgement on its own ("thanks!", "hi",
 * "ok") is not a question about papers: searching the library for "thanks"
 * only finds papers that happen to say it. Each kind gets one friendly line
 * and a hint of what to ask. Anything longer than these few words is a
 * question, whatever it starts with.
 */
const KINDS: { pattern: RegExp; say: string; notAfterPapers?: RegExp; withoutPapers?: string }[] = [
  { pattern: /^(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening))(?: there)?$/, say: `Hello! Ask me about the papers in the library, ${EXAMPLE}` },
  { pattern: /^(?:(?:ok|okay|great|cool|nice|perfect|awesome) )?(?:thanks|thank you|thx|ty|cheers|many thanks)(?: (?:so much|a lot|very much|again))?(?: (?:that|this) (?:helps|helped|is (?:great|helpful|useful)))?$/, say: "You're welcome! Ask another question whenever you like, or reply with a number to open a paper from the list.", withoutPapers: "You're welcome! Ask another question whenever you like." },
  { pattern: /^(?:(?:ok|okay|oh|ah) )?(?:ok|okay|k|great|cool|nice|good|awesome|perfect|got it|i see|makes sense|sounds good)(?: thanks)?$/, say: `Glad to help. Ask another question about the papers in the library, ${EXAMPLE}` },
  { pattern: /^(?:bye|goodbye|see you|see ya)$/, say: "Bye! Ask again any time." },
  {
    pattern: /^(?:help|what can you do|what do you do|who are you|what are you|how do(?:es)? (?:this|it|you) work|how do i use (?:this|you|it)|what (?:(?:kinds?|sorts?|types?) of )?(?:topics|subjects|areas|fields|papers|things|stuff) (?:do you|does (?:the|this|your) library|does it|are) (?:cover|covered|know|have|hold|know about|in (?:the|this|your) library|in here)|what(?:'s| is) in (?:the|this|your) library|what(?:'s| is) in here|what do you have)$/,
    // After a paper or a list, "how does it work?" asks about the paper.
    notAfterPapers: /^how do(?:es)? (?:this|it) work$/,
    say:
      `I answer questions about the papers in the library, citing them: ${EXAMPLE}. ` +
      'I also find a paper by its name ("the HNSW paper"), list papers like one ("papers similar to PyramidKV"), and list the newest or most upvoted papers ("papers from last month"). ' +
      'After a list, reply with a number to open a paper, or say "more".',
  },
];

/** The reply to small talk, or undefined for anything that may be a question; `afterPapers`: the thread shows papers. */
export function smallTalkReply(message: string, afterPapers = false): Reply | undefined {
  const text = message
    .toLowerCase()
    .replace(/[!.,?:;)(\s]+/g, " ")
    .replace(/\b(?:paperbot|bot)\b/g, "")
    .trim()
    // "hi! i'm new to the lab, what topics does this library cover?": a greeting before a request for help is the request.
    .replace(/^(?:(?:hi|hello|hey|hiya) (?:there |all |everyone )?)?(?:(?:i'?m|i am) new(?: (?:here|to (?:the|this|our) (?:lab|team|group|channel|workspace|server)))? )?(?:so )?(?=what|how|help)/, "");
  // "?" alone asks nothing: what can be asked, as for "help" (it had listed the newest papers).
  const kind = text === "" && /\S/.test(message) ? KINDS.at(-1) : KINDS.find(({ pattern, notAfterPapers }) => pattern.test(text) && !(afterPapers && notAfterPapers?.test(text)));
  return kind && { text: afterPapers ? kind.say : (kind.withoutPapers ?? kind.say), citations: [], found: false, closest: [], notes: [] };
}
