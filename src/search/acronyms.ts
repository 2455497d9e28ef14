import { words } from "../embed/tokens.ts";
import { questionPairs, questionTerms } from "./query-terms.ts";
import type { QueryTerm } from "./text-index.ts";
import { isQuestionStopword } from "./query-stopwords.ts";
import { searchStem } from "./stem.ts";

/** An acronym and the long form the library's abstracts define it with. */
export type Acronym = { short: string; long: string; papers: number };

/** "(LFW)", "(3DGS)": a parenthesised token starting with a capital (after a digit); its long form is looked for in the words before it. */
const SHORT_FORM = /\((\p{N}?\p{Lu}[\p{L}\p{N}-]{0,9}?)s?\)/gu;
/** How far back a long form may start: eight words are plenty. */
const LOOK_BACK_CHARS = 120;

/** Counts the long forms each acronym is defined with, one abstract at a time. */
export class AcronymCounter {
  readonly #counts = new Map<string, Map<string, number>>();

  add(abstract: string): void {
    const seen = new Set<string>();
    for (const match of abstract.matchAll(SHORT_FORM)) {
      const short = match[1]!;
      const before = abstract.slice(Math.max(0, match.index - LOOK_BACK_CHARS), match.index).split(/[()[\]{}.;:,]/).at(-1)!;
      const long = longForm(short, before.split(/\s+/).slice(-8).join(" "));
      const key = short.toLowerCase();
      if (!long || seen.has(key)) continue;
      seen.add(key);
      const forms = this.#counts.get(key) ?? new Map<string, number>();
      forms.set(long, (forms.get(long) ?? 0) + 1);
      this.#counts.set(key, forms);
    }
  }

  /** Each acronym with each long form it is defined with ("ANN": artificial neural networks, approximate nearest neighbours), most common first. */
  acronyms(): Acronym[] {
    return [...this.#counts].flatMap(([short, forms]) => [...forms].sort((a, b) => b[1] - a[1]).map(([long, papers]) => ({ short, long, papers })));
  }
}

/**
 * Acronyms defined in the library's own abstracts ("Sparse Autoencoders
 * (SAEs)", "Multi-head Latent Attention (MLA)"), found with the
 * Schwartz–Hearst rule: the acronym's letters appear in order in the
 * words before it, its first letter starting the first of them. When
 * papers disagree on a long form, the most common one wins.
 */
export class AcronymIndex {
  /** Every long form of each acronym, most common first. */
  readonly #byShort = new Map<string, Acronym[]>();
  readonly #byLong = new Map<string, Acronym>();
  /** The acronyms of each long form: "cnn" and "convnet" both for convolutional neural networks. */
  readonly #shortsByLong = new Map<string, Set<string>>();

  constructor(abstracts: Iterable<string>) {
    const counter = new AcronymCounter();
    for (const abstract of abstracts) counter.add(abstract);
    for (const acronym of counter.acronyms()) this.#add(acronym);
  }

  /** The acronyms `toJSON` listed (or a counter found), e.g. read back from a cache file. */
  static fromJSON(acronyms: Acronym[]): AcronymIndex {
    const index = new AcronymIndex([]);
    for (const acronym of acronyms) index.#add(acronym);
    return index;
  }

