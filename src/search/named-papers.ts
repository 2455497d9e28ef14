import { words } from "../embed/tokens.ts";
import { loadWordVectors } from "../embed/word-vectors/cache.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { comparedNames } from "./compared.ts";
import type { LookupResult } from "./lookup.ts";
import type { ParsedQuestion } from "./question.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { nameParts } from "./name-parts.ts";
import { compact } from "./names.ts";
import { mentioning } from "./mentioned-papers.ts";
import { searchStem, searchTerms, stemSet } from "./stem.ts";
import { laterVersion, laterVersionOf, REPORT, VERSIONED, writesVersion } from "./versions.ts";

/** The papers a question names, by title, by name or as the two sides of a comparison, each found by lookup. */

/**
 * The paper a question names: the one whose title it is, or, for a message
 * that reads as a title or asks for "the X paper", the paper lookup finds
 * for it (a typo'd title, a short name). `missing` when it reads as a title
 * and lookup finds no paper and no candidates, so the answer can say so
 * before the papers on its words; `closest`, the titles lookup found nearest.
 */
export async function titledPaper(question: string, query: ParsedQuestion, snapshot: LibrarySnapshot): Promise<{ paper?: StoredPaper; loose?: string; missing?: string; closest?: StoredPaper[] }> {
  // "the original flashattention paper" is not FlashAttention-2, a later version: the library lacks it, and that is closest.
  const earlier = /\b(?:original|first)\b/i.test(question);
  const exact = await snapshot.lookup.titled(question);
  // "do we have mcunet?" is not MCUNetV2, a later version, any more than "the original mcunet paper" is.
  const thePaper = /^the\s+\S.*\spaper\s*[?.!]*$/i.test(question.trim());
  const asked = earlier || query.asksPresence === true || thePaper;
  if (exact && asked && laterVersion(exact.title) && !writesVersion(query.topic)) return { missing: query.topic.trim(), closest: [exact] };
  // A message that is nothing but a name and its version ("llama 2?", "gpt-4", "flashattention-3") asks for that paper.
  // So does one followed by what the paper is ("gpt-4 technical report", "llama 2 paper").
  // (Said back as written: "DINOv2", not "dinov2".)
  const topic = query.shown.trim().toLowerCase() === query.topic.trim() ? query.shown.trim() : query.topic.trim();
  const versioned = (VERSIONED.test(query.topic.trim()) || VERSIONED.test(query.topic.trim().replace(REPORT, ""))) && !query.listing && !query.baseline ? topic : undefined;
  const name = query.pastedTitle ?? query.paperName ?? versioned;
  if (exact) return { paper: exact };
  if (!name) return laterVersionOnly(query, snapshot);
  const found = await snapshot.lookup.find(name);
  // The name without "the … paper" around it: "the pyramid paper" names "pyramid".
  const plain = name.replace(/^the\s+/i, "").replace(/\s+paper$/i, "");
  // "the lottery ticket paper" found by words its title holds further on ("You are caught stealing my winning lottery
  // ticket! …") is the paper with them in its title, which the answer says, not surely the paper the name means.
  // (Not so a name the paper goes by: "the Performers paper" is "Rethinking Attention with Performers".)
  const ownName = (paper: StoredPaper) => {
    const doc = snapshot.docs.docOf(paper.id);
    return doc !== undefined && snapshot.lookup.namesOf(doc).includes(plain.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""));
  };
  // "how much power do the GPU clusters draw?": a word a good share of the library uses is its vocabulary, not a paper's
  // name, unless a paper goes by it ("limitations of Performers": its stem is that of "performance").
  const vocabulary = snapshot.text.documentFrequency(searchStem(name.toLowerCase())) > SETTINGS.lookup.aboutNamedShare * snapshot.size;
  if (query.detail === "content" && vocabulary && !(found.match && ownName(found.match))) return {};
  const loosely = (paper: StoredPaper) => (looseName(plain) && holdsWords(paper.title, plain) && !opensWith(paper.title, plain) && !ownName(paper) ? { loose: plain } : {});
  // A lone lower-case word is a name only if a paper goes by it, or titles write it as one ("flashattention": FlashAttention-2).
  if (query.nameGuessed && !found.match && ![...found.alternatives, ...found.closest].some((paper) => writesAsName(paper.title, name))) return {};
  if (found.match && asked && laterVersion(found.match.title) && !writesVersion(plain)) return { missing: plain, closest: [found.match] };
  if (found.match) return { paper: found.match, ...loosely(found.match) };
  // "the main finding of the grokking paper": a topic word, not a name, that one paper's title alone holds is that paper.
  // So are "do we have the grokking paper?" and "the grokking paper" alone.
  // (Without "the", a name written as one: "EfficientNet paper?", not "attention paper".)
  const bare = (thePaper || (/^\S.*\spaper\s*[?.!]*$/i.test(question.trim()) && WRITTEN_AS_NAME.test(plain))) && words(question).length <= 6;
  const holder = query.detail === "content" || query.asksPresence || bare ? soleHolder(found, plain) : undefined;
  if (holder) return { paper: holder, ...loosely(holder) };
  // "is FlashAttention-3 in the library?" with no such paper is answered as a title no paper has.
  // So is "what does FlashAttention-3 propose?": the reply says so before the papers on its name.
  // So is a message that is nothing but "the resnet paper?".
  // "what is MLA?": an acronym the abstracts define is a concept, not a paper the library lacks.
  const concept = query.detail === "content" && !query.asksPresence && snapshot.acronyms.lookup(name.trim()) !== undefined;
  const missing = concept ? undefined : query.pastedTitle ?? (query.asksPresence || query.detail === "content" || bare || versioned ? plain : undefined);
  // Candidates that merely have the name in their titles ("InceptionNeXt: When Inception Meets ConvNeXt" for
  // "do you have ConvNeXt?") are not it; ones whose titles open with a loose name may be ("the pyramid paper":
  // PyramidKV), but not with a name written as one ("LLaVA": LLaVA-UHD v2 is another paper).
  // (Nor is a later version of it: "flashattention" is not FlashAttention-2.)
  if (!missing || found.alternatives.some((paper) => looseName(plain) && opensWith(paper.title, plain) && !(laterVersion(paper.title) && !writesVersion(plain)))) return {};
  return { missing, closest: (await mentioning(plain, snapshot)) ?? (found.closest.length > 0 ? found.closest : found.alternatives) };
}

