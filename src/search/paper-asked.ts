import { asWritten } from "./as-written.ts";
import { COMPARATIVE, comparedNames } from "./compared.ts";
import { isTitleLike } from "./title-like.ts";

/**
 * What a question asks of one paper it names: a detail (its authors, date or code), what it does ("what does
 * KernelBench measure?"), or whether the library has it ("is FlashAttention-3 in the library?").
 */

/** "content": what a named paper proposes, measures, finds ("what does KernelBench measure?"). */
export type PaperDetail = "authors" | "date" | "code" | "id" | "content";

/** "the X paper" with a short X: a name, not a topic ("the original HNSW paper", "the FastGen KV cache paper"). */
/** What an asker wants of papers ("the best paper on X", "must-read papers on X", "a good intro paper"): no name, no topic. */
export const PRAISED = String.raw`best|top|good|great|must[- ]reads?|classic|key|seminal|important|essential|foundational|influential|recommended|intro(?:ductory)?|beginner[- ]friendly`;

const PAPER_NAME = new RegExp(String.raw`\b(?:the|that)\s+(?!(?:${PRAISED}|main|most \w+|first|last|latest|newest|next|previous|same|right|other|whole)\s+paper\b)(?:[\p{L}\p{N}+.'-]+\s+){1,5}paper\b`, "iu");

