import { distance } from "fastest-levenshtein";
import type { WordVectors } from "../embed/word-vectors/word-vectors.ts";
import { clippedPair, unshortened } from "./abbreviation.ts";
import { libraryForm } from "./library-form.ts";
import { wordSplits } from "./compounds.ts";
import { swapped } from "./lookup-words.ts";
import { isQuestionStopword } from "./query-stopwords.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { searchStem } from "./stem.ts";

/**
 * The question with its misspelt words replaced by the library's own
 * spelling ("kv cashe compresion" → "kv cache compression"), or undefined
 * when there is nothing to correct; a word the papers write as two
 * ("testtime") is split. A word is taken for a typo only when
 * no paper uses it and general English does not know it either (a word
 * like "teaching" is a paraphrase, not a typo of "reaching"); its
 * correction is the title word one or two letters away (as lookup
 * accepts typos) that most papers use. A rare word that general English
 * does know ("unlearning") is corrected only one letter away, and never
 * split: two letters away it is more likely a word the library lacks than a
 * typo ("unlearning" is not "unleashing", and "machine unlearning" is a topic
 * the library may not have).
 */
export function correctSpelling(text: string, snapshot: LibrarySnapshot, english: WordVectors): string | undefined {
  let changed = false;
  // Where a word read together with the one before it ("mobilenet v2" as "mobilenetv2") ends: it is not read again.
  let joinedUntil = 0;
  // Tokens as the index makes them (letters and digits together): "mobilenetv2" is one word, not "mobilenetv" and "2".
  const corrected = text.replace(/[\p{L}\p{N}]+/gu, (token, at: number) => {
    if (at < joinedUntil) return "";
    const word = token.toLowerCase();
    // "OOMing", "vLLMs": capitals inside a word say it was written so on purpose, jargon rather than a typo.
    if (/\p{Lu}.*\p{Lu}/u.test(token) && /\p{Ll}/u.test(token)) return token;
    // A word in capitals ("SAGE") is a name, not a clipped word. A word general English uses is read in full only as
    // a word several papers use ("prop" in "back-prop" as "propagation"), never as one paper's name ("retina" is not RetinaNet).
    // An everyday word ("sent", "plain") is itself, never a clipped "sentence".
    const rank = english.row(word) ?? Number.POSITIVE_INFINITY;
    const everyday = rank < SETTINGS.relevance.everydayRank;
    const completed = token === token.toUpperCase() || everyday ? undefined : unclipped(word, snapshot, rank < SETTINGS.spelling.clippedRank ? SETTINGS.spelling.clippedPapers : 1);
    // A name completed only by a version ("mcunet" as "mcunetv2") is another paper, unless that version follows it.
    const following = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u.exec(text.slice(at + token.length))?.[1]?.toLowerCase();
    const full = completed && addsVersion(word, completed, following) ? undefined : completed;
    if (full) {
      changed = true;
      // "mobilenet v2", "proxyless nas": the word the papers write whole is this one and the next, not this one again before it.
      const next = /^([^\p{L}\p{N}]*)([\p{L}\p{N}]+)/u.exec(text.slice(at + token.length));
      if (next && full === word + next[2]!.toLowerCase()) joinedUntil = at + token.length + next[0].length;
      return full;
    }
    // "suddenly": the form the papers write ("sudden"), which the stemmer does not reach. A word English knows: the
    // stemmer reads "character" as "charact" and "characterize" as "character", which is no reason to say "characteric".
    const form = isQuestionStopword(word) ? undefined : libraryForm(word, snapshot, rank);
    if (form && english.row(form) !== undefined) {
      changed = true;
      return form;
    }
    if (word.length < SETTINGS.spelling.minLetters || /[^a-z]/.test(word) || isQuestionStopword(word) || snapshot.text.documentFrequency(searchStem(word)) > 0) return token;
    if (rank < SETTINGS.spelling.englishRank) return token;
    // Two neighbouring letters swapped is one slip, however rare the word it makes ("langauge").
    const known = rank !== Number.POSITIVE_INFINITY;
    // Two letters away, at the word's start only as fingers slip: "linformer" is not "lowformer" (w is nowhere near
    // n), a name two letters from another is another name; at its end ("regressor", "regression") it is one word's forms.
    const near = snapshot.lookup.spellings(word).filter((spelling) => (known ? distance(word, spelling) <= 1 || swapped(word, spelling) : spelling.slice(0, 3) === word.slice(0, 3) || slipDistance(word, spelling) <= 2));
    // (One spelling near is taken for how many papers use it, not for where.)
    const spelt = (near.length > 1 ? besideNeighbours(near, neighbours(text, at, token.length), snapshot) : undefined) ?? mostUsed(near, snapshot) ?? (!known ? (mostUsed(wordSplits(word).map((parts) => parts.join(" ")), snapshot) ?? everydaySpelling(word, english) ?? clippedPair(word, snapshot)) : undefined);
    if (!spelt || addsVersion(word, spelt, following) || extendsName(text, at, token, spelt)) return token;
    changed = true;
    return spelt;
  });
  return changed ? corrected : undefined;
}