/**
 * The one paper lookup found whose title holds every word of a loose name ("grokking", not "LLaVA"), when only one
 * does: "papers like the grokking paper" is like "Droplets of Good Representations: Grokking as a …".
 */
export function soleHolder(found: { alternatives: StoredPaper[]; closest: StoredPaper[] }, name: string): StoredPaper | undefined {
  if (!looseName(name)) return undefined;
  const holders = [...found.alternatives, ...found.closest].filter((paper, i, all) => holdsWords(paper.title, name) && all.findIndex((other) => other.id === paper.id) === i);
  // A title writing it as a name further on uses another paper's name: "… of controlled ResNets" is not the ResNet paper;
  // nor is a later version of it ("the flashattention paper" is not FlashAttention-2).
  const [holder] = holders;
  if (holders.length !== 1 || (laterVersion(holder!.title) && !writesVersion(name))) return undefined;
  return opensWith(holder!.title, name) || !writesAsName(holder!.title, name) ? holder : undefined;
}

/** Whether a title writes the name's word with capitals inside it or a digit ("ResNets", "ConvNeXt"), as a name. */
function writesAsName(title: string, name: string): boolean {
  const stems = new Set(words(name).map((word) => searchStem(word)));
  return (title.match(/[\p{L}\p{N}]+/gu) ?? []).some((token) => WRITTEN_AS_NAME.test(token) && stems.has(searchStem(token.toLowerCase())));
}

/** Whether "papers like X" names a paper by X, not a topic: written as a name, with a number, as long as titles are, or "the … paper". */
export function namesAPaper(name: string): boolean {
  return WRITTEN_AS_NAME.test(name) || /\d/.test(name) || /\bpaper\b/i.test(name) || words(name).length >= 4;
}

/** A question writing a word as a name: capitals together or inside it ("HNSW", "ConvNeXt"), a digit after a letter, a "+". */
const WRITTEN_AS_NAME = /[A-Z]{2}|\w\+|[A-Za-z]-?\d|[a-z][A-Z]/;

