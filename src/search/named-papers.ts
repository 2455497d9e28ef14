import type { StoredPaper } from "../store/paper-store.ts";
import { comparedNames } from "./compared.ts";
import type { ParsedQuestion } from "./question.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { searchStem } from "./stem.ts";

/** The papers a question names, by title, by name or as the two sides of a comparison, each found by lookup. */

/**
 * The paper a question names: the one whose title it is, or, for a message
 * that reads as a title or asks for "the X paper", the paper lookup finds
 * for it (a typo'd title, a short name). `missing` when it reads as a title
 * and lookup finds no paper and no candidates, so the answer can say so
 * before the papers on its words.
 */
export async function titledPaper(question: string, query: ParsedQuestion, snapshot: LibrarySnapshot): Promise<{ paper?: StoredPaper; missing?: string }> {
  const exact = await snapshot.lookup.titled(question);
  const name = query.pastedTitle ?? query.paperName;
  if (exact || !name) return exact ? { paper: exact } : {};
  // "how much power do the GPU clusters draw?": a word a good share of the library uses is its vocabulary, not a paper's name.
  if (query.detail === "content" && snapshot.text.documentFrequency(searchStem(name.toLowerCase())) > SETTINGS.lookup.aboutNamedShare * snapshot.size) return {};
  const found = await snapshot.lookup.find(name);
  if (found.match) return { paper: found.match };
  // "is FlashAttention-3 in the library?" with no such paper is answered as a title no paper has.
  // So is "what does FlashAttention-3 propose?": the reply says so before the papers on its name.
  const missing = query.pastedTitle ?? (query.asksPresence || query.detail === "content" ? name : undefined);
  return missing && found.alternatives.length === 0 ? { missing } : {};
}

/** A part of the question, found again in it as the asker wrote it ("HNSW", not "hnsw"). */
export function asAsked(part: string, question: string): string {
  const at = question.toLowerCase().indexOf(part);
  return at >= 0 && question.length === question.toLowerCase().length ? question.slice(at, at + part.length) : part;
}

/** The two papers a comparison names, each found by lookup; undefined unless both are found and differ. */
export async function comparedPapers(question: string, snapshot: LibrarySnapshot): Promise<[StoredPaper, StoredPaper] | undefined> {
  const names = comparedNames(question);
  if (!names) return undefined;
  const [first, second] = await Promise.all(names.map(async (name) => (await snapshot.lookup.find(name)).match));
  return first && second && first.id !== second.id ? [first, second] : undefined;
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
  if (Object.values(query.filters).some((value) => value !== undefined)) return undefined;
  const nameLike = /\b[A-Za-z]*[A-Z]{2}|\w\+|[A-Za-z]\d/.test(query.shown);
  if (!topic || (topic.split(/\s+/).length > SETTINGS.lookup.nameQuestionWords && !nameLike)) return undefined;
  return (await snapshot.lookup.find(topic)).match ?? undefined;
}
