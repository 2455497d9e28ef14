import { normalizeTitle } from "../papers/paper.ts";
import { compact, plusPlus } from "./names.ts";
import { searchStem } from "./stem.ts";

/** A lookup request with the chat framing taken off. */
export type LookupQuery = {
  /** The whole request, normalised: an exact title matches it. */
  raw: string;
  /** What names the paper: "HNSW" in "the original HNSW paper". */
  core: string;
  words: string[];
  stems: string[];
  /** Words that describe the paper rather than name it: "FLUTE (the lookup-table quantized matmul kernel)". */
  described: string[];
  /** Framed as "the paper that …" / "a paper about …": maybe a description, not a name. */
  about: boolean;
  /** Has a word written like a name (capitals inside, digits, "++", a dot): "FastGen", "S2", "bitnet.cpp". */
  nameLike: boolean;
  /** Those words, as written. */
  names: string[];
  /** Words the query writes as names of their own ("llava" and "uhd" of "LLaVA-UHD"), lower case. */
  nameWords: Set<string>;
};

/**
 * Words that carry no identity of their own. A query word from this list
 * that the title lacks neither supports nor refutes a candidate.
 */
const FUNCTION_WORDS = new Set(
  ("a an and are as at be by can do does for from has have how in into is it its of on or the their this to via vs " +
    "we what when where which who why will with without you your all our using based whether if no not").split(" "),
);

/** The words around a quoted name that only ask for it ("do you have the paper titled something like '…'"). */
const QUOTE_FRAMING = new Set(
  ("paper papers article preprint titled title entitled called named something anything like look up find me show get got " +
    "please could would i im am looking search pull open fetch there any one").split(" "),
);

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word);
}