/**
 * A name not written as one (no two capitals, no digit: "grokking", "pyramid"), so a topic's word as much as a
 * paper's name; a few words at most: "attention is all you need" is a title, and TransMLA's "… Attention Is All You
 * Need" holding its words is not that paper.
 */
function looseName(name: string): boolean {
  return plainName(name) && words(name).length <= 2;
}

/** A name with no two capitals and no digit: written as words are, not as names are. */
function plainName(name: string): boolean {
  return !/\p{Lu}.*\p{Lu}|\d/u.test(name);
}

/**
 * The paper "papers like X" means: X by lookup; a loose name's sole holder (soleHolder); else the one word of X
 * written as a name, looked up alone ("papers like the MADRIGAL drug combo one": MADRIGAL).
 */
export async function exampleNamed(name: string, lookup: (name: string) => Promise<LookupResult>): Promise<StoredPaper | undefined> {
  const found = await lookup(name);
  // "papers building on sparse attention": a plain phrase the matched title holds in passing, as others do, is a
  // topic, not that paper's name.
  if (found.match && plainName(name) && !opensWith(found.match.title, name) && [found.match, ...found.alternatives].filter((paper) => holdsWords(paper.title, name)).length >= 2) return undefined;
  const direct = found.match ?? soleHolder(found, name);
  if (direct) return direct;
  const named = name.split(/\s+/).filter((word) => WRITTEN_AS_NAME.test(word));
  return named.length === 1 && named[0] !== name.trim() ? ((await lookup(named[0]!)).match ?? undefined) : undefined;
}

/** Whether a title holds every word of the name (stemmed, as search compares them). */
function holdsWords(title: string, name: string): boolean {
  const held = stemSet(title);
  const asked = words(name).map((word) => searchStem(word));
  return asked.length > 0 && asked.every((stem) => held.has(stem));
}

/** Whether a title begins with the name, spaces and punctuation aside ("PyramidKV: …" with "pyramid"). */
function opensWith(title: string, name: string): boolean {
  const squeeze = (text: string) => text.toLowerCase().replace(/^(?:the|a|an)\s+/, "").replace(/[^\p{L}\p{N}]+/gu, "");
  return squeeze(title).startsWith(squeeze(name));
}

/** A part of the question, found again in it as the asker wrote it ("HNSW", not "hnsw"). */
export function asAsked(part: string, question: string): string {
  const at = question.toLowerCase().indexOf(part);
  return at >= 0 && question.length === question.toLowerCase().length ? question.slice(at, at + part.length) : part;
}

/**
 * The two papers a comparison names, each found by lookup, when both are found and differ; or, when one is found
 * and the other is a name no paper has ("Performer vs Linformer", "FlashAttention-2 vs FlashAttention-3"), the one
 * found and the name missing, so the answer says so rather than compare the paper with a near spelling or alone.
 */
export async function comparedPapers(question: string, snapshot: LibrarySnapshot): Promise<{ both: [StoredPaper, StoredPaper] } | { found: StoredPaper; missing: string } | undefined> {
  const names = comparedNames(question);
  if (!names) return undefined;
  const found = await Promise.all(names.map((name) => snapshot.lookup.find(name)));
  const [first, second] = found.map((result) => result.match);
  if (first && second) return first.id !== second.id ? { both: [first, second] } : undefined;
  // Candidates only holding a name written as one ("ConvNeXt" in "InceptionNeXt: When Inception Meets ConvNeXt") are not it.
  const lacking = found.findIndex((result, i) => !result.match && (result.alternatives.length === 0 || !looseName(asAsked(names[i]!, question))));
  const other = found[1 - lacking]?.match;
  if (lacking < 0 || !other) return undefined;
  const name = asAsked(names[lacking]!, question);
  return absentName(name, snapshot) ? { found: other, missing: name } : undefined;
}

/**
 * One word written as a name, that lookup found no paper for: capitals inside it or a version number
 * ("FlashAttention-3", "GPT-4"), or a word no paper uses ("Linformer"). A topic ("quantization") is not one.
 */