/**
 * Whether a spelling is the word with a version added that the question does not write after it: "mcunet" is not
 * MCUNetV2 (a different version is a different paper), nor "mobilenet v3" MobileNetV2; "mobilenet v2" is.
 */
function addsVersion(word: string, spelling: string, following: string | undefined): boolean {
  const version = spelling.startsWith(word) ? /^-?(v?\d+)$/.exec(spelling.slice(word.length))?.[1] : undefined;
  return version !== undefined && following !== version;
}

/**
 * A word clipped as people do in chat ("conv", "backprop", "eval", "algos"), as the
 * papers write it in full: the title word it begins that most papers use
 * ("convolutional"), or a word and the start of the next, as papers write
 * it hyphenated ("back-propagation"). Only a word no paper uses as it is, on its own; but a word shortened to its
 * consonants ("attn") is read in full however few papers write it so (abbreviation.ts).
 */
function unclipped(word: string, snapshot: LibrarySnapshot, minPapers: number): string | undefined {
  const shortened = unshortened(word, snapshot, minPapers);
  if (shortened) return shortened;
  // "conv" inside ConvNets and FlexConv is still a clipped word: no paper writes it on its own.
  if (word.length < 4 || /[^a-z]/.test(word) || isQuestionStopword(word) || snapshot.text.usedAlone(searchStem(word))) return undefined;
  // Clipping drops a syllable or more: a word one letter short of another is a name of its own ("Adam" is not AdamW).
  const clipped = (stub: string) => snapshot.lookup.completions(stub).filter((whole) => whole.length >= stub.length + 2);
  const whole = mostUsed(clipped(word), snapshot, minPapers);
  if (whole) return whole;
  // A clipped word made plural ("algos", "convs") begins the full word without its "s".
  const plural = word.length >= 5 && word.endsWith("s") ? mostUsed(clipped(word.slice(0, -1)), snapshot, minPapers) : undefined;
  if (plural) return plural;
  const pairs: string[] = [];
  for (let cut = 3; cut <= word.length - 4; cut++) {
    const [head, tail] = [word.slice(0, cut), word.slice(cut)];
    if (snapshot.text.documentFrequency(searchStem(head)) > 0) pairs.push(...snapshot.lookup.completions(tail).map((rest) => `${head} ${rest}`));
  }
  return mostUsed(pairs, snapshot, minPapers);
}

/**
 * The question with each word written whole that the papers write in two ("efficient finetuning" → "efficient
 * fine tuning"), or undefined when there is none. For a question nothing covers as written: the library's own
 * spelling may cover it ("alternatives to backpropagation" finds NoProp's "back-propagation"), but a question
 * answered as written keeps its words ("handwritten" is not the "hand-written" of GPU kernels).
 */
export function partedQuestion(text: string, snapshot: LibrarySnapshot): string | undefined {
  let changed = false;
  const parted = text.replace(/[\p{L}\p{N}]+/gu, (token) => {
    const split = partedSpelling(token.toLowerCase(), snapshot);
    if (!split) return token;
    changed = true;
    return split;
  });
  return changed ? parted : undefined;
}

