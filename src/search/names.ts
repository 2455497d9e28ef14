import { normalizeTitle, type Paper } from "../papers/paper.ts";

/** What a paper can be called besides its title. */
export type PaperNames = {
  /** "PyramidKV" in "PyramidKV: Dynamic KV Cache Compression ...". */
  shortName?: string;
  /** Names the abstract gives the paper's own method ("This paper describes FLUTE", "FastGen can be deployed ..."). */
  own: string[];
  /** Every name-like word in the abstract, own names included. */
  mentioned: string[];
};

/** Name-like tokens: "FLUTE", "FastGen", "S2-Attention", "DN-CBM", "HNSW". */
const NAME = /\b[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\b/g;
const PROPOSAL = /\b(?:we (?:propose|present|introduce|develop|design|call|name|dub|term)|this (?:paper|work) (?:describes|presents|introduces|proposes)|(?:called|named|dubbed|termed|coined))\b/i;

/**
 * A paper's own names: short name before the title's colon; names defined
 * in parentheses in the sentence that proposes something ("(Hierarchical
 * NSW, HNSW)"); and names only this paper uses (`isUnique`) that it either
 * proposes or repeats. Names many papers use (LoRA, ResNet) are not its own.
 */
export function namesOf(paper: Pick<Paper, "title" | "abstract">, isUnique: (name: string) => boolean = () => true): PaperNames {
  const colon = paper.title.indexOf(":");
  const shortName = colon > 0 && colon <= 40 ? paper.title.slice(0, colon).trim() : undefined;
  const own = new Set<string>();
  const counts = new Map<string, number>();
  for (const sentence of paper.abstract.split(/(?<=[.!?])\s+/)) {
    const proposing = PROPOSAL.test(sentence);
    for (const match of sentence.matchAll(NAME)) {
      const name = match[0];
      if (!looksLikeName(name)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const defined = /[(,]\s*$/.test(sentence.slice(0, match.index)) && /^\s*\)/.test(sentence.slice(match.index + name.length));
      if (proposing && (defined || isUnique(name))) own.add(name);
    }
  }
  for (const [name, count] of counts) if (count >= 2 && isUnique(name)) own.add(name);
  return { ...(shortName && { shortName }), own: [...own], mentioned: [...counts.keys()] };
}

/** Two capitals, or a capital after a lower-case letter or digit: not an ordinary word. */
function looksLikeName(token: string): boolean {
  const capitals = token.replace(/[^A-Z]/g, "").length;
  return token.length >= 3 && (capitals >= 2 || /[a-z0-9][A-Z]/.test(token)) && !/^[A-Z][a-z]+$/.test(token);
}

/** The name-like words of a text, for counting how many papers use each. */
export function nameTokens(text: string): Set<string> {
  return new Set([...text.matchAll(NAME)].map((match) => match[0]).filter(looksLikeName));
}

/** Lowercase letters and digits only: "FlashAttention-2" and "flash attention 2" compare equal. */
export function compact(text: string): string {
  return normalizeTitle(text).replace(/ /g, "");
}