function absentName(name: string, snapshot: LibrarySnapshot): boolean {
  // "flash attention 1", "llama 2": words and a version number name one paper, as "FlashAttention-1" does.
  if (/\s(?:v\.?\s?)?\d{1,2}$/i.test(name.trim())) return true;
  if (/\s/.test(name.trim())) return false;
  return !looseName(name) || name.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((word) => word.length > 0 && snapshot.text.documentFrequency(searchStem(word)) === 0);
}

/**
 * The paper a question no topic matched names ("HNSW", "which paper
 * introduced FAVOR+?", "tell me about the HNSW paper"), as lookup finds it
 * in the topic without the chat framing. Only a short topic or one with a
 * name-like word is looked up: a lookup costs tens of milliseconds at a
 * million papers, and a longer question nothing covers is a topic, not a name;
 * nor is a question with dates or upvotes.
 */
export async function namedIn(query: ParsedQuestion, snapshot: LibrarySnapshot): Promise<StoredPaper | undefined> {
  const topic = query.topic.trim();
  // "sparse attention papers from this year" asks for a topic within dates: that nothing passes them is the answer, not a paper named so.
  if (ordersOrFilters(query)) return undefined;
  const nameLike = WRITTEN_AS_NAME.test(query.shown);
  if (!topic || (topic.split(/\s+/).length > SETTINGS.lookup.nameQuestionWords && !nameLike)) return undefined;
  const match = (await snapshot.lookup.find(topic)).match ?? undefined;
  // "chess engines" in everyday words is no question about CHESS (text-to-SQL): a name typed so is a title's words.
  if (match && !nameLike && !holdsWords(match.title, topic) && (await everydayWords(topic))) return undefined;
  return match && !spelledOutOnly(topic, match, snapshot) ? match : undefined;
}

/** Whether general English knows every word of a text as more than a specialist's word ("chess", not "hnsw"). */
async function everydayWords(text: string): Promise<boolean> {
  const english = await loadWordVectors();
  return words(text).every((word) => (english.row(word) ?? Number.POSITIVE_INFINITY) <= SETTINGS.relevance.specialistRank);
}

/**
 * The paper a question of one word written as a name ("HNSW", "PyramidKV") names, when few papers use the word
 * (`aboutNamedShare`): asked alone, a name asks for its paper first, however well the papers using it match as a
 * topic. A name many papers use ("MoE", "CNN") is a topic. `missing`: no paper is that name, though titles write it
 * as one ("CLIP" of "Mask-adapted CLIP", "ConvNeXt" of InceptionNeXt's "When Inception Meets ConvNeXt", "lora" of
 * MSPLoRA): the papers on it are answered, saying the paper itself is not in the library.
 */
export async function rareNamed(query: ParsedQuestion, snapshot: LibrarySnapshot): Promise<{ paper?: StoredPaper; missing?: string }> {
  const topic = query.topic.trim();
  // One word with letters ("FlashAttention-2" is one, "text-to-SQL" three).
  const named = words(topic).filter((word) => !/^\d+$/.test(word));
  // "BIG-bench", "bitnet.cpp": one name of several words, the name a paper goes by (not "text-to-SQL", a topic).
  if (named.length > 1 && !/\s/.test(topic) && !ordersOrFilters(query)) return await goesBy(topic, snapshot);
  if (named.length !== 1 || /\s/.test(topic)) return {};
  // Typed in lower case, a word general English lacks is a name all the same ("hnsw", "flashattention-2").
  const rank = WRITTEN_AS_NAME.test(query.shown) ? undefined : (await loadWordVectors()).row(named[0]!.toLowerCase());
  // "newest NAS papers" asks for papers in an order, not for the one paper "NAS" may name.
  if (ordersOrFilters(query)) return {};
  // A name many papers write is a topic ("FlashAttention"), unless a version pins it to one ("FlashAttention-2")…
  const many = !writesVersion(topic) && snapshot.text.documentFrequency(searchStem(named[0]!)) > SETTINGS.lookup.aboutNamedShare * snapshot.size;
  // An acronym several abstracts define is the field's term, not one paper's name: "NAS papers" asks for neural
  // architecture search, not ProxylessNAS (whose abstract defines it too), and "moe papers" for mixtures of experts;
  // "HNSW", defined by its own paper alone, is one.
  const acronym = snapshot.acronyms.lookup(topic);
  if ((acronym?.papers ?? 0) >= 2) return {};
  if (rank !== undefined && rank <= SETTINGS.relevance.specialistRank) return many ? await goesBy(topic, snapshot) : {};
  // …but "resnet paper" asks for its paper all the same, which the library may lack.
  const paperAsked = /\bpaper\b/i.test(query.text);
  if (many && !paperAsked) return {};
  const found = many ? undefined : await snapshot.lookup.find(topic);
  if (found?.match && !spelledOutOnly(topic, found.match, snapshot)) return { paper: found.match };
  // An acronym the abstracts define ("MLA": multi-head latent attention) is a concept, not a paper the library lacks.
  return titlesWriteName(named[0]!, snapshot) && acronym === undefined ? { missing: query.shown.trim() } : {};
}