/** A word written as a name: capitals inside it ("KernelBench", "HNSW") or a digit after a letter ("MobileSAMv2"). */
const NAME_LIKE = /\p{Lu}[\p{L}\p{N}+.'-]*\p{Lu}|\p{L}\d/u;

/**
 * "what does Matryoshka representation learning propose?", "what metric does KernelBench introduce?", "what does
 * Chinchilla say about compute-optimal training?": the "does" and the verb of reporting ask; the rest is the topic.
 */
const DOES_REPORT = /^(?:what|which)\b(.*?)\s(?:does|did|do)\s(.+?)\s(?:propose|introduce|say|claim|find|show|contribute|suggest|recommend|report|conclude|achieve)(?:\s+(?:about|on|regarding)\b|$)/;
/**
 * "what does KernelBench measure?", "what hardware does MARLIN target?", "what accuracy does MobileSAMv2 reach?":
 * a question about what one paper, named by a name-like word, does.
 */
const ABOUT_NAMED = /^(?:what|which|how(?: much| many| fast| well| big| large)?)\b[^?]*?\s(?:does|did|do)\s+(?:the\s+)?([\p{L}\p{N}+.'-]+)(\s+paper)?\s+[a-z]+/iu;

/** "does SPANN actually beat DiskANN?", "is MARLIN faster than ExLlama?", "does marlin work with vllm?": what one paper, named first, reports of another. */
const BEATS = new RegExp(String.raw`^(?:does|did|do|is|was|can|could)\s+(?:the\s+)?([\p{L}\p{N}+.'-]+)(\s+paper)?\s+(?:(?:actually|really|still|even)\s+)?(?:beats?|outperforms?|surpass(?:es)?|improves?\s+(?:on|upon|over)|works?\s+(?:with|on)|supports?|runs?\s+on|handles?|(?:do|does)\s+better\s+than|(?:much\s+|any\s+)?${COMPARATIVE}\s+than)\s+\S`, "iu");

/** "the glocal paper - how many datasets?": "the … paper" (or "one"), a dash, comma or colon, then a question. */
/** ("distserve - how much better than vllm?": a name of one word before the dash, which a paper going by it confirms.) */
const NAME_THEN_ASKED = /^(?:(?:that|the)\s+(?:[\p{L}\p{N}+.'-]+\s+){1,4}(?:one|paper)|([\p{L}\p{N}+.'-]{3,}))\s*[-–—:,]\s*(?:what|which|how|who|when|where|does|did|do|is|are|was|were|can)\b/iu;

/** "what's the main finding of the grokking paper?", "key contributions of KernelBench", "limitations of Performers": what one paper found. */
const FINDING_OF = /^(?:what(?:'s| is| are| was| were)\s+)?(?:the\s+)?(?:(?:main|key|central|core|big|headline)\s+)?(?:finding|result|contribution|idea|takeaway|conclusion|claim|limitation|weakness|drawback|shortcoming|strength|advantage|novelty)s?\s+(?:of|in|from)\s+(?:the\s+)?(.+?)(?:\s+paper)?\s*\??$/i;

/** "what is FLUTE?", "what's the MARLIN paper about?", "tell me about HNSW", "how much faster is DistServe?", "how big is the ShareGPT4V dataset": what one paper, named so, is or reports. */
const WHAT_IS = new RegExp(String.raw`^(?:what(?:'s|s| is| was| does| did)|tell me (?:more )?about|summari[sz]e|explain|describe|how (?:much|many times) ${COMPARATIVE} (?:is|are|was|does|did)|how (?:big|large|small|long|fast) (?:is|are|was))\s+(?:the\s+)?([\p{L}\p{N}+.'-]+(?:\s+paper)?)(?:\s+(?:dataset|benchmark|corpus|model))?(?:\s+(?:about|say|says|said|claim|claims|find|finds|found|propose|proposes|do|does|get|gets))?\s*\??$`, "iu");

/** How a question for one detail of a paper opens: its authors, its date ("when is" stays a topic's frame: "when is it better to …"), its code. */
export const ASKS_AUTHORS = String.raw`who (?:wrote|authored|made|created|is behind|are (?:the )?authors of)|who(?:'s| is) the author of|what are the authors of|how many (?:authors|people|researchers) (?:wrote|authored|worked on|are (?:on|behind))`;
export const ASKS_DATE = String.raw`when (?:was|were|did)|what year (?:was|did)`;
export const ASKS_CODE = String.raw`(?:is there|where(?:'s| is| can i (?:get|find))|any|got|link to)\s+(?:the\s+|any\s+)?(?:code|github|repo|implementation)\s+(?:for|of)`;

/** "the arXiv id of", "arxiv link for": what an id question says before the paper. */
const ARXIV_OF = /(?:the\s+)?arxiv(?:\s+(?:id|link|number|url))?\s+(?:of|for)\s+/;

/** A question for one detail of a named paper: its authors, its date, its code or its arXiv id. */
const DETAIL: [PaperDetail, RegExp][] = [
  ["authors", new RegExp(String.raw`^\s*(?:${ASKS_AUTHORS})\s`, "i")],
  ["date", new RegExp(String.raw`^\s*(?:${ASKS_DATE}|when is|what year is)\s.*\b(?:published|released|come out|came out|written|appear(?:ed)?|out)\s*\??\s*$`, "i")],
  ["code", new RegExp(String.raw`^\s*(?:${ASKS_CODE})\s`, "i")],
  ["id", new RegExp(String.raw`^\s*(?:(?:what(?:'s|s| is)|give me|get me|find)\s+)?${ARXIV_OF.source}`, "i")],
];

/** "is X in the library?", "do you have X?". */
const PRESENCE = /^(?:(?:is|are)\s+(.+?)\s+(?:in (?:the|our|your|this) library|in here|here|available(?: here)?)|(?:do|does) (?:you|we|the library) (?:have|hold|contain)\s+(.+?)(?:\s+(?:in (?:the|our|your|this) library|in here))?)$/;

/**
 * The paper a question asks about and what it asks of it. `written`: the question as written; `rest`: what is left
 * of it once dates and the chat frame are off (lower case); `present`: the paper a presence question names.
 */
export function paperAsked(written: string, rest: string, present: string | undefined): { detail?: PaperDetail; paperName?: string; nameGuessed?: true } {
  // "ok what does flashattention-2 improve over v1": a word of chat before the question is no part of it.
  const text = written.replace(/^\s*(?:ok(?:ay)?|so|and|hmm+|um+|also|right|cool|thanks)[,!.]?\s+(?=(?:what|which|how|who|when|tell|summari[sz]e|explain|describe)\b)/i, "");
  const asked = DETAIL.find(([, pattern]) => pattern.test(text))?.[0];
  const detailOf = asked && rest ? asWritten(rest.replace(/\s+(?:written|out)$/, "").replace(new RegExp(`^${ARXIV_OF.source}`), ""), text) : undefined;
  // "what does KernelBench measure?", "what metric does KernelBench introduce?": what that paper says ("how does
  // TransMLA differ from X-EcoMLA?" compares two).
  const ofOne = !asked && !comparedNames(text);
  const finding = ofOne ? findingOf(text) : undefined;
  const reported = ofOne ? (finding ?? reportedName(text) ?? reportedName(text, false, BEATS) ?? whatIs(text)) : undefined;
  // "summarize distserve", "what does kernelbench measure?": a lone word typed in lower case may be a name too,
  // which only a paper going by it can tell ("what does pruning do?" asks a topic).
  const guessed = ofOne && !reported ? (reportedName(text, true) ?? reportedName(text, true, BEATS) ?? whatIs(text, true)) : undefined;
  // "the glocal paper - how many datasets?", "the vessel one, what dice?": a paper named, then what is asked of it.
  const thenAsked = NAME_THEN_ASKED.exec(text.trim());
  const named = thenAsked?.[1] && (NAME_LIKE.test(thenAsked[1]) || loneName(thenAsked[1])) ? thenAsked[1] : undefined;
  const detail = asked ?? (reported || guessed || thenAsked ? "content" : undefined);
  const paperName = detailOf ?? present ?? finding ?? PAPER_NAME.exec(text)?.[0].replace(/^that\s/i, "the ") ?? barePaper(text) ?? reported ?? guessed ?? named;
  const lone = (guessed !== undefined && paperName === guessed) || (named !== undefined && paperName === named && !NAME_LIKE.test(named)) || (present !== undefined && paperName === present && !NAME_LIKE.test(present) && loneName(present) && !/\bpaper\b/i.test(text));
  return { ...(detail && { detail }), ...(paperName && { paperName }), ...(lone && { nameGuessed: true as const }) };
}

/** "performers paper", "hnsw paper?": a message that is a name and "paper", as "the performers paper" is. */
function barePaper(text: string): string | undefined {
  const name = /^\s*((?:[\p{L}\p{N}+.'-]+\s+){1,3})paper\s*[?.!]*$/iu.exec(text)?.[1]?.trim();
  return name && !/^(?:a|an|the|any|some|that|this|which|what|one|good|best|new|latest|newest|survey|review)\b/i.test(name) ? `the ${name} paper` : undefined;
}

/** "is pruning in the library?", "do you have X?": X, whatever it is (a topic asked for where it is looked for). */
export function presenceSubject(rest: string): string | undefined {
  const match = PRESENCE.exec(rest.trim());
  return (match?.[1] ?? match?.[2])?.trim();
}

/** "is X in the library?", "do you have X?": X, when it names a paper ("the … paper", or a name-like word), as written. */
export function presenceAsked(rest: string, text: string): string | undefined {
  const match = PRESENCE.exec(rest.trim());
  const asked = (match?.[1] ?? match?.[2])?.trim();
  // "do you have papers on KV cache?" asks for a topic.
  if (!asked || /^(?:papers?|anything|something|any|some|work|stuff|research|articles?|refs|references)\b|\s(?:on|about|for|regarding)\s/.test(asked)) return undefined;
  const written = asWritten(asked, text);
  // A title typed in lower case ("is attention is all you need in the library?") is as long as titles are, topics rarely.
  // "do we have llama 2?": a word and a version number name a model's paper.
  const versioned = /^\p{L}[\p{L}\p{N}-]*\s+v?\d+(?:\.\d+)?$/u.test(asked);
  // A lone word in lower case ("is flashattention in the library") may be a name too: lookup tells (nameGuessed).
  const paperNamed = /^the\s.*\bpaper$/.test(asked) || NAME_LIKE.test(written) || isTitleLike(written) || versioned || asked.split(/\s+/).length >= 4 || loneName(asked);
  return paperNamed ? written.replace(/^the\s+/i, "").replace(/\s+paper$/i, "") : undefined;
}

/** The paper whose finding is asked ("the grokking paper" of "what's the main finding of the grokking paper?"), as written. */
function findingOf(text: string): string | undefined {
  // A paper: "the … paper", or a name ("KernelBench"); "results of sparse attention on long context" asks a topic.
  const match = FINDING_OF.exec(text.trim());
  const name = match?.[1]?.trim();
  // …or a word written with a capital in mid-sentence ("main result of Kinetics?").
  return name && (/\bpaper\s*\??\s*$/i.test(text) || NAME_LIKE.test(name) || /^\p{Lu}[\p{L}\p{N}-]*$/u.test(name)) ? name : undefined;
}

/** The paper "what is X?" asks about: a name ("FLUTE", "MobileNetV2") or "the X paper", as written; "what is grokking?" asks a topic. */
function whatIs(text: string, lone = false): string | undefined {
  const asked = WHAT_IS.exec(text.trim())?.[1];
  if (!asked) return undefined;
  const name = asked.replace(/\s+paper$/i, "");
  return /\spaper$/i.test(asked) || NAME_LIKE.test(name) || (lone && loneName(name)) ? name : undefined;
}

/** A lone word that may be a name typed in lower case ("distserve"): not a word of the question's frame. */
function loneName(word: string): boolean {
  return /^[\p{L}][\p{L}\p{N}-]{3,}$/u.test(word) && !/^(?:this|that|these|those|them|they|it|its|here|there|everything|something|anything|what|which|library|papers?|yourself|you|we|i|one|people|anyone|someone|everyone|folks|researchers|authors|models?|methods?|work)$/i.test(word);
}

/** The name-like subject of a question about what a paper does ("KernelBench", "MARLIN"), as written; lookup decides whether a paper has it. */
function reportedName(text: string, lone = false, form = ABOUT_NAMED): string | undefined {
  const [, subject, paper] = form.exec(text.trim()) ?? [];
  // "what does the Keyformer paper do?": "paper" says it is a name, however it is written.
  return subject && (NAME_LIKE.test(subject) || paper || (lone && loneName(subject))) ? subject : undefined;
}

/** "what metric does KernelBench introduce" → "what metric KernelBench" (DOES_REPORT); the frame goes next. */
export function withoutDoesReport(text: string): string {
  // "what does the library say about X": the library (or the asker, or "research") is who is asked, not the topic.
  const asked = /^(?:the |this |our |your )?(?:library|literature|research|papers?|you|we|people|anyone|it|they)$/;
  return text.replace(DOES_REPORT, (_all, before: string, subject: string) => `what${before}${asked.test(subject) ? "" : ` ${subject}`}`);
}