  toJSON(): Acronym[] {
    return [...this.#byShort.values()].flat();
  }

  #add(acronym: Acronym): void {
    const forms = this.#byShort.get(acronym.short) ?? [];
    forms.push(acronym);
    forms.sort((a, b) => b.papers - a.papers);
    this.#byShort.set(acronym.short, forms);
    const key = questionTerms(acronym.long).join(" ");
    if (key && !this.#byLong.has(key)) this.#byLong.set(key, acronym);
    if (key) this.#shortsByLong.set(key, (this.#shortsByLong.get(key) ?? new Set()).add(acronym.short));
  }

  /** The other acronyms the library writes for this one's long form ("ConvNets": "cnn"); none when it has one. */
  others(short: string, usage?: (long: string) => number): string[] {
    const acronym = this.lookup(short, usage);
    if (!acronym) return [];
    return [...(this.#shortsByLong.get(questionTerms(acronym.long).join(" ")) ?? [])].filter((other) => other !== acronym.short);
  }

  get size(): number {
    return this.#byShort.size;
  }

  /**
   * The acronym's long form: of several ("ANN"), the one the library writes most (`usage`, the papers using its
   * words together), since that is the sense its papers are about; the one most abstracts define, failing that.
   */
  lookup(short: string, usage?: (long: string) => number): Acronym | undefined {
    const forms = this.#byShort.get(short.toLowerCase()) ?? (short.endsWith("s") ? this.#byShort.get(short.slice(0, -1).toLowerCase()) : undefined);
    if (!forms || forms.length === 1 || !usage) return forms?.[0];
    return forms.map((form) => ({ form, used: usage(form.long) })).reduce((best, next) => (next.used > best.used ? next : best)).form;
  }

  /**
   * Extra terms for a question that uses only one form: an acronym's long
   * form (its words and pairs; `usage` chooses among several, see lookup), or a long form's acronym, at `weight`.
   */
  expand(text: string, weight: number, usage?: (long: string) => number): QueryTerm[] {
    const extra: QueryTerm[] = [];
    const present = new Set(questionTerms(text));
    const tokens = words(text);
    for (const [at, word] of tokens.entries()) {
      // "we find that…" is not word embeddings (WE): a stopword is read as the word it is.
      const acronym = isQuestionStopword(word) ? undefined : this.lookup(word, usage);
      if (!acronym || tokens.indexOf(word) !== at) continue;
      const long = questionTerms(acronym.long);
      const longTerms = [...long, ...questionPairs(acronym.long)];
      if (longTerms.every((term) => present.has(term) || term.includes(" "))) continue;
      // Its neighbours pair with the long form as a title writes it: "diffusion LMs" is "Diffusion Language Models".
      const [before, after] = [tokens[at - 1], tokens[at + 1]].map((near) => (near && !isQuestionStopword(near) ? searchStem(near) : undefined));
      const joined = [...(before && long[0] ? [`${before} ${long[0]}`] : []), ...(after && long.length > 0 ? [`${long.at(-1)} ${after}`] : [])];
      for (const term of [...longTerms, ...joined]) extra.push({ term, weight });
    }
    const stems = questionTerms(text);
    for (let start = 0; start < stems.length; start++) {
      for (let end = start + 2; end <= Math.min(stems.length, start + 6); end++) {
        const acronym = this.#byLong.get(stems.slice(start, end).join(" "));
        if (acronym && !present.has(acronym.short)) extra.push({ term: acronym.short, weight });
      }
    }
    return extra;
  }
}

/** Whether `short` abbreviates the end of `text` ("SAE" of "sparse autoencoder"), by the rule mining uses. */
/** How many papers use a long form's words together, read as its first two words' phrase: what `lookup` weighs. */
export function phraseUsage(index: { documentFrequency(term: string): number }): (long: string) => number {
  return (long) => {
    const pair = questionPairs(long)[0];
    return pair ? index.documentFrequency(pair) : 0;
  };
}

export function abbreviates(short: string, text: string): boolean {
  return longForm(short, text) !== undefined;
}

/**
 * The shortest tail of `before` whose words hold the acronym's letters in
 * order, the first letter starting the first word; undefined when none does.
 */
function longForm(short: string, before: string): string | undefined {
  const letters = short.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (letters.length < 2) return undefined;
  const tokens = before.trim().split(/[\s]+/).filter(Boolean);
  for (let take = 1; take <= Math.min(tokens.length, letters.length + 2); take++) {
    const candidate = tokens.slice(-take).join(" ");
    if (candidate.toLowerCase()[0] === letters[0] && inOrder(letters, candidate.toLowerCase())) {
      // Every letter must find a place, and the form must not be padded with more words than letters.
      if (take <= letters.length + 1) return candidate.replace(/[-\s]+$/, "");
    }
  }
  return undefined;
}

function inOrder(letters: string, text: string): boolean {
  let position = 0;
  for (const letter of letters) {
    position = text.indexOf(letter, position);
    if (position < 0) return false;
    position++;
  }
  return true;
}
