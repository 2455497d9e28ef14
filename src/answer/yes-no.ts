import type { Library } from "../library/library.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { escapeMarkdown } from "./extractive.ts";
import { namesTestedOn } from "./sentences.ts";
import type { Reply } from "./reply.ts";

/** "does it use RL?", "is it trained on ImageNet?", "did they test on MNIST?", "can it run on a phone?": yes or no, of a paper. */
const YES_NO = /^(?:does|do|did|is|are|was|were|can|could|has|have|will|would)\s+(?:it|they|this|that|the paper|this paper|that one|the authors)\b/i;

/** What follows the kind asked for: "does it use", "did they test", "did PyramidKV use" ("what datasets does TALL-masks use?": the paper by its name). */
const OF_THE_PAPER = String.raw`\s+(?:does|do|did|is|are|was|were|has|have)\s+(?:it|they|this|that|the paper|this paper|that one|the authors|(?:the\s+)?[\p{L}\p{N}.+-]+(?:\s+paper)?)\s+[\p{L}-]+`;

/** "what dataset does it use?", "which benchmarks did they test on?": the kind of thing asked for, of a paper. */
const WHAT = new RegExp(String.raw`\b(?:what|which)\s+(?:kinds?\s+of\s+|types?\s+of\s+|sorts?\s+of\s+)?([\p{L}-]+)${OF_THE_PAPER}`, "iu");

/** "what learning rate and GPU did PyramidKV use?": several kinds asked at once, each of one or two words. */
const WHAT_SEVERAL = new RegExp(String.raw`\b(?:what|which)\s+((?:[\p{L}-]+(?:\s+[\p{L}-]+)?\s*(?:,|\band\b|\bor\b)\s*)+[\p{L}-]+)${OF_THE_PAPER}`, "iu");

/** "is there a dataset in it?", "are there any baselines in that paper?": the kind of thing asked for, of a paper. */
const IS_THERE = /^(?:is|are)\s+there\s+(?:an?|any)\s+([\p{L}-]+)\s+(?:in|with|for|from)\s+(?:it|them|this|that|the paper|this paper|that one)\b/iu;

/** Kinds of things an abstract names ("ImageNet", "A100", "Llama-2"), which it may name none of. */
const NAMED_KINDS = /^(?:datasets?|benchmarks?|baselines?|models?|llms?|architectures?|tasks?|metrics?|languages?|gpus?|hardware|devices?|tools?|libraries|frameworks?)$/;

/** What the code links and the record's own details answer first ("is there code?", "was it published?"). */
const ANSWERED_APART = /^(?:code|github|repo|repository|implementation|authors?|wrote|written|published|released|date|year)$/;

/**
 * A yes/no question about a paper whose abstract never writes the rarer of
 * what it asks about: said first, plainly ("Its abstract does not mention
 * *RL*."), before its gist. The gist alone read as an answer: a new user
 * asked "does it use RL?" of a training-free method and got its summary.
 */
export async function withUnwritten(reply: Reply, question: string, paper: StoredPaper, library: Library): Promise<Reply> {
  const asked = WHAT.exec(question.trim()) ?? IS_THERE.exec(question.trim());
  if (asked) return withUnnamed(reply, question, [asked[1]!], paper, library);
  const several = WHAT_SEVERAL.exec(question.trim());
  if (several) return withUnnamed(reply, question, several[1]!.split(/\s*(?:,|\band\b|\bor\b)\s*/i).filter(Boolean), paper, library);
  const subject = YES_NO.exec(question.trim());
  if (!subject) return reply;
  // The word after "does it" is what it is asked to do ("handle missing values", "use RL"), not what it is asked about.
  const verb = /^\s*([\p{L}-]+)\s+\S/u.exec(question.trim().slice(subject[0].length))?.[1]?.toLowerCase();
  const named = await library.wordsAsked(paper, question);
  const [rarest] = named.filter((entry) => !ANSWERED_APART.test(entry.word) && entry.word !== verb);
  if (!rarest) return reply;
  // Said as the question wrote it: "RL", "fine-tuning", not "rl", "tuning".
  const written = new RegExp(String.raw`(?:[\p{L}\p{N}]+-)*[\p{L}\p{N}]*${rarest.word}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*`, "iu").exec(question)?.[0] ?? rarest.word;
  if (!rarest.written) return { ...reply, text: `Its abstract does not mention *${escapeMarkdown(written)}*.\n\n${reply.text}` };
  // "is that one about speculative decoding?" of a paper that writes it: said so before the sentence, which alone read as
  // a search's answer. The phrase is the rarest word with the written words beside it ("missing values", not "missing").
  const held = new Set(named.filter((entry) => entry.written && entry.word !== verb && !ANSWERED_APART.test(entry.word)).map((entry) => entry.word));
  const said = question.trim().split(/\s+/).map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
  const at = said.findIndex((word) => word.toLowerCase() === rarest.word);
  if (at < 0) return reply;
  let [start, end] = [at, at];
  while (start > 0 && held.has(said[start - 1]!.toLowerCase())) start--;
  while (end < said.length - 1 && held.has(said[end + 1]!.toLowerCase())) end++;
  return { ...reply, text: `Its abstract mentions *${escapeMarkdown(said.slice(start, end + 1).join(" "))}*:\n\n${reply.text}` };
}

/**
 * "what dataset does it use?" of a paper whose abstract names none: said first ("Its abstract names no *dataset*."),
 * before the sentences that come closest; they had read as the answer.
 */
async function withUnnamed(reply: Reply, question: string, kinds: string[], paper: StoredPaper, library: Library): Promise<Reply> {
  const named = await library.wordsAsked(paper, question);
  const unnamed = kinds.filter((kind) => {
    // Only a kind of named thing: "what accuracy does it reach?" asks a figure, which no abstract calls "accuracy" to
    // give; nor does one name a "learning rate" (of "what learning rate and GPU …?", only the GPU is checked).
    if (ANSWERED_APART.test(kind.toLowerCase()) || !NAMED_KINDS.test(kind.toLowerCase())) return false;
    // "what benchmark does ProxylessNAS evaluate on?": "experiments on CIFAR-10 and ImageNet" names them without the word.
    if (/^(?:datasets?|benchmarks?)$/i.test(kind) && namesTestedOn(paper.abstract)) return false;
    const entry = named.find((asked) => asked.word === kind.toLowerCase());
    return entry !== undefined && !entry.written;
  });
  if (unnamed.length === 0) return reply;
  return { ...reply, text: `Its abstract names no ${unnamed.map((kind) => `*${escapeMarkdown(kind.replace(/s$/i, ""))}*`).join(" or ")}.\n\n${reply.text}` };
}
