import { withoutAsker } from "../search/asker.ts";
import { parseQuestion } from "../search/question.ts";
import type { PaperFilters, StoredPaper } from "../store/paper-store.ts";
import { paperInView, searchedTopic, type Turn } from "./conversations.ts";
import { BARE, BRACKETED, listReference, listedAt, narrowedFrom, ONLY_ORDINAL, pairReference } from "./list-positions.ts";
import { threadAct } from "./thread-acts.ts";
import { actOnThread, FEW, firstFew, narrowOrCompare } from "./follow-up-acts.ts";
import { groupReference, onGroup } from "./group-references.ts";
import { backTo, inlineNumbers, opened, listedHolder, referenceWords, titledReference, whichListed, whichReported, threadTitled } from "./thread-references.ts";
import { comparedWithOpen, likeItBut, olderOrNewer, settingAgain } from "./thread-rewrites.ts";
import { asksForCode } from "./list-replies.ts";
import { correctedTo, correctedTopic } from "./correction.ts";
import { REFERENCE, FILLER, OF_THOSE, ANY_OF, LINKING, LEFTOVER, NOT_CONSTRAINT, YEAR_ONLY, ORDER_ONLY, PRONOUN, WHICH_OF_FEW, DROP_LISTED, DROP_ABOUT, NOT_ABOUT, OPENER, CLOSER, ONLY_LISTED, COMPARISON, ASKING, ABOUT_IT, EXPLETIVE_IT, SUPERLATIVE_ASKED } from "./follow-up-phrases.ts";

/** How a question refers to the thread's previous answer, if it does. */
export type FollowUp =
  /** `asked`: the question to answer of it, when not the message ("and the other one?" asks the last question again); `gist`: nothing asked of it. */
  | { kind: "pick"; paper: StoredPaper; asked?: string; gist?: true }
  /** "compare 1 and 3": two listed papers side by side; "compare them": the first few of `of` listed. */
  | { kind: "compare"; papers: StoredPaper[]; of?: number }
  /** "what are the results?", "is there code?" after a list: the question answered from each of the first few listed. */
  | { kind: "about"; papers: StoredPaper[]; of: number; asked?: string }
  /** `citing`: asked for work citing it, which the library does not record (papers like it are the nearest answer); `filters`: the dates or upvotes asked ("papers like it from 2025"). */
  | { kind: "similar"; paper: StoredPaper; citing?: true; filters?: PaperFilters }
  /** "compare them" with one paper in view. */
  | { kind: "needs-two" }
  /** "how many are there?": the list's length; "why?": nothing the abstracts can answer, and what can be asked. */
  | { kind: "count"; count: number; more: boolean }
  | { kind: "vague"; count: number }
  /** "anything newer?" about a paper (or papers) the library has no date for. */
  | { kind: "undated"; paper?: StoredPaper }
  /** "anything that cites it?" with several listed and none opened: which one, said by `example`; "the pyramid one" with several such: these. */
  | { kind: "which-one"; count: number; example: string; candidates?: { n: number; paper: StoredPaper }[] }
  /** "back to the first list", "back to the KV cache one": that earlier list again, or `turn` undefined when none is about `target`. */
  | { kind: "back"; target: string; turn?: Turn }
  | { kind: "more" }
  | { kind: "filter"; filters: PaperFilters; papers: StoredPaper[] }
  /** "Which of those are about vision?": the listed papers that hold the topic's words. */
  /** `without`: "drop the vision ones", the listed papers that do not mention the topic. */
  /** `only`: "only the ones about graphs", which asks the thread's topic with it when none of the list is on it. */
  | { kind: "narrow"; topic: string; papers: StoredPaper[]; without?: true; only?: true }
  | { kind: "order"; by: "newest" | "oldest" | "upvotes"; papers: StoredPaper[] }
  /** The previous topic asked again with more words or, for "anything older?", other dates. */
  /** `otherwise`: what to search if the refined question is not surely covered ("what about agents?": agents alone). */
  /** `swapped`: the topic with its last word replaced, searched instead when the library writes it ("time series imputation"). */
  | { kind: "refine"; question: string; filters?: PaperFilters; otherwise?: string; swapped?: string }
  /** A number past the end of the list: say how long it is rather than search for "9". */
  | { kind: "out-of-range"; count: number }
  /** A number or "more" with no numbered list in the thread to refer to. */
  | { kind: "no-list" };

