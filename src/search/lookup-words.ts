import { distance } from "fastest-levenshtein";

/**
 * How surely a query word is a misspelling or abbreviation of a title word
 * or name: 1 the same, 0.9 a typo, 0.8 an abbreviation ("hyperzzw" for
 * "hyperzcdotzcdotw"), 0 another word. Numbers must agree and a suffix
 * makes a different name: FlashAttention-3 is not FlashAttention-2, GPT-4o
 * is not GPT-4, PointNet is not PointNet++; only a plural ending is the
 * same word.
 */
export function similarWord(query: string, word: string): number {
  if (query === word) return 1;
  if (query.length < 5) return 0;
  // Cheap length and first-letter tests first: this runs over many title words per query word.
  const typoLike = Math.abs(query.length - word.length) <= 2 && (query[0] === word[0] || query[1] === word[1]);
  const abbreviationLike = word.length > query.length + 2 && word[0] === query[0] && word[3] === query[3];
  if (!typoLike && !abbreviationLike) return 0;
  if (digits(query) !== digits(word)) return 0;
  // A versioned name's version must be the same to the letter (YOLOv8n is not YOLOv8s); a slip before it is a typo ("MobilNetV2").
  if (/\d/.test(query)) {
    const [queryName, queryVersion] = versionSplit(query);
    const [wordName, wordVersion] = versionSplit(word);
    return queryVersion === wordVersion && queryName.length >= 5 && nearlyEqual(queryName, wordName) ? 0.9 : 0;
  }
  if (word.startsWith(query) || query.startsWith(word)) {
    const rest = word.slice(query.length) || query.slice(word.length);
    // A plural, or one letter dropped off a longer word ("colum"), is the same word; more is another name.
    return /^(?:s|es)$/.test(rest) || (rest.length === 1 && word.length >= 6) ? 0.9 : 0;
  }
  if (nearlyEqual(query, word)) return 0.9;
  if (abbreviates(query, word) || clippedPlural(query, word)) return 0.8;
  return 0;
}

function nearlyEqual(a: string, b: string): boolean {
  // Typos rarely hit both of the first two letters; checking that first skips most distance computations.
  // Five letters or fewer, one changed letter is usually another name ("llama", "llava"); a letter left out
  // or doubled, or two swapped, is still a typo ("colum", "winer", "cahce").
  const short = Math.min(a.length, b.length) < 6;
  if (a[0] !== b[0] && a[1] !== b[1]) return false;
  // Two neighbouring letters typed the wrong way round is a slip, not another name, however short ("cahce").
  if (short && a.length === b.length) return a.length >= 5 && swapped(a, b);
  if (short && Math.min(a.length, b.length) < 5) return false;
  // Two slips only in long words (ten letters or more), and not among their first letters, where names differ
  // ("Performer", "Keyformer", "PyFormer"); in shorter ones two slips make another name ("MobileNet", "MobileDets").
  const allowed = Math.min(a.length, b.length) >= 10 && a.slice(0, 3) === b.slice(0, 3) ? 2 : 1;
  return Math.abs(a.length - b.length) <= allowed && (distance(a, b) <= allowed || swapped(a, b));
}

/** Two neighbouring letters typed the wrong way round ("netowrk", "swivle"): one slip, two edits to Levenshtein. */
export function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const at = [...a].findIndex((letter, i) => letter !== b[i]);
  return at >= 0 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/** A plural clipped as people clip it in chat: "convs" for "convolutions", "archs" for "architectures". */
function clippedPlural(query: string, word: string): boolean {
  return query.length >= 5 && query.endsWith("s") && word.endsWith("s") && word.length > query.length + 2 && word.startsWith(query.slice(0, -1));
}

/** Same start and end, the query's letters in order within the word, at least half its length. */
function abbreviates(query: string, word: string): boolean {
  if (word.length <= query.length + 2 || query.length * 2 < word.length || !word.startsWith(query.slice(0, 4)) || query.at(-1) !== word.at(-1)) return false;
  let at = 4;
  for (const letter of query.slice(4)) {
    at = word.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** "mobilenet" and "v2" of "mobilenetv2": the name and the version from its first number on. */
function versionSplit(name: string): [string, string] {
  const match = /^(.*?)(v?\d.*)$/.exec(name)!;
  return [match[1]!, match[2]!];
}

function digits(text: string): string {
  return text.replace(/\D/g, "");
}

/** A name without its version: "mobilenet" for "mobilenetv2", "mcunet" for "mcunet". */
export function unversioned(name: string): string {
  return name.replace(/v?\d+$/, "");
}
