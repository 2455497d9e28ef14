import { COMPARATIVE } from "./compared.ts";
import { ASKS_AUTHORS, ASKS_CODE, ASKS_DATE, PRAISED } from "./paper-asked.ts";

/* How a question is put around its topic ("which papers cover …", "i'm trying to find anything on …"), taken off before search. */

// "tell me about X", not "can you tell from X whether Y" (tell = make out).
const TELL = String.raw`tell(?! (?:from|whether|if|apart|which|what|how)\b)`;

/**
 * The conversational frame around a topic: "which papers cover ...?",
 * "anything on ...", "what's new this week on ...". Removed before keyword
 * search so that "papers" and "which" do not count as evidence.
 */
const FRAME = [
  // ("hm ok, what about …" said "no paper in it mentions hm".)
  /^(?:hey|hi|hello|yo|ok|okay|so|please|pls|also|and|hm+|um+|uh+|oh|ah|yeah|yep|well|maybe|perhaps|re:)(?:\b|(?<=:))[,!.]?/,
  // "who wrote X?", "when was X published?": the detail asked is the frame, X the paper (see DETAIL).
  new RegExp(String.raw`^(?:${ASKS_AUTHORS}|${ASKS_DATE}|${ASKS_CODE})\s`),
  // "is PyramidKV better than Scissorhands": the comparison is kept ("PyramidKV and Scissorhands"), the "is" is the ask.
  new RegExp(String.raw`^(?:is|are|was|were)\s+(?=(?:\S+\s+){1,4}${COMPARATIVE}\s+than\b)`),
  // "which is the best paper on X": the praise is the ask (PRAISED, below), the "is" leads it.
  new RegExp(String.raw`^(?:is|are)\s+(?=(?:the\s+)?(?:${PRAISED})\s+(?:papers?|works?|reads?|ones?)\b)`),
  new RegExp(String.raw`^(?:can|could|would|will) you (?:please )?(?:${TELL}|show|find|list|give|recommend|suggest|point)(?: me)?(?: to)?\b`),
  /^(?:who|anyone|does anyone|do you|do we) (?:has|have|got|know)(?: (?:of|any|some))?\b/,
  // "has anyone looked at X", "have people tried X": who did the work is not the topic.
  /^(?:has|have|did) (?:anyone|anybody|someone|somebody|people|ppl|we|you) (?:here |in here )?(?:ever |already )?(?:looked (?:at|into)|tried|used|worked on|studied|written (?:about|on)|done (?:any )?(?:work|anything|something) (?:on|with)|(?:collected|gathered|compiled) (?:any )?(?:work|papers|research|stuff) (?:on|about))\b/,
  // "where do people get X", "where can I find X".
  /^where (?:do|can|could|should|would) (?:i|we|you|one|people|ppl|researchers|folks) (?:get|find|obtain)\b/,
  new RegExp(String.raw`^(?:please )?(?:show|find|list|give|send|recommend|suggest|get|${TELL}|summari[sz]e|explain|describe)(?: me)?\b`),
  // "recommend me something to read this weekend on X", "what should i read on X", "which paper should i cite for X":
  // the reading (or citing) is the ask, X the topic; "recommend me a paper to read this weekend" has none.
  /^(?:(?:should|shall|could|can|would|do) (?:i|we) |to )?(?:read|look at|check out|start with|cite)(?:(?: this| next)? (?:weekend|week)| today| tonight| first| next)?(?= (?:on|about|regarding|for)\b|$)/,
  // "i work on speaker verification, anything for me?": what the asker works on is the topic.
  /^(?:i|we)(?:'m| am|'re| are)?\s+(?:work|working|research|researching)\s+(?=on\b)/,
  // "i'm trying to find anything on X", "trying to understand X": the asker's effort, then the topic.
  /^(?:(?:i'm|i am|im|we're|we are|were)\s+)?trying\s+to\s+(?:find|locate|dig up|track down|get|understand|learn about|read up on|figure out)\b/,
  /^(?:i'm|i am|we're|we are)? ?(?:looking for|searching for|interested in)|^(?:i|we)(?: (?:want|need|would like)|'d like)(?: to)?(?: (?:read|know|learn|find out|see|understand) (?:about|on|why|how)?)?/,
  // "how do we know if X", "how can I tell whether X": the asker's doubt, then the topic.
  /^how(?:'s| (?:can|could|do|does|should|would|to|are|is)) (?:i|we|you|one|people|ppl|researchers|folks|others|anyone|someone|they)?\b(?: (?:know|tell|decide|check|judge) (?:if|whether)\b)?/,
  // "can you train a network without backprop", "is it possible to …", "is there a way to …": the ask, not the topic.
  /^(?:can|could) (?:you|i|we|one|people|ppl)\b|^is it (?:possible|feasible) to\b|^(?:is there|are there) (?:a|any) (?:good )?(?:ways?|methods?|techniques?) (?:to|of|for)\b/,
  /^(?:what )?happens (?:to|when|if)\b|^why (?:would|does|do|did|is|are|can|could)\b/,
  /^(?:what's|whats|what is|what are)\b/,
  // "what's known about X", "what has been written on X".
  /^(?:(?:has|have) been )?(?:known|written|done|published|said)\s+(?:about|on)\b/,
  // "I'm curious whether anyone has looked at X": the asker's curiosity and who did the work are not the topic.
  /^(?:i'm|i am|we're|we are) (?:curious|wondering) (?:whether|if|about)\b/,
  /^(?:anyone|anybody|someone|somebody|people|ppl) (?:here )?(?:has|have) (?:ever |already )?(?:looked (?:at|into)|tried|used|worked on|studied|written (?:about|on))\b/,
  // "who's working on 1-bit LLMs", "can't find anything on X": who does the work, and the asker's search so far.
  /^who(?:'s| is| are)\s+(?:working on|doing|researching|studying|looking at)\b/,
  // "who else uses nested embeddings", "anyone else working on X": others doing the work is the ask.
  /^(?:who|anyone|anybody)(?:\s+else)?\s+(?:uses?|using|does|doing|works? on|working on|studies|studying|tried|tries|looks? at|looking at)\b/,
  // "there was one about idioms", "there's a paper on X": a paper remembered, its topic after.
  /^(?:there(?:'s| is| was)|i (?:remember|recall|saw|read))\s+(?:a|an|one|this|that|some)\s+(?:(?:paper|one|work|study)\b|(?=(?:about|on|that|which|with|where)\b))/,
  // "the one with the gumbel trick": a paper described, its description after.
  /^(?:the\s+)?one\s+(?:with|using|that (?:uses|used|has|had)\b|(?=(?:about|on|that|which|where)\b))/,
  /^(?:i\s+)?(?:can't|cant|couldn't|couldnt|cannot)\s+find\s+(?:anything|something|any papers?|papers?|much)\s+(?:on|about|for)\b/,
  // "anyone seen a paper on X", "has anybody read anything about X".
  /^(?:(?:has|have|did) )?(?:anyone|anybody|someone|somebody|you|people|ppl) (?:here )?(?:ever )?(?:seen|read|come across|know of|heard of)\b/,
  // "how many papers on KV cache are there?": the papers on it are the answer, their count the asking.
  /^how many\b/,
  /^(?:the\s+)?(?:count|number)\s+of\b/,
  /^(?:which|what|are there|is there|do we have|do you have|have we got|have you got|got)\b/,
  // "(let me know) if there's anything on X", "(no idea) if this exists but anything on X".
  /^if (?:there(?:'s| is| are)|(?:this|that|it|such a thing) (?:exists|is out there))(?:,?\s*but\b)?/,
  /^(?:does|do) (?:the|our|your|this) library (?:have|hold|contain|cover)\b/,
  /^(?:does|do|did)\b(?! (?:we|you|i) )/,
  // "which paper has LLMs write CUDA kernels": once "which paper" is gone, "has" leads nothing.
  /^(?:has|have)\s+(?=\S+\s+\S)/,
  // "list all the papers on X" (not "all-reduce", "all you need").
  /^(?:a|an|any|some|the|all(?: of)?(?= (?:the|papers?|works?|research|articles?|studies|ones|stuff)\b))\b/,
  // "the best paper on X", "must-read papers on X", "a good intro paper on X", "tl;dr of X": what the asker wants of the papers, not the topic.
  new RegExp(String.raw`^(?:${PRAISED})(?:\s+(?:intro(?:ductory)?|overview|survey))?(?=\s+(?:papers?|works?|reads?|references|reading)\b)`),
  /^(?:tl;?\s?dr|tldr|quick summary|summary|overview)\s+(?:of|on|for)\b/,
  /^(?:papers?|works?|research|articles?|studies|anything|something|stuff|ones|refs|references|literature|reading)\b/,
  /^(?:new|out there|there|recent|recently|good|interesting|relevant|in the library|in here|here)\b/,
  // "anything else on making decoding faster", "anything related on disaggregated serving": more of a topic, not "else".
  /^(?:else|other|others|related)\b(?=\s+(?:on|about|regarding|related to|for|in)\b)/,
  // "which other papers quantize the KV cache": more papers, not a topic of "other".
  /^(?:other|more)\s+(?=(?:papers?|works?|ones|studies|articles?)\b)/,
  /^(?:that|which|who)?\s*(?:came out|come out|(?:were |was )?published|appeared|were about|was about|were on|was on|mention|mentions|cover|covers|discuss|discusses|talk about|talks about|deal with|deals with|focus on|focuses on|study|studies|look at|looks at|use|uses|propose|proposes|proposed|introduce|introduces|introduced|present|presents|presented|describe|describes|described|are about|is about|exist on|exist|compare (?:against|to|with)|compares (?:against|to|with)|(?:are |is )?compared (?:against|to|with))\b/,
  /^(?:about|on|regarding|related to|concerning|for|of|in|around)\b/,
  // "I need papers that keep records private": once "papers" is gone, the relative pronoun leads nothing.
  /^(?:that|which|who|where)\b/,
  // "papers with hogwild in the title": the name is the topic; titles are where a name is found first anyway.
  /^(?:with|having)\s+(?=\S.*\s+in\s+(?:the|its|their)\s+titles?$)/,
  /\s+in\s+(?:the|its|their)\s+titles?$/,
];

/** "another question - …", "unrelated: …", "quick question: …", "hmm ok. …": a chat opener before the question. */
export const OPENER = /^(?:(?:ok|okay|so|and|also|btw|hmm|now|one|more|another|different|new|quick|side|unrelated|random|separate|last|off-topic|off|something|question|q|thing|topic|change|of)[\s,]*){1,5}[:\-–—.]+\s+/;

/** The question with its conversational frame (FRAME) taken off its front, as often as one is there. */
export function withoutFrame(text: string): string {
  // "jacot et al neural tangent kernel": a citation by author names people the library does not record.
  let rest = text.replace(/(?:^|\s)(?:by\s+|from\s+)?[\p{L}'-]+(?:\s+and\s+[\p{L}'-]+)?\s+et\s+al\b\.?(?:'s)?(?:,?\s*\(?\d{4}\)?)?/giu, " ").trim();
  // "by the hazyresearch folks": a group's work, which the library does not record either.
  rest = rest.replace(/(?:^|\s)(?:by|from)\s+(?:the\s+)?[\p{L}\p{N}'-]+\s+(?:folks|group|lab|team|people|guys|researchers)\b/giu, " ").trim();
  // "ntk papers, e.g. jacot et al": the example gone, nothing is left to follow "e.g.".
  rest = rest.replace(/[\s,;(]*\b(?:e\.g|i\.e|such as|including|incl)\.?[\s,.)]*$/i, "").trim();
  // "how many are there in total on pruning": the whole count is still a count.
  if (/^how many\b/.test(rest)) rest = rest.replace(/\s+(?:in total|in all|altogether)\b/g, "");
  let previous;
  do {
    previous = rest;
    for (const pattern of FRAME) rest = rest.replace(pattern, "").replace(/^[\s,:-]+/, "");
  } while (rest !== previous);
  return rest;
}
