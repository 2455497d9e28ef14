import type { Entry } from "./lookup-index.ts";
import { isFunctionWord, isSayingWord, stem, type LookupQuery } from "./lookup-query.ts";
import { similarWord, unversioned } from "./lookup-words.ts";
import { SETTINGS } from "./settings.ts";

const S = SETTINGS.lookup;

/** How the query's words line up with one paper's title, names and abstract. */
type Alignment = {
  /** Title words the query accounts for. */
  covered: boolean[];
  /** The best name of the paper the query contains (0: none). */
  name: number;
  /** Content words of the query found in the title. */
  inTitle: number;
  typos: number;
  /** Query words found only in the abstract: they describe the paper without naming it. */
  viaAbstract: number;
  /** Query words found nowhere in the paper. */
  unsupported: number;
  /** Of those, words the query writes as names ("LLaVA" of "LLaVA-UHD"): another paper's name, not a description. */
  unsupportedNames: number;
  /** A number the paper does not have: another version ("FlashAttention-3", "GPT-4"). */
  otherVersion: boolean;
  /** …of this paper's own name ("MobileNetV3" for MobileNetV2, "FlashAttention-3" for the FlashAttention-2 paper). */
  versionOfName: boolean;
};

/**
 * How surely the query names this paper, 0 to 1. Exact title 1; the paper's
 * own name with the other words borne out by its title or abstract ~0.95;
 * title words only, higher the more of the title they cover ~0.84-0.96. A
 * number the paper lacks, or a word found nowhere in it, rules it out.
 */
export function matchScore(query: LookupQuery, entry: Entry): MatchScore {
  const none = { fragment: false, complete: false, topical: 0, lead: 0 };
  if (query.raw === entry.normalized) return { ...none, score: 1 };
  // A title that repeats a word ("… lottery ticket! Making a lottery ticket claim its ownership") is aligned
  // with each occurrence preferred in turn: a fragment from its end should line up there.
  const content = entry.stems.filter((_stem, j) => !isFunctionWord(entry.words[j]!));
  const repeats = new Set(content).size < content.length;
  const first = scoreOf(query, entry, align(query, entry, false));
  return repeats ? [first, scoreOf(query, entry, align(query, entry, true))].reduce((best, other) => (other.score > best.score ? other : best)) : first;
}

function scoreOf(query: LookupQuery, entry: Entry, a: Alignment): MatchScore {
  const lead = a.covered.indexOf(true);
  const none = { fragment: false, complete: false, topical: 0, lead };
  // Another version of the named paper is no match, but the closest thing the library has to it.
  if (a.otherVersion) return { ...none, score: Math.min(S.refuted, a.name || S.refuted) + (a.name > 0 || a.versionOfName ? S.otherVersionBonus : 0) };
  const named = a.name > 0 ? Math.min(a.name - S.abstractWordWithName * a.viaAbstract - S.unsupportedWithName * a.unsupported - S.typoPenalty * a.typos, a.unsupportedNames > 0 ? S.refuted : 1) : 0;
  const fragment = a.inTitle > 0 ? fragmentScore(entry, a) : { score: 0, topical: 0 };
  const penalty = query.described.length > 0 ? S.descriptionMismatch * (1 - supportedShare(query.described, entry)) : 0;
  const score = Math.max(named, Math.min(fragment.score, topicCap(query, entry, a))) - penalty;
  return {
    score: Math.max(0, score),
    fragment: fragment.score > named,
    complete: a.inTitle > 0 && a.name === 0 && a.viaAbstract === 0 && a.unsupported === 0,
    topical: fragment.score - penalty,
    lead,
  };
}

/**
 * `fragment`: the score rests on title words alone, not on a name of the paper.
 * `complete`: every word of the query is in the title. `topical`: the
 * fragment's score before the caps for phrases that read as topics, for
 * judging whether several titles hold the phrase alike. `lead`: where in the
 * title the query's words begin (-1: nowhere), so that among equals a title
 * that opens with them ("pyramid": PyramidKV) is offered first.
 */
export type MatchScore = { score: number; fragment: boolean; complete: boolean; topical: number; lead: number };

function fragmentScore(entry: Entry, a: Alignment): { score: number; topical: number } {
  const total = entry.weight.reduce((sum, weight) => sum + weight, 0);
  const coverage = entry.weight.reduce((sum, weight, i) => sum + (a.covered[i] ? weight : 0), 0) / total;
  // A word the title lacks makes a title-like query another paper's title, whatever the abstract says,
  // unless the query is the title's first word or two and words its abstract holds ("Matryoshka
  // embeddings" for "Matryoshka Representation Learning"): that is the paper's name with a description.
  // (The title's opening words, that is: "deep residual learning" is not "Learning … Pseudo-3D Residual Networks".)
  const opening = a.covered.indexOf(false) < 0 || !a.covered.slice(a.covered.indexOf(false)).includes(true);
  if (a.unsupported === 0 && a.viaAbstract > 0 && a.covered[0] && opening && a.inTitle <= 2) return { score: S.fragmentBase - S.abstractWordWithName * a.viaAbstract - S.typoPenalty * a.typos, topical: 0 };
  if (a.unsupported > 0 || a.viaAbstract > 0) return { score: S.refuted * coverage, topical: 0 };
  const score = S.fragmentBase + S.fragmentCoverage * coverage - S.typoPenalty * a.typos;
  return { score, topical: score };
}