/** "only that one?", "is that all?", "nothing else?": doubting the list is all there is, which "more" answers. */
const ONLY_THAT = /^(?:(?:is\s+)?(?:that|this)(?:'s|\s+is)?\s+(?:it|all)|(?:only|just)\s+(?:(?:that|this|the)\s+)?(?:one|1|two|2|three|3|those|these|that|this)(?:\s+(?:papers?|ones?))?|nothing\s+else|no\s+others?|(?:that'?s|thats)\s+(?:it|all))$/;

/** "more", "show me more", "any others?", "anything else?", "next page". */
const MORE = /^(?:(?:show|give|list|tell)(?:\s+me)?\s+|(?:are\s+there\s+|got\s+|any(?:thing)?\s+|what\s+(?:about\s+)?)?)?(?:more|others?|other\s+(?:papers|ones)|the\s+rest|next(?:\s+page)?|else)(?:\s+(?:papers|results|ones|of\s+them|please))*$/;

/** "more", "any others?": the next page of the list the previous answer began. */
export function asksForMore(question: string): boolean {
  const asked = question.toLowerCase().replace(/[?!.,]+/g, " ").replace(/\s+/g, " ").trim();
  return MORE.test(asked) || ONLY_THAT.test(asked);
}

/**
 * Recognises questions that only make sense after the previous answer:
 * "tell me more about the second one" (a paper from it), "compare 1 and 3"
 * (two of its papers), "more like 3"
 * (papers like one from it), "show me more" (its next page), "which of those
 * is the most recent?" (an ordering of it), "which of those are from 2024?"
 * (a filter of it), "which of those are about vision?" (the papers of it on
 * a topic), "any from 2024?" (the same topic with a new constraint).
 */