const QUOTES = `"'“”‘’\``;
const REQUEST = /^(?:(?:please|hey|hi)[\s,]+)?(?:(?:can|could|would) you\s+)?(?:please\s+)?(?:look\s*up|find(?: me)?|show(?: me)?|get(?: me)?|open|pull up|fetch|search(?: for)?|i(?:'m| am) looking for|looking for|do you have|is there|have you got|what about|which is)\s+/i;
const ADJECTIVES = /^(?:(?:the|a|an|that)\s+(?:(?:original|famous|seminal|classic|well[- ]known|first|so[- ]called|recent|latest|new|old|one|same)\s+)+|(?:original|famous|seminal|classic|well[- ]known|so[- ]called)\s+)/i;
const PAPER = "(?:paper|article|preprint|publication|report|work|study|thing)";
const TITLED = new RegExp(`^(?:the|a|an|that)?\\s*${PAPER}\\s+(?:called|named|titled|entitled|with the title|introducing|proposing|presenting|on|that introduced|that proposed)\\s+`, "i");
/** What a description may call the paper's subject: "the method that converts GQA checkpoints into MLA". */
const THING = "(?:method|approach|technique|framework|system|dataset|benchmark|model|algorithm|library|tool)";
const ABOUT = new RegExp(`^(?:the|a|an|that|some|any)?\\s*(?:${PAPER}|${THING}|one)s?\\s+(?:(?:about|that|which|where|in which|showing|describing|explaining|discussing|studying|on how|on)\\s+|(?=[a-z]+ing\\s))`, "i");
/** "the dynamic convolutions paper that says …", "that MLP paper arguing for …": a name, then what the paper says. */
const NAMED_ABOUT = new RegExp(`^(.{2,}?)\\s+(?:${PAPER}|one)\\s+(?:(?:about|that|which|where|in which|showing|on|with)\\s+|(?=[a-z]+ing\\s))(.+)$`, "i");
/** How a description says what the paper does ("that says …", "showing that …"): no word of its content. */
const SAYING_WORDS = "says|said|shows|showed|argues|argued|claims|claimed|finds|found|proves|proved|proposes|proposed|introduces|introduced|presents|presented|describes|described";
const SAYING = new RegExp(`^(?:(?:${SAYING_WORDS})\\s+)+(?:that\\s+)?`, "i");

const SAYING_SET = new Set(SAYING_WORDS.split("|"));

export function isSayingWord(word: string): boolean {
  return SAYING_SET.has(word);
}
/** "which paper introduced X", "what work first proposed X": the paper that introduced X, asked as a question. */
const WHICH_INTRODUCED = new RegExp(`^(?:which|what)\\s+${PAPER}\\s+(?:first\\s+)?(?:introduced|proposed|presented|described|released)\\s+`, "i");
const SOMETHING_LIKE = /^(?:(?:the|a)\s+(?:paper|one)\s+)?(?:titled\s+|called\s+)?(?:something|anything)\s+like\s+/i;

/** "the HNSW paper", "look up 'PyramidKV'", "paper called X", "the X paper from Google" → the name itself. */
export function stripFraming(query: string): string {
  return frame(query).core;
}

function frame(query: string): { core: string; described: string; about: boolean } {
  let text = query.trim().replace(/[?!.]+$/, "").trim();
  const quoted = text.match(new RegExp(`(?:^|\\s)[${QUOTES}]([^${QUOTES}]{2,})[${QUOTES}](?=$|[\\s,.;:?!)])`));
  let described = "";
  // A quoted span inside framing is what the asker copied ("something like '…'", "look up "…""); inside a
  // description ("that paper proposing a 'rail-only' network for …") it is one of the description's words.
  if (quoted && quoted[1]!.trim() !== text.replace(new RegExp(`[${QUOTES}]`, "g"), "").trim()) {
    const outside = wordsOf(text.replace(quoted[0], " ")).filter((word) => !isFunctionWord(word) && !QUOTE_FRAMING.has(word));
    text = outside.length === 0 ? quoted[1]! : text.replace(new RegExp(`[${QUOTES}]`, "g"), "");
  }
  // "jacot et al neural tangent kernel …": who wrote it, leading the name.
  text = text.replace(/^(?:by\s+)?\p{L}[\p{L}'-]+\s+et\s+al\.?,?\s+(?=\S)/iu, "");
  // "(Jacot et al.)", "(Vaswani et al., 2017)": who wrote it, which the title index cannot check.
  text = text
    .replace(/\s*\(\s*(?:by\s+)?\p{Lu}[\p{L}'-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+\p{Lu}[\p{L}'-]+)?,?\s*(?:\d{4})?\s*\)/gu, " ")
    // "(jacot et al)" typed in lower case: "et al" says it is who wrote it.
    .replace(/\s*\(\s*(?:by\s+)?[\p{L}'-]+\s+et\s+al\.?,?\s*(?:\d{4})?\s*\)/giu, " ")
    .trim();
  text = text.replace(new RegExp(`^[${QUOTES}]+|[${QUOTES}]+$`, "g"), "").trim();
  let about = false;
  for (let pass = 0; pass < 3; pass++) {
    const before = text;
    text = text.replace(REQUEST, "").replace(SOMETHING_LIKE, "").replace(WHICH_INTRODUCED, "");
    if (ABOUT.test(text)) {
      about = true;
      text = text.replace(ABOUT, "");
    }
    text = text
      .replace(TITLED, "")
      .replace(ADJECTIVES, "")
      .replace(/^(?:the|a|an)\s+(?=\S+\s+(?:paper|article|preprint)\b)/i, "")
      // "the faiss one", "that pyramid one": a name and "one" for "paper".
      .replace(/^(?:the|that|this)\s+(\S+(?:\s+\S+){0,3})\s+one$/i, "$1")
      // "HGRN, the original one not HGRN2", "HGRN, not HGRN2": which version is said after the name, and rules the other out.
      .replace(/\s*,\s*(?:(?:the\s+)?(?:original|first|older|earlier|old)\s+(?:one|paper|version)\b\s*[,;]?\s*)?(?:(?:not|rather than|instead of)\s+\S+(?:\s+\S+)?)?$/i, "")
      // "the X paper from Google", "X paper by Dao et al." → X
      .replace(new RegExp(`\\s+${PAPER}\\s+(?:from|by|of|at|in)\\s+.+$`, "i"), "")
      .replace(/\s+(?:by\s+)?[A-Z][\p{L}-]+\s+et\s+al\b.*$/u, "")
      // A whole word only: "Network" does not end in the framing word "work".
      .replace(new RegExp(`(?:\\s*[,(]\\s*|\\s+)${PAPER}\\s*\\)?$`, "i"), "")
      .replace(new RegExp(`^${PAPER}\\s*:\\s*`, "i"), "")
      .replace(new RegExp(`^[${QUOTES}]+|[${QUOTES}]+$`, "g"), "")
      .trim();
    if (text === before) break;
  }
  const named = NAMED_ABOUT.exec(text);
  if (named) {
    about = true;
    text = named[1]!.trim();
    described += ` ${named[2]!.replace(SAYING, "")}`;
  }
  // A trailing "(…)" or "— …" describes the paper: it may support a candidate, it does not name one.
  const trailing = text.match(/^(.{2,}?)\s*(?:\(([^()]*)\)|\s[-–—]\s+(.+))$/);
  if (trailing && !/^\s*\d{4}\s*$/.test(trailing[2] ?? "")) {
    text = trailing[1]!.trim();
    described += ` ${trailing[2] ?? trailing[3] ?? ""}`;
  } else if (trailing) text = trailing[1]!.trim();
  // What stood before the description is framed too: "original HNSW paper (navigable small world graphs)".
  if (trailing) text = text.replace(ADJECTIVES, "").replace(new RegExp(`\\s+${PAPER}$`, "i"), "").trim();
  // "the faiss one (billion-scale …)": "one" stood for "paper" once the description is off.
  if (trailing || /^(?:the|that|this)\s/i.test(text)) text = text.replace(/^(?:(?:the|that|this)\s+)?(\S+(?:\s+\S+){0,3})\s+one$/i, "$1");
  return { core: text.replace(/^(?:the|a|an|that|this)\s+/i, "").trim(), described, about };
}

export function parseQuery(query: string): LookupQuery {
  const { core, described, about } = frame(query);
  const words = wordsOf(core);
  const names = core.split(/\s+/).filter((word) => /[a-z0-9][A-Z]|[A-Z]{2}|\d|\+\+|\w\.\w/.test(word));
  return {
    raw: normalizeTitle(plusPlus(query.trim().replace(/[?!.]+$/, ""))),
    core,
    words,
    stems: words.map(stem),
    described: wordsOf(described).filter((word) => !isFunctionWord(word)),
    about,
    nameLike: names.length > 0,
    names,
    nameWords: new Set(core.split(/[^\p{L}\p{N}]+/u).filter((word) => /\p{Lu}.*\p{Lu}/u.test(word)).map((word) => word.toLowerCase())),
  };
}

export function wordsOf(text: string): string[] {
  return normalizeTitle(plusPlus(text)).split(" ").filter(Boolean);
}

export function stem(word: string): string {
  return /\d/.test(word) ? word : searchStem(word);
}

export { compact };