/** The most a title-words match may score when the words read as a topic rather than this paper. */
function topicCap(query: LookupQuery, entry: Entry, a: Alignment): number {
  const first = a.covered.indexOf(true);
  // A lone word names a paper only as its title's first word ("Matryoshka"); elsewhere it is a topic.
  if (a.inTitle === 1 && first !== 0 && a.covered.some((covered) => !covered)) return S.weakFragment;
  // A phrase whose title continues the noun phrase before it ("Attention Is All You Need" in "Multi-head Latent
  // Attention Is All You Need") names something more specific: that is another paper with a similar title.
  // A name followed by a number the query leaves out is that version of it: "FlashAttention" is not "FlashAttention-2".
  const version = (j: number) => a.covered[j] && j + 1 < entry.words.length && !a.covered[j + 1] && /^v?\d+$/.test(entry.words[j + 1]!) && entry.segment[j + 1] === entry.segment[j];
  if (entry.words.some((_, j) => version(j))) return S.weakFragment;
  const head = first - 1;
  // A query written like a name ("bitnet b1.58 cpu inference") names the paper wherever its title says it. Two words
  // written as a title ("Segment Anything") are a title too: inside "Faster Segment Anything to Everything" they are
  // another paper's name.
  const titleCased = query.words.length === 2 && (query.core.match(/[\p{L}\p{N}]+/gu) ?? []).every((word) => /^\p{Lu}\p{Ll}/u.test(word));
  const titleLike = (query.words.length >= 3 || titleCased) && !query.nameLike;
  if (titleLike && head >= 0 && entry.segment[head] === entry.segment[first] && !isFunctionWord(entry.words[head]!) && !a.covered[head]) return S.weakFragment;
  return 1;
}

/** `lastFirst`: of equally good title words, take the last rather than the first. */
function align(query: LookupQuery, entry: Entry, lastFirst: boolean): Alignment {
  const { words, stems } = query;
  const a: Alignment = { covered: entry.words.map(() => false), name: 0, inTitle: 0, typos: 0, viaAbstract: 0, unsupported: 0, unsupportedNames: 0, otherVersion: false, versionOfName: false };
  const leftover: string[] = [];
  const cover = (from: number, span: number) => {
    for (let j = from; j < from + span; j++) a.covered[j] = true;
  };
  /** Where in the title the previous query word was found, for a version number that follows it. */
  let previousAt = -1;
  for (let i = 0; i < words.length; i++) {
    const named = nameAt(words, i, entry);
    if (named) {
      a.name = Math.max(a.name, named.score);
      if (named.typo) a.typos++;
      const at = titleSpan(words.slice(i, i + named.span).join(""), entry);
      if (at) cover(at.from, at.span);
      i += named.span - 1;
      continue;
    }
    const joined = joinedWord(words, i, entry);
    if (joined) {
      cover(joined.at, 1);
      a.inTitle += joined.span;
      if (joined.typo) a.typos++;
      i += joined.span - 1;
      previousAt = joined.at;
      continue;
    }
    // "flash attention v2" of "FlashAttention-2": the version after the name, written with a v or without.
    const next = previousAt >= 0 ? (entry.words[previousAt + 1] ?? "") : "";
    const version = /^v?\d+$/.test(words[i]!) && /^v?\d+$/.test(next) && words[i] !== next && words[i]!.replace(/^v/, "") === next.replace(/^v/, "") ? { from: previousAt + 1, span: 1, typo: false } : null;
    const single = version ?? titleWord(words[i]!, stems[i]!, entry, a.covered, lastFirst) ?? titleSpan(words[i]!, entry);
    if (single) {
      cover(single.from, single.span);
      if (!isFunctionWord(words[i]!)) a.inTitle++;
      if (single.typo) a.typos++;
      previousAt = single.from + single.span - 1;
      continue;
    }
    const word = words[i]!;
    // "FlashAttention 3" where the title has "FlashAttention 2": the same name, another version.
    const followsName = /^\d+$/.test(word) && previousAt >= 0 && /^v?\d+$/.test(entry.words[previousAt + 1] ?? "");
    previousAt = -1;
    if (isFunctionWord(word) || /^(?:19|20)\d\d$/.test(word)) continue;
    // A number the paper lacks, or its name with another version or none ("MCUNet" for "MCUNetV2"): another version.
    const versionOfName = followsName || [...entry.names.keys(), ...entry.words].some((name) => name !== word && unversioned(name) === unversioned(word) && unversioned(word).length >= 4);
    if (versionOfName) a.versionOfName = true;
    if (/\d/.test(word) || versionOfName) a.otherVersion = true;
    else leftover.push(word);
  }
  // Only a name, or the title's first word, lets abstract words support a match (a title fragment with a word
  // its title lacks is another paper), so the abstract is read only then: most candidates never need it.
  for (const word of leftover) {
    if ((a.name > 0 || a.covered[0]) && entry.mentions(stem(word))) a.viaAbstract++;
    else {
      a.unsupported++;
      if (query.nameWords.has(word)) a.unsupportedNames++;
    }
  }
  return a;
}