/**
 * Whether a paper matched a name only as the one abstract spelling out a term other papers write too ("… a strong
 * competitor to Generative Adversarial Networks (GANs)"): that does not make the term its name; a title holding it, or
 * its long form, does (HNSW's "Hierarchical Navigable Small World graphs").
 */
function spelledOutOnly(name: string, paper: StoredPaper, snapshot: LibrarySnapshot): boolean {
  const acronym = snapshot.acronyms.lookup(name);
  if (!acronym || snapshot.text.documentFrequency(searchStem(name)) <= 1) return false;
  const held = stemSet(paper.title);
  return !held.has(searchStem(acronym.short)) && !searchTerms(acronym.long).every((stem) => held.has(stem));
}

/** "Performers" alone: an English word one paper goes by is that paper, when its stem is everyday in the library ("perform"). */
async function goesBy(word: string, snapshot: LibrarySnapshot): Promise<{ paper?: StoredPaper }> {
  const found = await snapshot.lookup.find(word);
  const doc = found.match ? snapshot.docs.docOf(found.match.id) : undefined;
  return doc !== undefined && snapshot.lookup.namesOf(doc).includes(compact(word)) ? { paper: found.match! } : {};
}

/** Whether some title writes the word as a name, or within one: capitals in it ("CLIP", "ConvNeXt"), or a name it is written from ("MSPLoRA"). */
function titlesWriteName(word: string, snapshot: LibrarySnapshot): boolean {
  const stem = searchStem(word);
  for (const doc of snapshot.text.papersWith(stem)) {
    const title = snapshot.docs.titles.at(doc);
    if (writesAsName(title, word) || nameParts(title).some((part) => searchStem(part) === stem)) return true;
  }
  return false;
}

/** Whether a title holds every content word of a name of two or more: the name describes it. */
export function describesTitle(name: string, title: string): boolean {
  const asked = searchTerms(name);
  const held = stemSet(title);
  return asked.length >= 2 && asked.every((stem) => held.has(stem));
}

/**
 * "MCUNet" alone, a name no paper uses, when the library holds only a later version of it (MCUNetV2): a paper asked
 * for, as "do we have MCUNet?" is, so the reply says no paper is titled so before that version, not that nothing
 * covers it (a different version is a different paper).
 */
async function laterVersionOnly(query: ParsedQuestion, snapshot: LibrarySnapshot): Promise<{ missing?: string; closest?: StoredPaper[] }> {
  const topic = query.topic.trim();
  if (!/^[\p{L}\p{N}]+$/u.test(topic) || query.listing || ordersOrFilters(query)) return {};
  if (snapshot.text.documentFrequency(searchStem(topic.toLowerCase())) > 0) return {};
  const found = await snapshot.lookup.find(topic);
  const versions = [...found.closest, ...found.alternatives].filter((paper, i, all) => laterVersionOf(paper.title, topic) && all.indexOf(paper) === i);
  if (found.match || versions.length === 0) return {};
  return { missing: query.shown.trim().replace(/[?.!]+$/, "") || topic, closest: [...versions, ...found.closest.filter((paper) => !versions.includes(paper))] };
}

/** Whether a question asks for papers in an order or within dates or upvotes: papers on a topic, not the one a name may name. */
function ordersOrFilters(query: ParsedQuestion): boolean {
  return query.order !== undefined || Object.values(query.filters).some((value) => value !== undefined);
}