/**
 * A word written whole that the papers write in two ("finetuning" for "fine-tuning", "backpropagation" for
 * "back-propagation"): the two words, when at least `partedRatio` times as many papers write them so as write
 * it whole, and at least `partedPapers` do: the library's own spelling of the word, not a guess.
 */
function partedSpelling(word: string, snapshot: LibrarySnapshot): string | undefined {
  const { minLetters, partedPapers, partedRatio } = SETTINGS.spelling;
  if (word.length < minLetters + 3 || /[^a-z]/.test(word) || isQuestionStopword(word)) return undefined;
  const whole = snapshot.text.documentFrequency(searchStem(word));
  const best = mostUsed(wordSplits(word).filter(([first, second]) => !isQuestionStopword(first) && !isQuestionStopword(second)).map((parts) => parts.join(" ")), snapshot, Math.max(partedPapers, partedRatio * whole));
  return best;
}

/**
 * The question with each word no paper uses read as the word one slip away that the papers write most beside a
 * neighbouring word of the question ("the swim transformer" → "the swin transformer", "lon context" → "long
 * context"), or undefined when there is none. For a question nothing covers as written: correctSpelling leaves a
 * word English knows ("swim") and a short one ("lon") alone, as they are more often meant; the phrase the papers
 * write is the evidence that this one was not. A word in capitals is a name, never a slip ("SAE features" is
 * not "same features").
 */
export function neighbouredQuestion(text: string, snapshot: LibrarySnapshot): string | undefined {
  let changed = false;
  const respelt = text.replace(/[\p{L}\p{N}]+/gu, (token, at: number) => {
    const word = token.toLowerCase();
    if (word.length < 3 || token === token.toUpperCase() || /[^a-z]/.test(word) || isQuestionStopword(word) || snapshot.text.documentFrequency(searchStem(word)) > 0) return token;
    const spelt = besideNeighbours(slips(word), neighbours(text, at, token.length), snapshot);
    if (!spelt || extendsName(text, at, token, spelt)) return token;
    changed = true;
    return spelt;
  });
  return changed ? respelt : undefined;
}

/**
 * Whether a spelling only adds letters to a word capitalised where no sentence starts: a name as written, which
 * another name extends ("the Adam optimizer" is not AdamW), where "the Swim transformer" is a slip for Swin.
 */
function extendsName(text: string, at: number, token: string, spelt: string): boolean {
  return /^\p{Lu}/u.test(token) && !/(?:^|[.!?:])$/.test(text.slice(0, at).trimEnd()) && spelt.startsWith(token.toLowerCase());
}

/** Every word one slip from `word` that keeps its first letter: a letter dropped, added or changed, or two neighbours swapped. */
function slips(word: string): Set<string> {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const found = new Set<string>();
  for (let i = 1; i <= word.length; i++) {
    if (i < word.length) found.add(word.slice(0, i) + word.slice(i + 1));
    if (i < word.length - 1) found.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (const letter of letters) {
      found.add(word.slice(0, i) + letter + word.slice(i));
      if (i < word.length) found.add(word.slice(0, i) + letter + word.slice(i + 1));
    }
  }
  found.delete(word);
  return found;
}

