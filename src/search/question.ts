import type { PaperFilters } from "../store/paper-store.ts";
import { words } from "../embed/tokens.ts";
import { withoutAsker } from "./asker.ts";
import { isQuestionStopword } from "./query-stopwords.ts";
import { ALTERNATIVES, questionTerms, topicParts, type TopicParts } from "./query-terms.ts";
import { extractDateRange } from "./time-phrases.ts";
import { isTitleLike } from "./title-like.ts";
import { asWritten } from "./as-written.ts";
import { baselineAsked } from "./baseline.ts";
import { orderAsked, type PaperOrder } from "./question-order.ts";
import { PRAISED, paperAsked, presenceAsked, presenceSubject, withoutDoesReport, type PaperDetail } from "./paper-asked.ts";
import { OPENER, withoutFrame } from "./question-frame.ts";

/** A question, parsed once; every stage of search reads this. */
export type ParsedQuestion = {
  /** The question as asked. */
  text: string;
  /** What the question is about, with the chat framing and constraints removed. */
  topic: string;
  /** The topic in the question's own capitals ("MLA", "GPUs"), to say back to the asker. */
  shown: string;
  filters: PaperFilters;
  /** The topic's main words, asides and contrasts, and its weighted search terms. */
  parts: TopicParts;
  /** "anything similar to X?", "more like X", "papers building on X": the X, to be looked up. */
  similarTo?: string;
  /** No topic, only dates, upvotes or an order ("papers from last month", "the most upvoted papers"): list the library's papers in this order. */
  listing?: PaperOrder;
  /** A topic asked for in an order ("newest papers on diffusion"): the papers an answer cites, in this order. */
  order?: PaperOrder;
  /** "top 3 papers on X", "the 5 newest papers on X": how many papers the answer should give, when the question says. */
  count?: number;
  /** The message reads as a pasted paper title ("Attention Is All You Need"), to be looked up as one. */
  pastedTitle?: string;
  /** "the Performers paper", "what does the HNSW paper propose?": a paper asked for by name, to be looked up first. */
  paperName?: string;
  /** `paperName` is a lone lower-case word ("summarize distserve"): a name only if a paper goes by it. */
  nameGuessed?: true;
  /** The setting the topic is asked about ("speech recognition" in "KV cache compression for speech recognition"). */
  setting?: Setting;
  /** "papers like Swin but for convnets": the setting papers like the one named must be in. */
  likeIn?: Setting;
  /** "who wrote X?", "when was X published?": a detail of the paper X names, which the answer says (or says it lacks). */
  detail?: PaperDetail;
  /** "papers that outperform FlashAttention-2": the name the papers asked for are compared against, as written. */
  baseline?: string;
  /** "is FlashAttention-3 in the library?", "do you have the original transformer paper?": whether the paper `paperName` names is here. */
  asksPresence?: true;
  /** "federated learning: training one model across …": the few words that name the topic before what describes it. */
  heading?: string;
  /** "federated learning where hospitals …", "watermarking LLM outputs so …": the two or three words before a clause, which may name the topic or only begin describing it. */
  lead?: string;
};

