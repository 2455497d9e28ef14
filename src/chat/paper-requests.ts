import type { Logger } from "pino";
import type { Answerer } from "../answer/answerer.ts";
import { escapeMarkdown } from "../answer/extractive.ts";
import type { Library } from "../library/library.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import type { ChatRequest } from "./request.ts";
import { cardOf, type ChatResponse, type PaperCard } from "./response.ts";
import { similarReply } from "../answer/similar-reply.ts";

/** Threads whose last offered choice is remembered; the oldest is forgotten first. */
const REMEMBERED_THREADS = 1_000;
const ORDINALS: Record<string, number> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, fifth: 5, "5th": 5 };
/** "2", "#2", "no. 2", "the second one", "2nd": a reply that picks from the list just offered. */
const PICK = /^\s*(?:(?:#|no\.?|number)\s*)?(\d{1,2})\s*[.)]?\s*$|^\s*(?:the\s+)?(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)(?:\s+(?:one|paper))?\s*[.!]?\s*$/i;

/**
 * Looking a paper up in chat: its card when the name is clear; a numbered
 * choice when several papers fit, where a bare "2" in the thread then picks
 * the second; "not in the library" with the closest papers; a search, said
 * as such, when the request describes a paper instead of naming it; and the
 * papers most like a named one. A button names its paper by id instead.
 */
export class PaperRequests {
  readonly #library: Library;
  readonly #answerer: Answerer;
  readonly #choices = new Map<string, PaperCard[]>();

  constructor(library: Library, answerer: Answerer) {
    this.#library = library;
    this.#answerer = answerer;
  }

  /** The card of the paper a bare number picks from the choice just offered in this thread, if it is one. */
  pick(request: ChatRequest): ChatResponse | undefined {
    const choices = this.#choices.get(request.thread);
    const match = choices && PICK.exec(request.text);
    if (!choices || !match) return undefined;
    const index = match[1] ? Number(match[1]) : ORDINALS[match[2]!.toLowerCase()]!;
    const paper = choices[index - 1];
    if (!paper) return { kind: "text", markdown: `Pick a number from 1 to ${choices.length}.`, forAskerOnly: true };
    this.#choices.delete(request.thread);
    return { kind: "paper", paper };
  }

  /** A later list in the thread (an answer's citations) is what a number refers to now, not an older choice. */
  forget(thread: string): void {
    this.#choices.delete(thread);
  }

  async lookUp(request: ChatRequest, logger: Logger, onPartial?: (markdown: string) => void): Promise<ChatResponse> {
    if (request.paperId) {
      const paper = await this.#library.paper(request.paperId);
      return paper ? { kind: "paper", paper: cardOf(paper) } : gone();
    }
    const found = await this.#library.lookup(request.text);
    if (found.match) return { kind: "paper", paper: cardOf(found.match) };
    if (found.alternatives.length > 0) return this.#offer(request.thread, { kind: "choose", query: request.text, papers: found.alternatives.map(cardOf) });
    if (found.description) {
      const reply = await this.#answerer.ask(request.text, { thread: request.thread, logger, ...(onPartial && { onPartial }) });
      return { kind: "answer", reply: { ...reply, notes: ["That reads like a description rather than a paper's name, so I searched for it.", ...reply.notes] } };
    }
    return this.#notInLibrary(request, found.closest, "");
  }

  /** Papers like the named one (or the button's), by the same core call as `paperbot similar`. */
  async similar(request: ChatRequest): Promise<ChatResponse> {
    let name = request.text;
    if (request.paperId) {
      const paper = await this.#library.paper(request.paperId);
      if (!paper) return gone();
      // An arXiv id finds exactly its paper; a paper without one (id "t-…") is found by its exact title.
      name = paper.id.startsWith("t-") ? paper.title : paper.id;
    }
    const found = await this.#library.similar(name);
    if (!found.paper) return this.#notInLibrary(request, found.lookup.closest, ", so I cannot look for papers like it");
    const { reply, papers } = similarReply(found.paper, found.result);
    this.#remember(request.thread, papers.map(cardOf));
    return { kind: "answer", reply };
  }

  #notInLibrary(request: ChatRequest, closestPapers: StoredPaper[], consequence: string): ChatResponse {
    if (closestPapers.length === 0) {
      return { kind: "text", markdown: `No paper in the library matches *${escapeMarkdown(request.text)}*${consequence}. Try its full title, a distinctive part of it, or its arXiv id.` };
    }
    const closest = closestPapers.map(cardOf);
    this.#remember(request.thread, closest);
    const lines = closest.map((paper, index) => `${index + 1}. [${escapeMarkdown(paper.title)}](${paper.url})`);
    return { kind: "text", markdown: `*${escapeMarkdown(request.text)}* is not in the library${consequence}. Closest (reply with a number to see one):\n${lines.join("\n")}` };
  }

  #offer(thread: string, response: Extract<ChatResponse, { kind: "choose" }>): ChatResponse {
    this.#remember(thread, response.papers);
    return response;
  }

  #remember(thread: string, papers: PaperCard[]): void {
    this.#choices.delete(thread);
    this.#choices.set(thread, papers);
    if (this.#choices.size > REMEMBERED_THREADS) this.#choices.delete(this.#choices.keys().next().value!);
  }
}

/** A button pressed after the library dropped its paper (a rebuild): nothing to show, and what to do instead. */
function gone(): ChatResponse {
  return { kind: "text", markdown: "That paper is no longer in the library (it may have been rebuilt since). Ask again by name, for example `paper <title>`.", forAskerOnly: true };
}
