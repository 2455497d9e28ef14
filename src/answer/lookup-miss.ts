/**
 * What a lookup that found no paper says. When the closest papers' titles
 * contain the name asked for ("BitNet" in "1-bit AI Infra: … BitNet b1.58
 * Inference on CPUs"), the thing is in the library, just not as a paper of
 * that name: "is not in the library" would be false, so the reply says no
 * paper is titled that and lists the ones with it in their titles.
 */

import { parseArxivId } from "../papers/arxiv-id.ts";
import { escapeMarkdown } from "./extractive.ts";
import type { Reply } from "./reply.ts";

function words(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
}

/** The papers whose titles contain `name` as whole words, framing ("the … paper") aside. */
export function titlesMentioning<T extends { title: string }>(name: string, papers: T[]): T[] {
  const asked = words(name).replace(/^ the /, " ").replace(/ (?:paper|papers|method|model)s? $/, " ");
  if (asked.trim() === "") return [];
  return papers.filter((paper) => words(paper.title).includes(asked));
}

/**
 * The headline of a miss and the papers listed under it: the ones that
 * mention the name when there are any, the closest otherwise. `quoted` is
 * the name as the surface shows it (in quotes, in italics); `consequence`
 * says what could not be done (", so I cannot look for papers like it");
 * `inTitles`: the papers listed have the name in their titles (not "closest").
 */
export function lookupMiss<T extends { title: string }>(quoted: string, name: string, closest: T[], consequence = ""): { headline: string; papers: T[]; inTitles: boolean } {
  const mentioning = titlesMentioning(name, closest);
  if (mentioning.length > 0) return { headline: `No paper is titled ${quoted}${consequence}; ${mentioning.length === 1 ? "this one has it in its title" : "these have it in their titles"}`, papers: mentioning, inTitles: true };
  return { headline: `${quoted} is not in the library${consequence}`, papers: closest, inTitles: false };
}

/**
 * A lookup that matched nothing and found nothing close. After an arXiv
 * id, "try its arXiv id" would go in circles: papers read from saved pages
 * often have none, so the title is what to try.
 */
export function noMatch(quoted: string, name: string, consequence = ""): string {
  const id = parseArxivId(name);
  if (id) return `No paper in the library has the arXiv id ${id}${consequence}. Papers read from saved pages often have no id: try its title or short name instead.`;
  return `No paper in the library matches ${quoted}${consequence}. Try its full title, a distinctive part of it, or its arXiv id.`;
}

/**
 * A message that reads as a pasted title no paper has ("Attention Is All
 * You Need"): the reply says so first, so the papers on its words that
 * follow are not taken for that paper.
 */
export function withTitleMiss(reply: Reply, title: string, closest: { title: string }[] = []): Reply {
  const titled = `No paper in the library is titled **${escapeMarkdown(title)}**`;
  // "Attention Is All You Need": a paper with it in its title ("TransMLA: … Attention Is All You Need") is named, as the
  // lookup names it, and what follows is on the title's words, not on "your question".
  // (Not one the answer lists anyway: "ConvNeXt" is answered with "InceptionNeXt: When Inception Meets ConvNeXt" first.)
  const holding = titlesMentioning(title, closest).filter((paper) => !reply.citations.some((citation) => citation.title === paper.title));
  if (holding.length > 0) {
    const has = holding.length === 1 ? `**${escapeMarkdown(holding[0]!.title)}** has it in its title` : `${holding.map((paper) => `**${escapeMarkdown(paper.title)}**`).join(", ")} have it in their titles`;
    return { ...reply, text: `${titled}; ${has}.\n\n${reply.text.replace(/ your question\b/, " its words")}` };
  }
  // "BERT paper?": one sentence, not two in a row opening "No paper in the library is …".
  const about = /^No paper in the library is about (.+?), but (this one mentions|these mention) it/.exec(reply.text);
  const sameName = about && about[1]!.replace(/\*\*/g, "").toLowerCase() === escapeMarkdown(title).toLowerCase();
  if (about) return { ...reply, text: `${sameName ? `No paper in the library is titled or about **${escapeMarkdown(title)}**` : `${titled}, and none is about ${about[1]}`}, but ${about[2]} it${reply.text.slice(about[0].length)}` };
  return { ...reply, text: `${titled}.\n\n${reply.text}` };
}

/** "Papers like X" for an X the library lacks: said first, so the papers on X's name that follow are not taken for papers like it. */
export function withExampleMiss(reply: Reply, name: string): Reply {
  // Nothing on its name either: the papers that follow are only the closest ("Nothing covers GPTQ" after it had been said missing read as a second refusal).
  const instead = reply.found ? "; these are on its name instead" : "";
  return { ...reply, text: `**${escapeMarkdown(name)}** is not in the library, so I cannot look for papers like it${instead}.\n\n${reply.text}` };
}
