import type { Library } from "../library/library.ts";
import { topicParts } from "../search/query-terms.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { searchedTopic, type Turn } from "./conversations.ts";
import { escapeMarkdown } from "./extractive.ts";
import { listing, narrowedReply, papersOn } from "./narrowed-reply.ts";
import type { Reply } from "./reply.ts";

type Narrow = { topic: string; papers: StoredPaper[]; without?: true; only?: true };

/**
 * "which of these are for video?": the listed papers that mention it, or,
 * when none does, the papers past the few listed that a search of the
 * thread's topic with it ranks best and that write both (the sixth paper on
 * concept bottlenecks is the video one). "only the ones about graphs" with
 * none such searches that (`wider`, with `widened` to say first).
 */
export async function narrowing(library: Library, said: Narrow, previous: Turn, today: Date): Promise<{ reply: Reply; papers?: StoredPaper[] } | { wider: string; widened: string }> {
  // ("math (AIME, MATH etc)": said back without the "etc".)
  const topic = said.topic.replace(/[\s,]*\b(?:etc|e\.g|i\.e)\b\.?/gi, "").replace(/\(\s*/g, "(").replace(/\s*\)/g, ")");
  const asked = { ...said, topic: freeOf(topic) ?? topic };
  // "which of those are about LLMs?": the papers writing "large language models" are about them too, said so when
  // that keeps more of the list than the acronym alone.
  // ("which ones are for multimodal llms?": "Multimodal Large Language Models" too.)
  const long = await spelledOutWords(library, asked.topic);
  const spelled = long && long.toLowerCase() !== asked.topic.toLowerCase() ? { ...asked, topic: `${asked.topic} or ${long.toLowerCase()}` } : undefined;
  const [plainWeights, spelledWeights] = await Promise.all([library.termWeights(asked.topic), spelled && library.termWeights(spelled.topic)]);
  const longer = spelled && spelledWeights && papersOn(spelled.topic, asked.papers, spelledWeights).length > papersOn(asked.topic, asked.papers, plainWeights).length;
  const [narrow, weights] = longer ? [spelled, spelledWeights] : [asked, plainWeights];
  const reply = narrowedReply(narrow.topic, narrow.papers, weights, { without: narrow.without === true });
  const thread = !narrow.without && reply.citations.length === 0 ? searchedTopic(previous) : undefined;
  if (thread === undefined) return { reply };
  // ("the one about music" after "audio or speech": music, not "audio or speech music".)
  const both = `${thread} ${narrow.topic}`;
  const wider = /\s(?:or|vs\.?|versus)\s|\s\/\s/i.test(thread) ? narrow.topic : both;
  const none = narrow.papers.length === 1 ? "That paper does not mention" : `None of those ${narrow.papers.length} papers mentions`;
  // The papers a search for both ranks best that write both, named as such ("which ones run on GPUs?" after papers on
  // nearest neighbour search: "Billion-scale similarity search with GPUs", ranked fourth): the answer to that search
  // had cited papers on the thread's topic that never write the one asked ("… about multimodal?": continual learning
  // papers on kernels).
  const beyond = await writingBeyond(library, both, thread, narrow, weights, today);
  if (beyond.length > 0) {
    const which = beyond.length === 1 ? "one other paper in the library mentions it" : `${beyond.length} other papers in the library mention it`;
    return { reply: listing(`${none} **${escapeMarkdown(narrow.topic)}**, but ${which}, among the best matches for **${escapeMarkdown(thread)}**`, beyond), papers: beyond };
  }
  // "only the ones about graphs" asks the library anyway.
  if (narrow.only) return { wider, widened: `${none} **${escapeMarkdown(narrow.topic)}**; from the whole library:` };
  return { reply: narrowedReply(narrow.topic, narrow.papers, weights, { searchedWider: true }) };
}

/**
 * The papers a search of the thread's topic with the narrowing's (`both`) ranks best, besides those listed, that write the
 * narrowing's topic and the thread's, when the search finds the topic at all.
 */
async function writingBeyond(library: Library, both: string, thread: string, narrow: Narrow, weights: Map<string, number>, today: Date): Promise<StoredPaper[]> {
  const { relevant, results } = await library.search(both, { today });
  if (!relevant) return [];
  // Each writes the thread's topic too, as a narrowing to it would keep it: a search for both ranks papers on the
  // narrowing's topic alone (architecture search on GPUs; LLM papers writing "continuous" for "continual learning").
  // (By its rarer words as written, those weighing at least half the rarest: HiDe-LLaVA's "Continual Instruction
  // Tuning" is on continual learning, though it never writes "learning"; a paper on Fisher information is not on the
  // information bottleneck.)
  const threadWeights = await library.termWeights(thread);
  const top = Math.max(0, ...threadWeights.values());
  const rarer = thread.split(/\s+/).filter((word) => topicParts(word).main.some((stem) => (threadWeights.get(stem) ?? 0) >= top / 2)).join(" ") || thread;
  // (Each on its own: a paper writing the words apart is on it, whichever other paper writes them as a phrase.)
  const onThread = (paper: StoredPaper) => papersOn(rarer, [paper], threadWeights).length > 0;
  const others = results.map((hit) => hit.paper).filter((paper) => !narrow.papers.some((listed) => listed.id === paper.id) && onThread(paper));
  const kept = new Set(narrowedReply(narrow.topic, others, weights).citations.map((citation) => citation.id));
  return others.filter((paper) => kept.has(paper.id));
}

/** "doesn't need any training", "without retraining", "needs no fine-tuning": what is done without, one word. */
const DONE_WITHOUT = /^(?:(?:doesn'?t|does not|don'?t|do not|won'?t)\s+(?:need|require|use|involve)|(?:needs?|requires?|uses?)\s+no|(?:works?\s+)?(?:without|w\/o)|no)\s+(?:any\s+|additional\s+|extra\s+)?([\p{L}]+(?:-[\p{L}]+)?)$/u;

/**
 * "which one doesn't need any training?": the papers that say they are "training-free", as papers write it (the
 * narrowing had looked for "doesn't need any training", which no abstract writes).
 */
export function freeOf(topic: string): string | undefined {
  // One word: "training-free" is a term papers write, "hand-annotated-concepts-free" is not.
  const thing = DONE_WITHOUT.exec(topic.trim().toLowerCase())?.[1];
  // ("without retraining": papers on using a model as it is write "training-free".)
  const again = thing && /^re[a-z]{5,}/.test(thing) ? ` or ${thing.slice(2)}-free` : "";
  return thing ? `${thing}-free${again}` : undefined;
}

/** The topic, of three words at most, with each acronym the abstracts define spelt out ("multimodal llms": "multimodal large language models"). */
async function spelledOutWords(library: Library, topic: string): Promise<string | undefined> {
  const words = topic.trim().split(/\s+/);
  if (words.length > 3 || !words.every((word) => /^[\p{L}\p{N}-]+$/u.test(word))) return undefined;
  const spelled = await Promise.all(words.map(async (word) => (await library.spelledOut(word)) ?? word));
  return spelled.join(" ");
}