/** The words before and after the token at `at`, lowercased; a stopword is no context. */
function neighbours(text: string, at: number, length: number): { before?: string; after?: string } {
  const content = (word: string | undefined) => (word === undefined || isQuestionStopword(word.toLowerCase()) ? undefined : word.toLowerCase());
  const before = content(/([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u.exec(text.slice(0, at))?.[1]);
  const after = content(/^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u.exec(text.slice(at + length))?.[1]);
  return { ...(before && { before }), ...(after && { after }) };
}

/** Of these spellings, the one most papers write beside a neighbouring word of the question ("gaussian splatting"); undefined when none is. */
function besideNeighbours(spellings: Iterable<string>, { before, after }: { before?: string; after?: string }, snapshot: LibrarySnapshot): string | undefined {
  let best: { spelling: string; papers: number } | undefined;
  for (const spelling of spellings) {
    const stem = searchStem(spelling);
    const papers = (before ? snapshot.text.documentFrequency(`${searchStem(before)} ${stem}`) : 0) + (after ? snapshot.text.documentFrequency(`${stem} ${searchStem(after)}`) : 0);
    if (papers > (best?.papers ?? 0)) best = { spelling, papers };
  }
  return best?.spelling;
}

/**
 * Levenshtein distance counting edits as a typing slip makes them: a letter dropped or added, two neighbouring
 * letters swapped, or a key next to the right one cost 1; a letter far from the right key costs 2.
 */
export function slipDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_row, i) => Array.from({ length: b.length + 1 }, (_cell, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : neighbourKeys(a[i - 1]!, b[j - 1]!) ? 1 : 2;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** Of these spellings, the one most papers use (a pair of words counts as the phrase it makes); undefined when fewer than `minPapers` use any. */
function mostUsed(spellings: string[], snapshot: LibrarySnapshot, minPapers = 1): string | undefined {
  let best: { spelling: string; papers: number } | undefined;
  for (const spelling of spellings) {
    const papers = snapshot.text.documentFrequency(spelling.split(" ").map((part) => searchStem(part)).join(" "));
    if (papers >= minPapers && papers > (best?.papers ?? 0)) best = { spelling, papers };
  }
  return best?.spelling;
}

/**
 * The everyday English word a typo most likely is ("remeber" → "remember",
 * "insted" → "instead", "chrashing" → "crashing"): among the most common
 * words, the most common one a single letter away, or two neighbouring
 * letters swapped, with the same first letter. Titles hold a library's
 * terms but rarely its everyday words, so a typo of one is found here.
 * Never two letters away: a term the library lacks ("deepfake") is
 * nearer two letters to some common word ("deepak") than to a typo. Short
 * words are left alone: five letters one change apart are often two names.
 * A wrong letter is one a finger slips to, a key next to the right one:
 * "backprop" is not "backdrop", nor "ooming" "oozing".
 */
function everydaySpelling(word: string, english: WordVectors): string | undefined {
  const { everydayWords, everydayMinLetters } = SETTINGS.spelling;
  if (word.length < everydayMinLetters) return undefined;
  // Most common first, so the first one a slip away wins.
  for (const known of everydayByLetter(english, everydayWords).get(word[0]!) ?? []) {
    if (Math.abs(known.length - word.length) > 1 || known === word) continue;
    if ((distance(word, known) <= 1 && !farKeys(word, known)) || swapped(word, known)) return known;
  }
  return undefined;
}

/** QWERTY rows, each shifted half a key from the one above. */
const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

/** Two words of one length differing in one letter, where the two letters are not neighbouring keys. */
function farKeys(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const at = [...a].findIndex((letter, i) => letter !== b[i]);
  return at >= 0 && !neighbourKeys(a[at]!, b[at]!);
}

function neighbourKeys(a: string, b: string): boolean {
  const place = (letter: string) => ROWS.map((row, r) => ({ r, c: row.indexOf(letter) })).find(({ c }) => c >= 0);
  const [p, q] = [place(a), place(b)];
  if (!p || !q) return false;
  // Each row sits half a key right of the one above: key c touches keys c and c+1 above, c-1 and c below.
  const shift = q.c - p.c;
  return (p.r === q.r && Math.abs(shift) === 1) || (q.r === p.r - 1 && (shift === 0 || shift === 1)) || (q.r === p.r + 1 && (shift === 0 || shift === -1));
}

const EVERYDAY = new WeakMap<WordVectors, Map<string, string[]>>();

/** The `count` most common English words by first letter, in frequency order: read from the table once per process. */
function everydayByLetter(english: WordVectors, count: number): Map<string, string[]> {
  let byLetter = EVERYDAY.get(english);
  if (!byLetter) {
    byLetter = new Map();
    for (let row = 0; row < Math.min(count, english.words.size); row++) {
      const known = english.words.at(row);
      const group = byLetter.get(known[0]!);
      if (group) group.push(known);
      else byLetter.set(known[0]!, [known]);
    }
    EVERYDAY.set(english, byLetter);
  }
  return byLetter;
}