/** A topic named in two or three words before a colon, dash or parenthesis that goes on to describe it (a comma lists more often: "producing richer, more detailed …"). */
const NAMED_FIRST = /^((?:[\p{L}\p{N}'-]+\s+){1,2}[\p{L}\p{N}'-]+)\s*(?::|\s[-–—]\s|\s?[–—]\s?|\()\s*\S/u;

/** The first two or three words of a topic that goes on with a clause ("where", "so", "across", …) or after a comma. */
const LEAD = /^((?:[\p{L}\p{N}'-]+\s+){1,2}[\p{L}\p{N}'-]+)\s*(?:\?|,|\s(?:where|so|across|without|that|which)\s)\s*\S/u;

/**
 * A title quoted inside a question: three words or more in quotes, in title case or said to be a paper's
 * ('the "attention is all you need" paper', 'a paper titled "…"'), not an example quoted ('like "upbeat jazz with piano"').
 */
function quotedTitle(text: string): string | undefined {
  const quoted = /["“]([^"”]+)["”]/.exec(text);
  if (!quoted || words(quoted[1]!).length < 3) return undefined;
  const before = text.slice(0, quoted.index);
  return isTitleLike(quoted[1]!) || /\b(?:paper|titled|called|named)\b/i.test(before) || /^\s*paper\b/i.test(text.slice(quoted.index + quoted[0].length)) ? quoted[1]!.trim() : undefined;
}

export type { PaperDetail } from "./paper-asked.ts";
export type { PaperOrder } from "./question-order.ts";

/**
 * `text` and `words`: the setting's content words; `alternatives`: the same in the groups the question offers as
 * alternatives ("mobile devices or hardware accelerators"); `head`: the topic before it ("KV cache compression"),
 * and `headTerms` its stems.
 */
export type Setting = { text: string; words: string[]; alternatives: string[][]; head: string; headTerms: string[] };

/** What may be left of a question with no topic once its order is out (orderAsked): "top", "popular" stay in a topic ("top-down"), not alone. */
const LISTING_WORDS = /\b(?:top|popular|best[- ]rated|all|every|whole|entire|list|the|of|in|library|ones?|which|what|is|are|was|were|been|there|have|has|we|you|got|overall|ever|show me|give me)\b|what's/g;

/** "is X better than Y", "which is better, X or Y": a comparison asked, not a description. */
const ASKS_WHICH_IS_BETTER = /^\s*(?:is|are|was|were|does|do|did|which|whether)\b/i;

/** Ways of asking for papers like a known one; what follows is the paper's name. */
const SIMILAR = /\b(?:(?:similar|comparable)(?: (?:work|papers?|research|stuff|ones?|things?))? to|(?:more|papers|work|anything|something|stuff) like|(?:else|others?|other (?:papers?|work|ones|stuff))(?: (?:is|are))?(?: (?:there|out there|in here|here|in the library))? like|what(?:'s| is| are) like|build(?:s|ing)? (?:on|upon)|extend(?:s|ing)?|related (?:work|papers?|research) (?:to|for)|in the (?:vein|spirit) of|along the lines of|follow[- ]ups? (?:to|of|on))\s+(.+)$/;
/** "swin transformer but for convnets": the paper, then the setting its likes are asked in. */
const LIKE_BUT = /^(.+?),?\s+but\s+(?:only\s+)?((?:for|in|on|with|using|applied to)\s+.+)$/i;
/** "…, not the vision ones like Swin": an example of what is ruled out, not a paper to find others like. */
const RULED_OUT_BEFORE = /\b(?:not|rather than|instead of|other than|except|excluding|unlike)\b[^,;.()]*$/;

const UPVOTES = /\b(?:with )?(?:at least |more than |over |>=?\s*)?(\d+)\s*\+?\s*(?:or more )?(?:up ?votes?|likes)\b/;

/** "the transformer-xl one", asked on its own: the paper so named ("the second one", "the same one" name none). */
const THE_X_ONE = /^(the\s+(?!(?:first|second|third|last|next|other|same|new|newest|latest|oldest|previous|right|wrong|best|only)\b)(?:[\p{L}\p{N}+.'-]+\s+){0,3}[\p{L}\p{N}+.'-]+)\s+one(\s*[?!.]*)$/iu;

/** "the Keyformer paper - what does it do?", "the OneRec paper - what's it about": a name, then a question about "it", which is the name. */
const NAMED_THEN_IT = /^(?!(?:ok|okay|so|and|hmm+|well|yes|yeah|no|thanks|right|sure|cool|nice|great)\s*(?:[-–—:,]|$))([^?]{2,60}?)\s*(?:\s[-–—]|:|,)\s+((?:what|how|why)(?:(?:'s|s)\s+|\s+(?:does|did|do|is|was)\s+))it\b(.*)$/iu;

/** Chat shorthand, which carries no topic wherever it stands. */
const CHATTER = /(?<![\p{L}\p{N}-])(?:lol|lmao|ngl|tbh|rn|asap|imo|imho|lmk|fwiw|idk|iirc|afaik|btw|tho)(?![\p{L}\p{N}-])[,!]?/gu;

/** "the original pointnet paper": which paper of a name is meant, not a word of its name or topic. */
const ORIGINAL = /\bthe\s+(?:original|first|seminal|famous|classic|initial)\s+(?=[\p{L}\p{N}+.'-]+(?:\s+[\p{L}\p{N}+.'-]+){0,3}\s+paper\b)/iu;

export function parseQuestion(question: string, today: Date): ParsedQuestion {
  const text = question.trim().replace(THE_X_ONE, "$1 paper$2").replace(NAMED_THEN_IT, "$2$1$3").replace(ORIGINAL, "the ");
  let rest = withoutEmphasis(withoutCitations(text.toLowerCase())).replace(/[?!.]+\s*$/, "").replace(/[“”]/g, '"').replace(/[‘’]/g, "'").trim();
  const filters: PaperFilters = {};

  const votes = UPVOTES.exec(rest);
  if (votes) {
    const strict = /more than|over|>(?!=)/.test(votes[0]);
    filters.minUpvotes = Number(votes[1]) + (strict ? 1 : 0);
    rest = rest.replace(votes[0], " ");
  }
  const dated = extractDateRange(rest, today);
  Object.assign(filters, dated.range);
  // "the 5 newest papers on X", "top 3 papers on X", "list all the papers on X": the order and number, then the rest.
  const { order: asked, count, rest: unordered } = orderAsked(dated.rest);
  // "papers from before 2020": the date is out, and the word that led to it goes too ("pack more servers in" keeps its "in");
  // so do the words that led to the word ("llm serving systems which are from 2025").
  rest = unordered === rest.replace(/\s+/g, " ").trim() ? unordered : unordered.replace(/(?:\s+(?:from|published|released|since|in|during|came out|come out|(?:which|that)(?:\s+(?:are|is|were|was))?))+$/, "");

  const present = presenceAsked(rest, text);
  // "is pruning in the library?": the topic, not "is pruning".
  rest = present?.toLowerCase() ?? presenceSubject(rest) ?? rest;
  // "kv cache compression, no VAR stuff", "but no diffusion papers": papers of a kind left out, not "without VAR" as a
  // method's property ("…, no markers or green screen"), which the papers on it write.
  rest = rest.replace(/([,;–—]|\s-|\bbut)\s+no\s+([^,;.()]+?)\s+(?:stuff|papers?|ones|works?)\b/g, "$1 not for $2");
  // "ngl i need papers on X rn", "anything on swin transformers lol": chat shorthand around the question is no part of it.
  rest = rest.replace(CHATTER, " ").replace(/\s+/g, " ").trim();
  // A closing "instead" is how a short follow-up is put ("anything for gaussian splatting instead?"), not its topic.
  const closing = words(text).length <= 8 ? /\s+(?:at all|pls|please|then|stuff|instead)$/ : /\s+(?:at all|pls|please|then|stuff)$/;
  const framed = (text: string) => withoutFrame(withoutDoesReport(text.replace(OPENER, ""))).replace(closing, "");
  const unasked = withoutAsker(framed(withoutAsker(rest)));
  // "kv cache compression here - anything?": a lead-in that leaves nothing to search was the topic.
  rest = unasked.trim() ? unasked : framed(rest);
  // "are there papers about pruning in the library?": where the asker looks is not the topic.
  rest = rest.replace(/\s+(?:in (?:the|our|your|this) (?:whole |entire )?library|in here)$/, "").replace(/^(.+?)\s+(?:are there|do you have|do we have|have you got)$/, "$1");
  // "nas papers pls": asking nicely is not the topic.
  rest = rest.replace(/\s*\b(?:pls|plz|please|thx)\b/g, "").trim();
  // "pruning more generally", "for llms specifically": how widely to look, not what ("generally" stems as "generation" does).
  rest = rest.replace(/^(.+?)\s+(?:more |very )?(?:generally|specifically|particularly|in general|in particular|broadly(?: speaking)?)$/, "$1");
  // "X - what's out there?", "X, any papers?", "X? any theory on that": a last clause that is all frame, or asks
  // for work "on that", is not the topic.
  // ("… reaches human trials. anything like that in here": a sentence of its own asking for work like what came before.)
  const tail = /(?:\s*[-–—,;:?]|\.\s)\s*([^-–—,;:?.]*)$/.exec(rest);
  const framing = (clause: string) =>
    withoutFrame(clause).replace(LISTING_WORDS, " ").trim() === "" ||
    /^(?:any|anything|something|some|more)\b.*\b(?:on|about|for|like) (?:that|this|it)(?: in here| here| in the library)?$/.test(clause.trim()) ||
    // "…, anything for me?": for whom, not on what.
    /^(?:any|anything|something|some|papers?)(?: (?:useful|relevant|good))? (?:for|to) (?:me|us|my \w+|our \w+)$/.test(clause.trim());
  if (tail && tail.index > 0 && framing(tail[1]!)) rest = rest.slice(0, tail.index);
  // "hyperbolic embeddings, and are there any on protein folding": a later clause asks in its own frame.
  rest = rest.replace(/([,;?]\s+(?:and|also|plus)\s+)((?:are there|is there|any|anything|what about)\b[^,;?]*)/g, (all, separator: string, clause: string) => {
    const asked = withoutFrame(clause.replace(/^what about\b/, ""));
    return asked ? `${separator}${asked}` : all;
  });
  // "what is X about?", "what does X do?": the question's tail, not its topic ("… to decide what to do" keeps it).
  if (/^\s*what\b/i.test(text)) rest = rest.replace(/\s+(?:about|do|does)$/, "");
  // "why grokking happens", "how attention works": the verb is the asking, the thing before it the topic.
  if (/\b(?:why|how)\b/i.test(text)) rest = rest.replace(/(\S)\s+(?:happens?|works?|occurs?)$/, "$1");
  // Comparisons keep what is compared: "how does X differ from Y" → "X Y". What is said back to the
  // asker keeps their "or", "vs", "new" and "recent" ("teaching a network new tasks"); the search needs none of them.
  const said = rest
    .replace(/\b(?:papers?|articles?|refs|references)(?:'s)?(?=\W|$)|\b(?:published|released|came out|come out|appeared)\b/g, " ")
    .replace(/\b(?:differ(?:s)? from|different from)\b/g, " and ")
    // "is X better than Y?" compares two things; "… representative points better than iid sampling" describes one.
    .replace(/\bbetter than\b/g, ASKS_WHICH_IS_BETTER.test(text) ? " and " : "$&")
    .replace(/\b(?:compare|comparing|comparison of|difference between|differences between)\b/g, " ")
    .replace(/\s+/g, " ")
    // "the faiss paper, billion scale …" is "faiss, billion scale …", not "faiss , billion …".
    .replace(/ ([,;:])/g, "$1")
    .trim()
    .replace(/^(?:or|and)\s+/, "");
  rest = said.replace(/\b(?:any|recent|recently|new|versus|vs\.?)(?=\s|$)/g, " ").replace(/\s+/g, " ").trim();
  const request = text.replace(/[?!.]+\s*$/, "");
  const matched = SIMILAR.exec(request.toLowerCase());
  // "…; anything like that in here?" is like what the question described, not like a paper called "that".
  const likeWhatCameBefore = matched && /^(?:that|this|it|those|these)(?:\s+(?:in here|here|in the library))?$/.test(matched[1]!.trim()) && matched.index > 0;
  const similar = matched && !likeWhatCameBefore && !RULED_OUT_BEFORE.test(request.toLowerCase().slice(0, matched.index)) ? matched : null;
  // The name as written: its capitals tell a name ("PyramidKV") and an author ("Jacot et al.") apart.
  const named = similar && request.length === request.toLowerCase().length ? request.slice(request.length - similar[1]!.length) : similar?.[1];
  // "stuff like swin transformer but for convnets": papers like Swin, in that setting.
  const likeBut = named ? LIKE_BUT.exec(named) : null;
  const likeIn = likeBut ? settingOf(`${likeBut[1]} ${likeBut[2]}`) : undefined;
  const similarTo = (likeIn ? likeBut![1] : named)
    ?.replace(/^(?:the|a|an)\s+/i, "")
    .replace(/[\s,]+(?:pls|please|plz|thanks|thx|ty)$/i, "")
    .replace(/\s+(?:in here|here|in the library|in our library|(?:that )?we have|(?:that )?you have)$/i, "")
    .replace(/\s+(?:paper|article|work)$/i, "")
    .trim();
  if (!similarTo && rest.replace(LISTING_WORDS, " ").trim() === "") {
    // "the best papers in the library": upvotes are the only merit the library records.
    const praised = filters.minUpvotes !== undefined || new RegExp(String.raw`\b(?:${PRAISED})\b`).test(text.toLowerCase());
    return { text: question, topic: "", shown: "", filters, parts: topicParts(""), listing: asked ?? (praised ? "upvotes" : "newest"), ...(count && count > 0 && { count }) };
  }
  const topic = rest || text;
  const pastedTitle = similarTo ? undefined : isTitleLike(text) ? text.trim() : quotedTitle(text);
  const setting = settingOf(topic);
  const paperAsk = similarTo ? {} : paperAsked(text, rest, present);
  // "jacot et al neural tangent kernel": a paper cited by its authors is that paper, named by what follows.
  const { detail, nameGuessed } = paperAsk;
  const paperName = paperAsk.paperName ?? (!similarTo && /\bet\s+al\b/i.test(text) && words(topic).length <= 6 ? topic : undefined);
  const baseline = similarTo || present ? undefined : baselineAsked(text);
  const heading = similarTo ? undefined : NAMED_FIRST.exec(topic)?.[1];
  const lead = similarTo ? undefined : LEAD.exec(topic)?.[1];
  return {
    text: question,
    topic,
    shown: asWritten(rest ? said : text, text),
    filters,
    parts: topicParts(topic),
    ...(similarTo && { similarTo }),
    ...(likeIn && { likeIn }),
    ...(asked && { order: asked }),
    ...(count && count > 0 && { count }),
    ...(pastedTitle && { pastedTitle }),
    ...(paperName && { paperName }),
    ...(nameGuessed && { nameGuessed }),
    ...(setting && { setting }),
    ...(detail && { detail }),
    ...(present && !similarTo && { asksPresence: true as const }),
    ...(baseline && { baseline }),
    ...(heading && { heading }),
    ...(lead && { lead }),
  };
}

/**
 * The setting a topic is asked about, after a "for", "in", "on", "with" or
 * "applied to" that nothing but words follows ("speech recognition" in "KV
 * cache compression for speech recognition"); undefined without one.
 */
function settingOf(topic: string): Setting | undefined {
  const match = /\b(?:for|in|on|applied to|with)\s+([^,;()]+)$/.exec(topic);
  // "a benchmark for how good they are at it": a clause of its own says what is asked, not where.
  if (!match || match.index === 0 || /^(?:how|what|why|when|where|which|whether|who)\b/.test(match[1]!)) return undefined;
  // "…, not for LLM decoding": what is ruled out is no setting to hold; nor is a setting inside it ("… rather than
  // points in space").
  if (/\b(?:not|rather than|instead of|other than|except|excluding|as opposed to)\b[^,;:()]*$/.test(topic.slice(0, match.index))) return undefined;
  const contentOf = (text: string) => words(text).filter((word) => !isQuestionStopword(word) && !/\d/.test(word));
  // "attention kernels on GPUs excluding FlashAttention": the setting ends where what is ruled out begins.
  const said = match[1]!.split(/\b(?:excluding|except|rather than|instead of|other than|apart from|as opposed to|but|not)\b/)[0]!;
  const content = contentOf(said);
  const alternatives = said.split(ALTERNATIVES).map(contentOf).filter((group) => group.length > 0);
  const head = topic.slice(0, match.index).trim();
  return content.length > 0 ? { text: content.join(" "), words: content, alternatives, head, headTerms: questionTerms(head) } : undefined;
}

/**
 * At most this many words, a question is chat, whose citation is how it was asked; a longer one may be a sentence
 * from a paper ("… inspired by string edit distance (Wagner and Fischer, 1974)", a CSFCube query), whose is not.
 */
const CHAT_WORDS = 12;
/** "(vaswani 2017)", "(he et al., 2016)": a citation by author and year, which the library does not record. */
const CITATION = /\s*\((?:[\p{L}'-]+(?:\s+(?:and|&)\s+[\p{L}'-]+)?(?:\s+et\s+al\.?)?,?\s+)?(?:19|20)\d\d[a-z]?\)/giu;

/** A chat question without its citations by author and year; a sentence from a paper keeps them (see CHAT_WORDS). */
function withoutCitations(text: string): string {
  return text.split(/\s+/).length > CHAT_WORDS ? text : text.replace(CITATION, " ");
}

/**
 * Chat markup for stress ("distributed *training*", "__not__ this") is how the words were said, not what they are;
 * so is a hedge tacked on a word ("diffusion-ish denoising").
 */
function withoutEmphasis(text: string): string {
  return text.replace(/(\p{L})-ish\b/gu, "$1").replace(/(^|[\s(])(\*{1,2}|_{1,2})([^\s*_](?:[^*_]*[^\s*_])?)\2(?=[\s).,;:!?]|$)/g, "$1$3");
}
