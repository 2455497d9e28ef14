import { sideBySide } from "./by-side.ts";
import { words } from "../embed/tokens.ts";
import { eitherOf } from "./compared.ts";
import { joinedQuestion, type Joined } from "./compounds.ts";
import { isQuestionStopword } from "./query-stopwords.ts";
import type { ParsedQuestion } from "./question.ts";
import type { SearchResult } from "./search-result.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { neighbouredQuestion, partedQuestion } from "./spelling.ts";
import { searchStem } from "./stem.ts";

/* Other readings of a question nothing covers as asked. `searchAgain` searches a reading as it is, never respelling it again. */

type SearchAgain = (question: string) => Promise<SearchResult>;

/** "(that) faiss paper on GPU similarity search": a name, then what the paper is about. */
const NAME_THEN_ABOUT = /^(?:(?:that|the|this|a|an)\s+)?([^,;()]+?)\s+(?:paper|work|method)\s+(?:on|about|for|that does|which does)\s+([^()]+?)[?.!]*$/i;

/** A question nothing covers as asked, read another way that something does; undefined when none does. */
export async function readOtherwise(question: string, query: ParsedQuestion, snapshot: LibrarySnapshot, searchAgain: SearchAgain, k: number): Promise<SearchResult | undefined> {
  // "music or audio papers": either will do, so each is asked on its own, side by side. Not two names of one paper
  // ("the vLLM / PagedAttention paper"), which is missing by either name.
  const either = query.setting || /\/\s*[^\s/]+\s+paper\b/i.test(question) ? undefined : eitherOf(query.topic);
  const sides = either && (await Promise.all(either.map((side) => searchAgain(side))));
  if (either && sides?.some((side) => side.verdict.decision !== "no" && !side.example && !side.compared && !side.query.listing)) return sideBySide(query, either, sides, k, { apart: true });
  // A paper by a name no paper uses, described: the description is the topic.
  for (const { about, name } of describedUnknown(question, query, snapshot)) {
    const found = await searchAgain(about);
    if (found.verdict.decision !== "no") return name ? { ...found, unfoundTitle: name } : found;
  }
  // "finetuning" read as the "fine tuning" the papers write, "thunder kittens" as their "ThunderKittens";
  // "swim transformer" as their "swin transformer".
  return surely(partedQuestion(question, snapshot) ?? joinedQuestion(question, snapshot.text) ?? neighbouredQuestion(question, snapshot), searchAgain);
}

/**
 * What a question says a paper is about when it names it by a name no paper uses, to search in its place: a
 * description in parentheses ("faiss paper (billion scale similarity search gpus)"), or what follows "paper on"
 * ("that faiss paper on GPU similarity search"), whose name is then said to be missing.
 */
function describedUnknown(question: string, query: ParsedQuestion, snapshot: LibrarySnapshot): { about: string; name?: string }[] {
  const unused = (stems: string[]) => stems.every((stem) => snapshot.text.documentFrequency(stem) === 0);
  const inParentheses = unused(query.parts.main) ? /\(([^()]*\w{3}[^()]*)\)/.exec(query.topic)?.[1] : undefined;
  const [, name, about] = NAME_THEN_ABOUT.exec(question.trim()) ?? [];
  const nameStems = words(name ?? "").filter((word) => !isQuestionStopword(word)).map(searchStem);
  const named = about !== undefined && nameStems.length > 0 && unused(nameStems);
  // "the chinchilla paper (training compute-optimal LLMs)": a paper's name glossed, said missing as "paper on" says it.
  const outside = query.shown.replace(/\([^()]*\)?/g, " ").trim();
  const glossed = inParentheses !== undefined && /\b(?:paper|work|method)\s*\(/i.test(question) && outside.split(/\s+/).length <= 3;
  return [...(inParentheses ? [{ about: inParentheses, ...(glossed && { name: outside }) }] : []), ...(named ? [{ about, name: name!.trim() }] : [])];
}

/**
 * A respelt question ("sparse atention for lon context" as "sparse attention for lon context"), searched; when
 * nothing covers it, with its words read beside their neighbours too ("lon context" as "long context"), if that is sure.
 */
export async function searchRespelt(respelt: string, snapshot: LibrarySnapshot, searchAgain: SearchAgain): Promise<SearchResult> {
  const result = await searchAgain(respelt);
  return (result.verdict.decision === "no" ? await surely(neighbouredQuestion(respelt, snapshot), searchAgain) : undefined) ?? result;
}

/** A reading's search when it is a sure answer: "handwritten" read as the "hand-written" of GPU kernels is at best a partial match. */
async function surely(reading: string | undefined, searchAgain: SearchAgain): Promise<SearchResult | undefined> {
  const again = reading === undefined ? undefined : await searchAgain(reading);
  return again?.verdict.decision === "yes" ? again : undefined;
}

/** A search of a question with words joined as the papers write them (see joinedAsPapersWrite), said back in the asker's words. */
export function saidAsAsked(result: SearchResult, joined: Joined): SearchResult {
  const unjoin = (text: string) => text.replace(/[\p{L}\p{N}]+/gu, (word) => joined.joins.get(word.toLowerCase()) ?? word);
  return { ...result, query: { ...result.query, shown: unjoin(result.query.shown) }, ...(result.unfoundTitle && { unfoundTitle: unjoin(result.unfoundTitle) }) };
}
