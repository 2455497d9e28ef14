import { writesPhrase } from "../papers/text.ts";
import { writesVersion } from "../search/versions.ts";
import { parseQuestion, type Setting } from "../search/question.ts";
import { words } from "../embed/tokens.ts";
import { paperInView, type Turn } from "./conversations.ts";
import type { FollowUp } from "./follow-up.ts";
import { listedAt, listReference } from "./list-positions.ts";
import { threadAct } from "./thread-acts.ts";
import { threadTitled } from "./thread-references.ts";

/**
 * Follow-ups that are the thread's question asked again in other words:
 * "same but for diffusion models" (the last topic in another setting) and
 * "compare it with SPANN" (the paper in view beside another).
 */

/** "same but for diffusion models", "what about for vision?", "what about ones for LLMs instead?", "only for vision models": the last topic again, in another setting. */
const SAME_FOR = /^(?:(?:(?:any(?:thing)?\s+|something\s+)?(?:the\s+)?(?:same|similar)(?:\s+(?:thing|topic|question|idea))?,?\s+but\s+)|(?:(?:and|ok|okay|so)\s+)?(?:what|how)\s+about\s+|and\s+|(?:only|just)\s+)(?:(?:the\s+)?(?:ones?|papers?|something|anything|stuff)\s+)?(for|in|on|with|applied to)\s+(.+?)\s*[?.!]*$/;
/** "for vision models only": the same, said with "only" after it. */
const FOR_ONLY = /^(for|in|on|with|applied to)\s+(.+?)\s+only\s*[?.!]*$/;
/** "for graphs?", "with sparse attention" alone, a few words and no year ("in 2024" is a date asked of the list). */
const BARE_FOR = /^(for|applied to|with|using)\s+((?:[\p{L}-]+\s*){1,4}?)\s*[?.!]*$/u;
const ONLY_LAST = /\s+only(\s*[?.!]*)$/i;
/** "forecasting only" after "time series": the last topic, kept to that part of it (a word or two, not a year). */
const PART_ONLY = /^(?!\d+\s)((?:[\p{L}-]+\s+)?[\p{L}-]+)\s+only\s*[?.!]*$/u;

/** "any for video?", "anything for graphs?": a few words, the thread's topic in that setting. */
const ANY_FOR = /^(?:any(?:thing)?|something|some|papers?|ones?)\s+(?:for|on)\s+((?:[\p{L}\p{N}-]+\s*){1,3}?)\s*[?.!]*$/u;

/** "what about agents?", "and time series?": a few words, no setting said. */
const WHAT_ABOUT = /^(?:(?:(?:and|ok|okay|so)\s+)?(?:what|how)\s+about|and)\s+((?:[\p{L}\p{N}-]+\s*){1,3}?)\s*[?.!]*$/u;

/** "any that are about training instead of inference?", "what about classification instead of forecasting?": a setting or a part, and what it replaces. */
const INSTEAD_OF = /^(?:(?:and|ok|okay|so|but)\s+)?(?:(?:what|how)\s+about\s+(?:for\s+)?|(?:any|anything|ones?|papers?|something)\s+(?:(?:that|which)\s+(?:are|is|do|does|handle|handles|use|uses|work on|works on)\s+)?(?:(?:about|on|for)\s+)?(?=\S+(?:\s+\S+){0,3}\s+(?:instead of|rather than)\s)|(?:(?:that|which)\s+(?:are|is)\s+)?(?:about|on|for)\s+)((.+?)\s+(?:instead of|rather than)\s+(.+?))\s*[?.!]*$/;

/** A word naming a process or task ("forecasting", "imputation", "compression", "eviction"), not a thing ("transformers"). */
const PROCESS_NOUN = /(?:tion|sion|ing|ment|ance|ence|sis)$/;

/**
 * "what about imputation?" after "time series forecasting": one task in place of another, the topic's last word, when
 * both name one ("time series imputation"). The answer searches it only if the library writes it as a phrase; "what
 * about language?" after "vision transformers" names no task, and keeps to the topic in that setting.
 */
function headSwapped(topic: string, said: string): string | undefined {
  const kept = topic.trim().split(/\s+/);
  const last = kept.pop();
  const asked = said.trim().split(/\s+/);
  if (kept.length === 0 || asked.length > 2 || !PROCESS_NOUN.test(last!.toLowerCase()) || !PROCESS_NOUN.test(asked.at(-1)!.toLowerCase())) return undefined;
  return [...kept, ...asked].join(" ");
}