export function resolveFollowUp(said: string, previous: Turn | undefined, today: Date, turns: Turn[] = previous ? [previous] : []): FollowUp | undefined {
  // "which of all these is newest?" is "which of these …".
  const question = said.replace(OPENER, "").replace(CLOSER, "$1").replace(/\bof all (those|these|them)\b/i, "of $1");
  // "explain it like I'm a biologist", "economist here - what does it propose?": who asks, not what.
  const text = withoutAsker(question.toLowerCase());
  const back = backTo(question, turns);
  if (back) return { kind: "back", ...back };
  // "no, I meant the multimodal ones": the message before, asked again as corrected.
  const correction = previous ? correctedTo(question) : undefined;
  if (correction !== undefined) return corrected(correction, previous!, today, turns);
  const trimmed = text.trim();
  const words = trimmed.split(/\s+/).length;
  // After "nothing covers that", "which of those …" and "the other one" mean the last list the thread showed, not the
  // closest papers to what nothing covered (a number still opens those).
  const real = previous?.closest && listReference(text) === undefined ? turns.slice(0, turns.indexOf(previous)).findLast((turn) => turn.papers.length > 0 && !turn.closest) : undefined;
  const instead = real ? resolveFollowUp(said, real, today, turns.slice(0, turns.indexOf(real) + 1)) : undefined;
  if (instead && instead.kind !== "more" && instead.kind !== "refine" && instead.kind !== "no-list") return instead;
  const listed = previous?.papers ?? [];
  // "how do the first two differ?", "is the other one open source?", "what do the 2023 ones add?": several listed, or the rest.
  const group = words <= 10 ? groupReference(trimmed, previous, turns) : undefined;
  if (group) return onGroup(group, trimmed, previous!, today);
  const named = pairReference(text);
  // "what does 2 propose?", "how does 3 compare to 4?": numbers named in passing in a short question about the list.
  const inline = named === undefined && words <= 8 ? inlineNumbers(text, listed.length) : [];
  const reference = inline.length === 2 ? undefined : (listReference(text) ?? (inline.length === 1 ? inline[0] : undefined));
  // "tell me more" with a paper just opened asks more of that paper, not for the list's next page.
  const moreOfOpened = previous?.focus !== undefined && /^tell me more\b/.test(trimmed);
  const more = asksForMore(text) && !moreOfOpened;
  const pair = named ?? (inline.length === 2 ? inline : undefined);
  // Only a short message is a reference ("papers like it", "who wrote it?"); "… any theory on that?" ends a question of its own.
  // With a paper just opened, any short question about "it" or "they" is about that paper ("what problem does it solve?",
  // "who are the authors?", "tell me more"), but for the "it" of "is it possible to …".
  // ("is it possible to use it for retrieval?": the second "it" is the paper.)
  // ("how much of the kv cache does it keep?": a longer question whose subject is "it" is about the paper too.)
  const ofIt = words <= 14 && /\b(?:does|did|do|is|was|can|could|will|would)\s+(?:it|they)\b/.test(text.replace(EXPLETIVE_IT, " "));
  // ("any of them use language models?" with a paper open asks the list.)
  const aboutOpened = paperInView(previous) !== undefined && (words <= 8 || ofIt) && !more && !(OF_THOSE.test(trimmed) && listed.length > 1) && (ABOUT_IT.test(text.replace(EXPLETIVE_IT, " ")) || moreOfOpened);
  const pronoun = (PRONOUN.test(trimmed) && words <= 7) || aboutOpened;
  // "compare 1 and 2", "papers like 1", "which of those are from 2024?", "papers like it" with nothing listed refer to no list.
  // ("… label first?" ends a question of its own: an ordinal alone is no reference without a list.)
  const yearOnly = YEAR_ONLY.exec(trimmed);
  const orderOnly = words <= 6 && ORDER_ONLY.test(trimmed);
  if (listed.length === 0 && (more || BARE.test(text) || ONLY_ORDINAL.test(text) || BRACKETED.test(text) || pair || OF_THOSE.test(text) || pronoun || yearOnly || (orderOnly && previous !== undefined))) return { kind: "no-list" };
  // "drop the vision ones", "not the vision ones": the list without the papers on that.
  const dropped = listed.length > 0 ? (DROP_LISTED.exec(trimmed) ?? DROP_ABOUT.exec(trimmed) ?? NOT_ABOUT.exec(trimmed)) : null;
  if (dropped) return { kind: "narrow", topic: dropped[1]!, papers: listed, without: true };
  // "only the theory ones": the list, kept to the papers on that ("just the 2024 ones" is a year, below).
  // ("only that one?" doubts the list is all there is: "more", below.)
  // ("only the ones that are from 2024" asks for dates, below.)
  const kept = listed.length > 0 && !yearOnly && !more && !/\b(?:19|20)\d\d\b/.test(trimmed) ? ONLY_LISTED.exec(trimmed) : null;
  // ("only the ones with code": the papers whose abstracts link their code, not those writing "code".)
  if (kept && asksForCode(trimmed)) return { kind: "about", papers: listed, of: listed.length };
  if (kept) return { kind: "narrow", topic: (kept[1] ?? kept[2] ?? kept[3])!.replace(/\s+(?:stuff|things)$/, ""), papers: listed, only: true };
  const at = (item: number | "last") => listedAt(listed, item);
  // "the scale-aware one, what …?" after a narrowing kept only the head-aware one: the paper of an earlier list.
  const earlier = reference === undefined && !pair && !titledReference(text, listed) ? threadTitled(text, turns) : undefined;
  if (earlier?.length === 1) return opened(earlier[0]!, text, today);
  if (earlier && / ones\b/.test(trimmed)) return { kind: "about", papers: earlier.slice(0, FEW), of: earlier.length };
  // …and naming none of the thread's, a paper the library may have ("the scale-aware paper, what …?"), not the one in view.
  const inView = paperInView(previous);
  if (!earlier && inView && reference === undefined && !pair && referenceWords(trimmed) && !titledReference(text, listed) && !titledReference(text, [inView])) return { kind: "refine", question: trimmed.replace(/ one\b/, " paper") };
  const rewritten = settingAgain(question, turns, today) ?? comparedWithOpen(question, previous, turns) ?? likeItBut(question, previous) ?? olderOrNewer(question, previous, turns);
  if (rewritten) return rewritten;
  // "anything from this year?" asks for dates, handled below, not about the papers' "year".
  const dated = /\b(?:19|20)\d\d\b|\b(?:this|last|past|previous)\s+(?:year|month|week)\b|\b(?:today|yesterday)\b/.test(trimmed);
  // "which one converts existing models?", "which are hardware aware", "which is a dataset": which of the papers listed
  // (it searched "one converts existing models"); "which is the original one" asks for the oldest.
  // ("which models does it work with?" with a paper open asks it of that paper: below.)
  // "which models did they test on?", "which gpus did quick test on": what the papers report, not a narrowing.
  const reported = listed.length >= 1 && words <= 8 && !dated ? whichReported(trimmed, listed) : undefined;
  if (reported?.of === "name") return opened(reported.paper, text, today);
  if (reported?.of === "elsewhere") return undefined;
  if (reported?.of === "they" && listed.length > 1 && !previous?.focus) return { kind: "about", papers: firstFew(listed, text), of: listed.length };
  // ("which is the most theoretical one?" had searched "is the most theoretical"; the abstracts may not say, so the few side by side.)
  if (listed.length >= 2 && words <= 10 && SUPERLATIVE_ASKED.test(trimmed)) return { kind: "compare", papers: listed.slice(0, FEW), of: listed.length };
  const which = listed.length >= 1 && words <= 8 && !dated && !aboutOpened && !reported && !OF_THOSE.test(trimmed) ? whichListed(trimmed) : undefined;
  if (which) {
    const rest = which.replace(/\b(?:ones?)\b/g, " ").replace(LINKING, " ").replace(/\s+/g, " ").trim();
    if (/^(?:original|first|earliest)\b/.test(which)) return { kind: "order", by: "oldest", papers: listed };
    if (rest) return narrowOrCompare(rest, listed);
  }
  // "tell me about the dataset one" opens the one listed paper its title names, not the whole list.
  const namesOne = / (?:one|paper)\s*[?.!]*$/.test(trimmed) && reference === undefined && !pair && titledReference(text, listed)?.length === 1;
  const act = reference === undefined && !pair && !more && !dated && !namesOne ? threadAct(trimmed) : undefined;
  // With no thread, "the most upvoted papers" and "the most recent paper" ask for the library's papers in that order, not of a list.
  const listsLibrary = !previous && (act === "vague" || act === "popular" || ((act === "newer" || act === "older") && /\bpapers?\b/.test(trimmed)));
  // "what's the best paper in the library" asks it of the library, whatever the thread shows ("any follow ups in the
  // library?" still asks of the paper open); with no thread, so does "which is the best paper?".
  const praisesLibrary = act === "compare" && (/\bin (?:the|our|this|your) library\b|\bof all time\b/.test(trimmed) || (!previous && /\bbest (?:papers?|works?|reads?)\b/.test(trimmed)));
  const ofLibrary = listsLibrary || praisesLibrary;
  if (act && !ofLibrary) return actOnThread(act, trimmed, previous);
  // "tell me more about the pyramid one": the listed paper whose title holds the word, or which of several.
  const titled = reference === undefined && !pair ? titledReference(text, listed) : undefined;
  if (titled?.length === 1) return opened(titled[0]!, text, today);
  // "tell me about the task arithmetic one" naming no paper listed names one the library may have: "the … paper".
  if (!titled && reference === undefined && !pair && / one\s*[?.!]*$/i.test(trimmed) && referenceWords(trimmed)) return { kind: "refine", question: trimmed.replace(/ one(\s*[?.!]*)$/i, " paper$1") };
  if (titled) return { kind: "which-one", count: listed.length, example: String(listed.indexOf(titled[0]!) + 1), candidates: titled.map((paper) => ({ n: listed.indexOf(paper) + 1, paper })) };
  // With several listed and none opened, a short question about "they" asks it of the list, and one about "it" asks which.
  // ("do any of them use RL?" asks which do, of the whole list: below.)
  const asked = words <= 8 && ASKING.test(trimmed) && !EXPLETIVE_IT.test(text) && reference === undefined && !pair && !more && !ANY_OF.test(trimmed);
  if (asked && !previous?.focus && listed.length > 1) {
    if (/\b(?:they|their|them)\b/.test(text)) return { kind: "about", papers: firstFew(listed, text), of: listed.length };
    const holder = /\b(?:it|its)\b/.test(text) ? listedHolder(trimmed, listed) : undefined;
    if (holder) return opened(holder, text, today);
    if (/\b(?:it|its)\b/.test(text)) return { kind: "which-one", count: listed.length, example: trimmed.replace(/\b(?:it|its)\b/, (word) => (word === "its" ? "2's" : "2")).replace(/[?.!]+$/, "") };
  }
  // After a comparison ("compare it with PyramidKV"), "which needs fine-tuning?" asks it of the few papers shown, not the library.
  // ("which is the newest?" still orders them, below.)
  if (asked && !orderOnly && listed.length >= 2 && listed.length <= FEW && WHICH_OF_FEW.test(trimmed) && COMPARISON.test(previous?.question ?? "")) return { kind: "compare", papers: listed, of: listed.length };
  if (pronoun && reference === undefined && !pair) {
    // The paper just opened, or the one paper shown, is "it". Several and none opened: which one is for the asker to say.
    const it = paperInView(previous);
    if (!it) return { kind: "out-of-range", count: listed.length };
    return opened(it, text, today);
  }
  if (pair && listed.length > 0) {
    // ("compare 1 and 2" after a narrowing kept one: the list it was narrowed from, as for "summarize 4".)
    const papers = pair.some((item) => at(item) === undefined) ? pair.map((item) => (item === "last" ? undefined : narrowedFrom(turns, previous!, item))) : pair.map(at);
    return papers.every((paper) => paper !== undefined) ? { kind: "compare", papers: papers as StoredPaper[] } : { kind: "out-of-range", count: listed.length };
  }
  if (listed.length > 0 && (reference !== undefined || more)) {
    if (reference === undefined) return { kind: "more" };
    const paper = at(reference) ?? (reference === "last" ? undefined : narrowedFrom(turns, previous!, reference));
    if (!paper) return { kind: "out-of-range", count: listed.length };
    return opened(paper, text, today);
  }
  if (!previous) return undefined;
  // "only 2025", "just the 2024 ones": the list, kept to that year.
  // After a search, the topic asked again within that year: the list shows only its best few ("only 2025" after
  // "papers on diffusion models" gave 2 of the 5 shown, of 8 the library has).
  if (yearOnly && listed.length > 0) {
    const filters = { from: `${yearOnly[1]}-01-01`, to: `${yearOnly[1]}-12-31` };
    const topic = searchedTopic(previous);
    return topic ? { kind: "refine", question: topic, filters } : { kind: "filter", filters, papers: listed };
  }
  const parsed = parseQuestion(question, today);
  const constrained = Object.keys(parsed.filters).length > 0;
  // "which is the newest?", "newest first", "sort by date": a short message that asks only for an order asks it of the list.
  const refers = new RegExp(REFERENCE.source).test(text) || orderOnly || OF_THOSE.test(text);
  if (refers && listed.length > 0) {
    if (/\b(?:most recent|newest|latest|recent|by date)\b/.test(text)) return { kind: "order", by: "newest", papers: listed };
    if (/\b(?:oldest|earliest|first published)\b/.test(text)) return { kind: "order", by: "oldest", papers: listed };
    if (/\b(?:most (?:upvoted|popular|liked)|popular|upvotes?)\b/.test(text) && !constrained) return { kind: "order", by: "upvotes", papers: listed };
    // "Which of those are from 2024?": nothing but the reference and the constraint is left of the topic.
    if (constrained && parsed.topic.toLowerCase().replace(REFERENCE, " ").replace(FILLER, " ").trim() === "") return { kind: "filter", filters: parsed.filters, papers: listed };
    // ("which one handles audio and point clouds?": an "and" between words of the topic stays; it had read "audio point clouds".)
    const joined = parsed.topic.toLowerCase().replace(/ and (?=\S)/g, " \u0000 ").replace(REFERENCE, " ").replace(FILLER, " ").replace(LINKING, " ").replace(/\s+/g, " ").trim();
    const topic = joined.replace(/^(?:\u0000\s*)+|(?:\s*\u0000)+$/g, "").replace(/\u0000(?:\s*\u0000)*/g, "and").trim();
    if (!constrained && topic && OF_THOSE.test(text)) return narrowOrCompare(topic, listed);
  }
  // "any from 2024?" narrows the last topic; "papers from last month" (naming papers) asks for a list of its own.
  if (parsed.listing && /\b(?:papers?|articles?|library)\b/.test(text)) return undefined;
  const topicless = parsed.topic === "" || parsed.topic === question || LEFTOVER.test(parsed.topic.replace(REFERENCE, " "));
  // "any from 2023?" after "concept bottleneck models": "concept bottleneck models from 2023", not "… models any from 2023".
  // After "papers like X" the topic is X's title, which a search would take for X itself: keep to the list instead.
  if (constrained && topicless && previous.source?.example && listed.length > 0) return { kind: "filter", filters: parsed.filters, papers: listed };
  if (constrained && topicless) {
    const constraint = question.replace(NOT_CONSTRAINT, " ").replace(/\s+/g, " ").trim();
    return { kind: "refine", question: `${previous.topic} ${constraint}` };
  }
  return undefined;
}

/**
 * A correction of the last message: a narrowing ("which ones are about LLMs?" → "no, I meant the multimodal ones")
 * narrows the same list by the corrected topic; anything else is resolved as the thread stood before that message, or
 * asked afresh ("continual learning" → "sorry, I meant lifelong learning").
 */
function corrected(correction: string, previous: Turn, today: Date, turns: Turn[]): FollowUp {
  const before = turns.slice(0, Math.max(0, turns.indexOf(previous)));
  const replaced = before.length > 0 ? resolveFollowUp(previous.question, before.at(-1), today, before) : undefined;
  if (replaced?.kind === "narrow") return { ...replaced, topic: correctedTopic(correction) };
  // ("which of those are from 2024?" → "no, I meant 2023": the same list, from 2023.)
  const said = replaced?.kind === "filter" && !/^(?:from|in|since|before|after|until|with)\b/i.test(correction) ? `from ${correction}` : correction;
  const again = replaced?.kind === "filter" ? `which of those are ${said}` : correction;
  return (before.length > 0 ? resolveFollowUp(again, before.at(-1), today, before) : undefined) ?? { kind: "refine", question: correction };
}
