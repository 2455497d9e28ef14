import { escapeRegExp } from "../papers/text.ts";
import { normalizeTitle, type Paper } from "../papers/paper.ts";

/** What a paper can be called besides its title. */
export type PaperNames = {
  /** "PyramidKV" in "PyramidKV: Dynamic KV Cache Compression ...". */
  shortName?: string;
  /** Names the abstract gives the paper's own method ("This paper describes FLUTE", "we introduce bitnet.cpp"). */
  own: string[];
  /** Every name-like word in the abstract, own names included. */
  mentioned: string[];
};

/** Name-like tokens: "FLUTE", "FastGen", "S2-Attention", "DN-CBM", "HNSW", "bitnet.cpp", "PointNet++". */
const NAME = /(?<![\w.+-])[A-Za-z][A-Za-z0-9]*(?:(?:-|\.(?=[a-z]{2,4}\b))[A-Za-z0-9]+)*(?:\+\+)?/g;
const PROPOSAL =
  /\b(?:we (?:propose|present|introduce|develop|design|release|call|name|dub|term|explore)|our (?:approach|method|model|framework|system|technique|algorithm)|this (?:paper|work) (?:describes|presents|introduces|proposes)|(?:called|named|dubbed|termed|coined))\b/i;
/** The word right after a proposing verb, when a comma or a definition follows it, is the proposal's name even if it reads like a word ("We present Swivel, a method ..."). */
const PROPOSED = /\b(?:we (?:propose|present|introduce|develop|release)|(?:called|named|dubbed|termed))\s+([A-Za-z][\w.+-]*[\w+])(?=\s*[,(:;]|\s+(?:a|an|which|that)\b)/gi;

/**
 * A paper's own names: short name before the title's colon; names defined
 * in parentheses in the sentence that proposes something ("(Hierarchical
 * NSW, HNSW)", "Our approach, Language Guided Bottlenecks (LaBo)"); the name
 * a proposing verb introduces; and names only this paper uses (`isUnique`)
 * that it either proposes or repeats. Names many papers use (LoRA, ResNet)
 * are not its own.
 */
export function namesOf(paper: Pick<Paper, "title" | "abstract">, isUnique: (name: string) => boolean = () => true): PaperNames {
  const colon = paper.title.indexOf(":");
  const shortName = colon > 0 && colon <= 40 ? paper.title.slice(0, colon).trim() : undefined;
  const initials = normalizeTitle(paper.title).split(" ").map((word) => word[0]).join("");
  const spelledOut = (name: string) => compact(name).length >= 3 && initials.includes(compact(name).replace(/s$/, ""));
  const own = new Set<string>();
  const counts = new Map<string, number>();
  for (const sentence of paper.abstract.split(/(?<=[.!?])\s+(?=[A-Z(])/)) {
    const proposal = sentence.match(PROPOSAL);
    // "we compare our method with …, including H2O": what follows is a baseline, not the method proposed.
    const proposing = proposal !== null && !/\b(?:compar\w*|evaluat\w*\s+against|benchmark\w*\s+against)\b/i.test(sentence.slice(0, proposal.index));
    let firstAfterVerb = true;
    for (const match of sentence.matchAll(NAME)) {
      const name = match[0];
      if (!looksLikeName(name)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const defined = /[(,]\s*$/.test(sentence.slice(0, match.index)) && /^\s*\)/.test(sentence.slice(match.index + name.length));
      // What a proposing verb names is the first name after it, or one defined there: later ones are examples
      // ("we introduce TransMLA, which converts models (e.g., LLaMA, Qwen)"). A common acronym defined there
      // ("we use multi-layer perceptrons (MLPs)") is the paper's only if its title spells it out.
      const afterVerb = proposing && match.index >= proposal.index!;
      if (afterVerb && ((firstAfterVerb && isUnique(name)) || (defined && (isUnique(name) || spelledOut(name))))) own.add(name);
      if (afterVerb) firstAfterVerb = false;
    }
    for (const match of sentence.matchAll(PROPOSED)) {
      const name = match[1]!;
      // A plain word becomes a name only when the text never uses it in lower case.
      if (looksLikeName(name) || (/^[A-Z]/.test(name) && !new RegExp(`\\b${escapeRegExp(name.toLowerCase())}\\b`).test(paper.abstract))) own.add(name);
    }
  }
  for (const [name, count] of counts) if (count >= 2 && isUnique(name)) own.add(name);
  // "vIsion" in "Less attention vIsion Transformer (LIT)" marks an acronym's letter, it is not a name. A link
  // ("github.com/…/hlip") spells a name in lower case too: that says nothing.
  const prose = own.size > 0 ? paper.abstract.replace(/\b(?:https?:\/\/|www\.)\S+/g, " ") : "";
  // A name in capitals alone is not one of those: "We propose BASED" names the paper however often it says "based".
  for (const name of own) if (name !== name.toLowerCase() && !allCapitals(name) && new RegExp(`\\b${escapeRegExp(name.toLowerCase())}\\b`).test(prose)) own.delete(name);
  // "we introduce EigenPro 3.0": the version the abstract gives its own name is a name too, so asking for it is no other version.
  // (Found by position, not a pattern per name: ingest reads every abstract.)
  for (const name of [...own]) {
    for (let at = paper.abstract.indexOf(name); at >= 0; at = paper.abstract.indexOf(name, at + name.length)) {
      const version = VERSION_AFTER.exec(paper.abstract.slice(at + name.length, at + name.length + 12));
      if (version && !/[\w-]/.test(paper.abstract[at - 1] ?? "")) own.add(`${name} ${version[1]}`);
    }
  }
  return { ...(shortName && { shortName }), own: [...own], mentioned: [...counts.keys()] };
}

const MARKED = /[A-Z0-9.+]/;
/** A version after a name: " 3.0", " v2". */
const VERSION_AFTER = /^\s+(v?\d+(?:\.\d+)?)\b/;

/** Two capitals, a capital after a lower-case letter or digit, or a file-like "bitnet.cpp": not an ordinary word. */
function looksLikeName(token: string): boolean {
  // Nearly every token is an ordinary word, lower case after its first letter: settle those with one cheap test.
  if (token.length < 3 || !MARKED.test(token.slice(1))) return false;
  const capitals = token.replace(/[^A-Z]/g, "").length;
  return capitals >= 2 || /[a-z0-9][A-Z]/.test(token) || /\w{3,}\.[a-z]{2,4}$/.test(token) || /\w\+\+$/.test(token);
}

/** The name-like words of a text, for counting how many papers use each. */
export function nameTokens(text: string): Set<string> {
  return new Set([...text.matchAll(NAME)].map((match) => match[0]).filter(looksLikeName));
}

/** Lowercase letters and digits only: "FlashAttention-2" and "flash attention 2" compare equal; "++" stays a suffix of its own. */
export function compact(text: string): string {
  return normalizeTitle(plusPlus(text)).replace(/ /g, "");
}

/** "PointNet++" is not "PointNet": keep the suffix as letters before punctuation is dropped. */
export function plusPlus(text: string): string {
  return text.replace(/(\w)\s*\+\+/g, "$1pp");
}

/** "BASED", "FLUTE": a word of four letters or more written in capitals only. */
function allCapitals(name: string): boolean {
  return /^[A-Z]{4,}$/.test(name);
}