/**
 * "what about state space models?" after "long convolutions for sequence modeling": a thing in place of the topic's
 * head, when the topic is set in a task and the thing names none ("state space models for sequence modeling"). The
 * answer searches it only if the library writes it; "what about diffusion models?" after "sparse attention for LLMs"
 * keeps the head, a setting in place of a setting.
 */
function methodSwapped(setting: Setting | undefined, said: string): string | undefined {
  const task = setting?.text.trim().split(/\s+/).at(-1)?.toLowerCase();
  const thing = said.trim().split(/\s+/).at(-1)!.toLowerCase();
  if (!setting || !task || !PROCESS_NOUN.test(task) || PROCESS_NOUN.test(thing) || words(said).length > 4) return undefined;
  return `${said.trim()} for ${setting.text.trim()}`;
}

/** The topic with `replaced` (a whole word or phrase of it) written as `put`, if the topic holds it. */
function inPlaceOf(topic: string, put: string, replaced: string): string | undefined {
  // A topic of a few words names a thing and its parts; a longer one is a sentence, where a word swapped reads garbled.
  if (topic.trim().split(/\s+/).length > 4) return undefined;
  // ("cpus instead of gpus" after "custom gpu kernels": a plural said is the singular written.)
  const escaped = replaced.trim().replace(/s$/i, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const at = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}s?(?![\\p{L}\\p{N}])`, "iu");
  return escaped && at.test(topic) ? topic.replace(at, put.trim()) : undefined;
}

/** "compare it with SPANN", "how does it compare to Scissorhands?": the paper in view beside one named. */
/** "compare 2 with SPANN": a listed paper, by its number, beside one named. */
const COMPARE_IT = /^(?:(?:compare|contrast)\s+(it|this|that|(?:#|\[)?\d{1,2}\]?)(?:\s+(?:one|paper))?\s+(?:with|to|and|against|vs\.?)|how\s+(?:does|do|did)\s+(it|this|that)(?:\s+(?:one|paper))?\s+(?:compare|differ)\s+(?:with|to|from|against))\s+(.+?)\s*[?.!]*$/;

/** "which is newer, that or signal and noise?": the paper in view and one the thread showed, in the order asked. */
const WHICH_OF_THE_TWO = /^which(?:\s+one)?\s+(?:is|was)\s+(newer|more recent|later|older|earlier|more upvoted|more popular)\s*,?\s*(?:it|that|this)(?:\s+(?:one|paper))?\s+or\s+(?:the\s+)?(.+?)(?:\s+(?:one|paper))?\s*[?.!]*$/;

/** The message as written, without closing punctuation, ending with `tail` (a group matched in its lower case). */
function endingAsWritten(question: string, tail: string): string {
  const asWritten = question.trim().replace(/\s*[?.!]+$/, "");
  return asWritten.slice(asWritten.length - tail.length);
}

/** A part of the message (found in its lower case) as it was written: "LLMs", not "llms". */
function writtenAs(question: string, part: string): string {
  const at = question.toLowerCase().indexOf(part);
  return at < 0 ? part : question.slice(at, at + part.length);
}

/**
 * "same but for diffusion models": the last topic searched, set where the message says; its own setting gives way.
 * A "papers like X" list in between is no topic: "KV cache compression", "papers like 2", "what about for vision?"
 * asks for KV cache compression for vision.
 */
export function settingAgain(asked: string, turns: Turn[], today: Date): FollowUp | undefined {
  const only = FOR_ONLY.exec(asked.toLowerCase().trim());
  const question = (only ? asked.trim().replace(ONLY_LAST, "$1") : asked).replace(/\s+instead(\s*[?.!]*)$/i, "$1");
  // ("with code?" asks the list for its code: an act on the thread, not a setting.)
  const bareFor = BARE_FOR.exec(question.toLowerCase().trim());
  const bare = bareFor && threadAct(question) === undefined ? bareFor : null;
  const sameFor = only ?? SAME_FOR.exec(question.toLowerCase().trim()) ?? bare;
  // "what about agents?" may ask for the last topic with agents, or for agents alone: the first, when the library surely covers it.
  // ("what about flashattention-2?": a name with its version is a paper asked for, not a setting of the last topic.)
  const about = sameFor ? undefined : WHAT_ABOUT.exec(question.toLowerCase().trim());
  if (about && writesVersion(about[1]!)) return undefined;
  // "what about pruning more generally?": pruning on its own, wider than the last topic, not a setting of it.
  const wider = about && /^(.+?)\s+(?:more\s+)?(?:generally|in general|broadly)$/.exec(about[1]!.trim());
  if (wider) return { kind: "refine", question: wider[1]! };
  // (Nor an answer about one paper a question named: "how much faster is the immiscible diffusion one" is no topic to set
  // elsewhere; "what about inference instead of training?" after it asks the list's topic before it.)
  const previous = turns.findLast((turn) => turn.source && !turn.source.example && !turn.focus);
  // "any that are about training instead of inference?": the last topic in that setting, the other ruled out.
  const instead = INSTEAD_OF.exec(question.toLowerCase().trim());
  // ("what about classification instead of forecasting?" after "time series forecasting": time series classification.)
  const replaced = instead && previous ? inPlaceOf(previous.topic, writtenAs(question, instead[2]!), instead[3]!) : undefined;
  if (replaced) return { kind: "refine", question: replaced };
  if (instead && previous) return { kind: "refine", question: `${previous.topic} for ${endingAsWritten(question, instead[1]!)}` };
  // "but not kv cache", "not the vision side": the last topic with that ruled out ("… but not X" is searched as written).
  const ruledOut = sameFor || about ? undefined : /^(?:but\s+)?not\s+(?!(?:the|any|all)\s+.*\b(?:ones?|papers?)\s*[?.!]*$)(.+?)\s*[?.!]*$/.exec(question.toLowerCase().trim());
  if (ruledOut && previous) return { kind: "refine", question: `${previous.topic} but not ${endingAsWritten(question, ruledOut[1]!)}` };
  const part = sameFor || about ? undefined : PART_ONLY.exec(question.toLowerCase().trim());
  if (part && previous) return { kind: "refine", question: `${previous.topic} ${endingAsWritten(question.trim().replace(ONLY_LAST, "$1"), part[1]!)}` };
  // "any for video?" after concept bottleneck models: concept bottleneck models for video when papers cover it, else video.
  // ("anything for gaussian splatting instead?" asks for that in its place.)
  const anyFor = sameFor || about || !previous || /\binstead\s*[?.!]*$/i.test(asked) ? undefined : ANY_FOR.exec(question.toLowerCase().trim());
  if (anyFor && previous) return { kind: "refine", question: `${parseQuestion(previous.topic, today).setting?.head ?? previous.topic} for ${endingAsWritten(question, anyFor[1]!)}`, otherwise: question };
  if ((!sameFor && !about) || !previous) return undefined;
  // "time series", "forecasting only", "what about imputation?": the other part of the topic before it was narrowed.
  const narrowed = about && PART_ONLY.test(previous.question.toLowerCase().trim()) ? turns.slice(0, turns.indexOf(previous)).findLast((turn) => turn.source && !turn.source.example) : undefined;
  if (narrowed) return { kind: "refine", question: `${narrowed.topic} ${endingAsWritten(question, about![1]!)}`, otherwise: question };
  // "what about for vision?" after "sparse attention for diffusion models" is sparse attention for vision.
  const setting = parseQuestion(previous.topic, today).setting;
  const topic = setting?.head ?? previous.topic;
  // "what about without approximation?": a word that sets how ("without", "with", "using") joins as written, not "for without …".
  const joined = /^(?:without|with|using|via|through|by|beyond|in|on|under)\s/.test(about?.[1] ?? "") ? " " : " for ";
  const swapped = about && (topic === previous.topic ? headSwapped(topic, endingAsWritten(question, about[1]!)) : methodSwapped(setting, endingAsWritten(question, about[1]!)));
  // "and the disk-based one?": a kind of the topic, said before it ("disk-based approximate nearest neighbor search").
  const kind = about && /^the\s+([\p{L}\p{N}]+-(?:based|aware|free|efficient|driven|guided|level|scale|style|like))\s+(?:one|ones|paper|papers)$/u.exec(about[1]!.trim());
  if (kind) return { kind: "refine", question: `${kind[1]} ${topic}`, otherwise: question };
  if (about) return { kind: "refine", question: `${topic}${joined}${endingAsWritten(question, about[1]!)}`, otherwise: question, ...(swapped && { swapped }) };
  return { kind: "refine", question: `${topic} ${sameFor![1]} ${endingAsWritten(question, sameFor![2]!)}` };
}

/**
 * "which is newer, that or signal and noise?": the two in that order, the other found by its title among the papers
 * the thread showed (it had been searched: "The paper that best matches is newer, that or signal and noise").
 */
export function olderOrNewer(question: string, previous: Turn | undefined, turns: Turn[]): FollowUp | undefined {
  const asked = WHICH_OF_THE_TWO.exec(question.toLowerCase().trim());
  const inView = paperInView(previous);
  if (!asked || !inView) return undefined;
  const shown = turns.flatMap((turn) => turn.papers);
  const other = shown.find((paper) => paper.id !== inView.id && writesPhrase(paper.title, asked[2]!));
  if (!other) return undefined;
  const by = /upvoted|popular/.test(asked[1]!) ? "upvotes" : /older|earlier/.test(asked[1]!) ? "oldest" : "newest";
  return { kind: "order", by, papers: [inView, other] };
}

/** "compare it with SPANN" (the two, found by name as "compare X and Y" finds them), "compare it with 4" (that one of the list). */
export function comparedWithOpen(question: string, previous: Turn | undefined, turns: Turn[] = []): FollowUp | undefined {
  const compared = COMPARE_IT.exec(question.toLowerCase().trim());
  const listed = previous?.papers ?? [];
  if (!compared) return undefined;
  const subject = compared[1] ?? compared[2]!;
  const target = compared[3]!;
  // "compare 1 and 2" names two of a list: a pair, which may point past a narrowing into the list before it.
  if (/\d/.test(subject) && /^(?:#|\[)?\d{1,2}\]?$/.test(target)) return undefined;
  const numbered = /\d/.test(subject) ? listedAt(listed, Number(subject.replace(/\D/g, ""))) : undefined;
  if (/\d/.test(subject) && !numbered) return listed.length > 0 ? { kind: "out-of-range", count: listed.length } : undefined;
  // "compare it with HetuMoE" over two listed papers, HetuMoE one of them: "it" is the other.
  // ("… to the head-aware one": the thread's paper of that word, in this list or an earlier one.)
  const titled = listed.filter((paper) => writesPhrase(paper.title, target));
  const described = titled.length === 0 ? threadTitled(target, turns) : undefined;
  if (described?.length === 1 && titled.length === 0) titled.push(described[0]!);
  const named = titled.length === 1 ? titled[0] : undefined;
  const others = named ? listed.filter((paper) => paper.id !== named.id) : listed;
  const inView = numbered ?? paperInView(previous) ?? (named && others.length === 1 ? others[0] : undefined);
  // Several listed and none opened: which one "it" is, is for the asker to say, not a paper titled "it" (offering one
  // that is not the paper named).
  const example = named ? listed.indexOf(others[0]!) + 1 : 2;
  if (!inView) return listed.length > 1 ? { kind: "which-one", count: listed.length, example: `compare ${example} with ${endingAsWritten(question, target)}` } : undefined;
  if (named && named.id !== inView.id) return { kind: "compare", papers: [inView, named] };
  const position = listReference(target) ?? (/^\d{1,2}$/.test(target) ? Number(target) : undefined);
  if (position !== undefined) {
    const other = listedAt(listed, position);
    return other && other.id !== inView.id ? { kind: "compare", papers: [inView, other] } : { kind: "out-of-range", count: listed.length };
  }
  // "versus", not "and": a title may hold an "and" ("Efficient and robust …").
  return { kind: "refine", question: `${inView.title} versus ${endingAsWritten(question, target)}` };
}

/** "papers like it but for edge devices or cpus": papers like the one in view, in that setting. */
const LIKE_IT_BUT = /^(?:(?:any|show me|more)\s+)?(?:papers?|anything|something|stuff|ones?|work)?\s*(?:like|similar to)\s+(?:it|this|that)(?:\s+(?:one|paper))?,?\s+but\s+(.+?)\s*[?.!]*$/i;

/**
 * "papers like it but for edge devices or cpus": "papers like DistServe but for …", the paper in view by its short
 * name (a full title's own "for" would read as the setting), which the search reads as papers like it in that setting;
 * it had searched for "it".
 */
export function likeItBut(question: string, previous: Turn | undefined): FollowUp | undefined {
  const asked = LIKE_IT_BUT.exec(question.trim());
  const inView = paperInView(previous);
  if (!asked || !inView) return undefined;
  const short = /^([^:]{2,40}):/.exec(inView.title)?.[1]?.trim();
  return { kind: "refine", question: `papers like ${short ?? inView.title} but ${endingAsWritten(question, asked[1]!)}` };
}