type Span = { from: number; span: number; typo?: boolean };

/** The longest run of query words (up to four) written together that is one of the paper's names. */
function nameAt(words: string[], i: number, entry: Entry): { span: number; score: number; typo: boolean } | null {
  for (let span = Math.min(4, words.length - i); span >= 1; span--) {
    const key = words.slice(i, i + span).join("");
    const exact = entry.names.get(key);
    if (exact) return { span, score: exact, typo: false };
    if (key.length >= 6) {
      for (const [name, score] of entry.names) if (similarWord(key, name) > 0) return { span, score: score * 0.95, typo: true };
    }
  }
  return null;
}

/** Two or three query words that the title writes as one ("scissor hands" → "Scissorhands"). */
function joinedWord(words: string[], i: number, entry: Entry): { at: number; span: number; typo: boolean } | null {
  for (let span = Math.min(3, words.length - i); span >= 2; span--) {
    const parts = words.slice(i, i + span);
    // A one-letter part ("2") is a word of its own.
    if (parts.some((part) => part.length < 2)) continue;
    const key = parts.join("");
    for (let j = 0; j < entry.words.length; j++) {
      const similarity = similarWord(key, entry.words[j]!);
      if (similarity > 0) return { at: j, span, typo: similarity < 1 };
    }
  }
  return null;
}

/** The title word a query word is, by spelling, stem, typo or abbreviation; an uncovered one first. */
function titleWord(word: string, wordStem: string, entry: Entry, covered: boolean[], lastFirst: boolean): Span | null {
  let best: Span | null = null;
  let bestScore = 0;
  for (let j = 0; j < entry.words.length; j++) {
    const similarity = entry.stems[j] === wordStem ? 1 : similarWord(word, entry.words[j]!);
    const score = similarity - (covered[j] ? 0.5 : 0);
    if (similarity > 0 && (score > bestScore || (lastFirst && score === bestScore))) {
      best = { from: j, span: 1, typo: similarity < 1 };
      bestScore = score;
    }
  }
  return best;
}

/** Consecutive title words the query word writes as one ("m3vit" for "M^3ViT", "multitask" for "Multi-task"). */
function titleSpan(word: string, entry: Entry): Span | null {
  for (let j = 0; j < entry.words.length; j++) {
    let joined = entry.words[j]!;
    for (let end = j + 1; end < Math.min(entry.words.length, j + 4); end++) {
      joined += entry.words[end]!;
      // "xray" for "X-rays": written together, and singular or plural alike.
      if (joined === word || joined === `${word}s` || `${joined}s` === word) return { from: j, span: end - j + 1 };
      if (joined.length > word.length) break;
    }
  }
  return null;
}

/**
 * How well a description ("the paper benchmarking whether LLMs can write
 * GPU kernels") fits a paper: the share of its content words the title
 * holds, 0 when the paper bears out fewer than all but one of them or when
 * there are too few to single a paper out.
 */
export function describedShare(query: LookupQuery, entry: Entry): number {
  const content = query.words.map((word, i) => ({ word, stem: query.stems[i]! })).filter(({ word }) => !isFunctionWord(word) && !isSayingWord(word));
  if (content.length < S.describedWords) return 0;
  const inTitle = content.filter(({ word, stem }) => entry.stems.includes(stem) || entry.words.some((titleWord) => similarWord(word, titleWord) > 0));
  const unsupported = content.filter(({ word, stem }) => !inTitle.some((held) => held.word === word) && !entry.mentions(stem)).length;
  return unsupported > 1 ? 0 : inTitle.length / content.length;
}

/** Share of the describing words the paper's title or abstract bears out. */
function supportedShare(described: string[], entry: Entry): number {
  return described.filter((word) => entry.mentions(stem(word)) || entry.stems.includes(stem(word))).length / described.length;
}
