import type { Logger } from "pino";
import type { Answerer } from "../answer/answerer.ts";
import { escapeMarkdown } from "../answer/extractive.ts";
import { listedAt, standaloneReference } from "../answer/list-positions.ts";
import { lookupMiss, noMatch } from "../answer/lookup-miss.ts";
import type { Library } from "../library/library.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import type { ChatRequest } from "./request.ts";
import { cardOf, type ChatResponse, type PaperCard } from "./response.ts";

/** Threads whose last offered choice is remembered; the oldest is forgotten first. */
const REMEMBERED_THREADS = 1_000;

/** What picking from a choice does: open the paper's card, or list papers like it (a choice `similar` offered). */
type Then = "paper" | "similar";
type Choice = { papers: PaperCard[]; then: Then };

/**
 * Looking a paper up in chat: its card when the name is clear; a numbered
 * choice when several papers fit, where a bare "2" in the thread then picks
 * the second; "not in the library" with the closest papers; a search, said
 * as such, when the request describes a paper instead of naming it; and the
 * papers most like a named one, offered the same choice when the name is
 * ambiguous. A button names its paper by id instead, and "similar 2" names
 * one from the list the thread shows.
 */
export class PaperRequests {
  readonly #library: Library;
  readonly #answerer: Answerer;
  readonly #choices = new Map<string, Choice>();

  constructor(library: Library, answerer: Answerer) {
    this.#library = library;
    this.#answerer = answerer;
  }

  /** What a bare number picks from the choice just offered in this thread, if it is one: the paper's card, or papers like it. */
  async pick(request: ChatRequest): Promise<ChatResponse | undefined> {
    const choice = this.#choices.get(request.thread);
    const reference = choice && standaloneReference(request.text);
    if (!choice || reference === undefined) return undefined;
    const card = listedAt(choice.papers, reference);
    if (!card) return { kind: "text", markdown: `Pick a number from 1 to ${choice.papers.length}.`, forAskerOnly: true };
    this.#choices.delete(request.thread);
    if (choice.then === "paper") {
      const listed = (await Promise.all(choice.papers.map((paper) => this.#library.paper(paper.id)))).filter((paper): paper is StoredPaper => paper !== undefined);
      const opened = listed.find((paper) => paper.id === card.id);
      if (opened) this.#answerer.shown(request.thread, request.text, listed, opened);
      return { kind: "paper", paper: card };
    }
    const paper = await this.#library.paper(card.id);
    return paper ? { kind: "answer", reply: await this.#answerer.similar(paper, { thread: request.thread }) } : gone();
  }

  /** A later list in the thread (an answer's citations) is what a number refers to now, not an older choice. */
  forget(thread: string): void {
    this.#choices.delete(thread);
  }

  async lookUp(request: ChatRequest, logger: Logger, onPartial?: (markdown: string) => void): Promise<ChatResponse> {
    const named = await this.#named(request);
    if (named) return "kind" in named ? named : { kind: "paper", paper: cardOf(named) };
    const found = await this.#library.lookup(request.text);
    if (found.match) {
      this.#answerer.shown(request.thread, request.text, [found.match], found.match);
      return { kind: "paper", paper: cardOf(found.match) };
    }
    if (found.alternatives.length > 0) {
      this.#answerer.shown(request.thread, request.text, found.alternatives);
      return this.#offer(request.thread, { kind: "choose", query: request.text, papers: found.alternatives.map(cardOf), ...(found.unshown && { unshown: found.unshown }) });
    }
    if (found.description) {
      const reply = await this.#answerer.ask(request.text, { thread: request.thread, logger, ...(onPartial && { onPartial }) });
      return { kind: "answer", reply: { ...reply, notes: ["That reads like a description rather than a paper's name, so I searched for it.", ...reply.notes] } };
    }
    return this.#notInLibrary(request, found.closest, "paper");
  }

  /** Papers like the named one (or the button's, or the listed one "similar 2" names), by the same core call as `paperbot similar`. */
  async similar(request: ChatRequest): Promise<ChatResponse> {
    let paper = await this.#named(request);
    if (paper && "kind" in paper) return paper;
    if (!paper) {
      const found = await this.#library.lookup(request.text);
      if (found.alternatives.length > 0 && !found.match) return this.#offer(request.thread, { kind: "choose", query: request.text, papers: found.alternatives.map(cardOf), action: "similar", ...(found.unshown && { unshown: found.unshown }) });
      if (!found.match) return this.#notInLibrary(request, found.closest, "similar");
      paper = found.match;
    }
    this.#choices.delete(request.thread);
    return { kind: "answer", reply: await this.#answerer.similar(paper, { thread: request.thread }) };
  }

  /** The paper a button names by id, or a number names from the thread's list; a reply saying why not when neither is there any more. */
  async #named(request: ChatRequest): Promise<StoredPaper | ChatResponse | undefined> {
    if (request.paperId) return (await this.#library.paper(request.paperId)) ?? gone();
    const reference = standaloneReference(request.text);
    if (reference === undefined) return undefined;
    const listed = this.#choices.get(request.thread)?.papers ?? this.#answerer.listed(request.thread);
    if (listed.length === 0) return { kind: "text", markdown: "There is no numbered list here to pick from. Give the paper's name instead, for example `paper PyramidKV`.", forAskerOnly: true };
    const picked = listedAt(listed, reference);
    if (!picked) return { kind: "text", markdown: `Pick a number from 1 to ${listed.length}.`, forAskerOnly: true };
    return (await this.#library.paper(picked.id)) ?? gone();
  }

  #notInLibrary(request: ChatRequest, closestPapers: StoredPaper[], then: Then): ChatResponse {
    const consequence = then === "similar" ? ", so I cannot look for papers like it" : "";
    if (closestPapers.length === 0) {
      return { kind: "text", markdown: noMatch(`*${escapeMarkdown(request.text)}*`, request.text, consequence) };
    }
    const { headline, papers, inTitles } = lookupMiss(`*${escapeMarkdown(request.text)}*`, request.text, closestPapers, consequence);
    const offered = papers.map(cardOf);
    this.#remember(request.thread, { papers: offered, then });
    const lines = offered.map((paper, index) => `${index + 1}. [${escapeMarkdown(paper.title)}](${paper.url})`);
    const how = then === "similar" ? "reply with a number for papers like one of them" : "reply with a number to see one";
    return { kind: "text", markdown: `${headline}${inTitles ? "" : ". Closest"} (${how}):\n${lines.join("\n")}` };
  }

  #offer(thread: string, response: Extract<ChatResponse, { kind: "choose" }>): ChatResponse {
    this.#remember(thread, { papers: response.papers, then: response.action ?? "paper" });
    return response;
  }

  #remember(thread: string, choice: Choice): void {
    this.#choices.delete(thread);
    this.#choices.set(thread, choice);
    if (this.#choices.size > REMEMBERED_THREADS) this.#choices.delete(this.#choices.keys().next().value!);
  }
}

/** A button pressed after the library dropped its paper (a rebuild): nothing to show, and what to do instead. */
function gone(): ChatResponse {
  return { kind: "text", markdown: "That paper is no longer in the library (it may have been rebuilt since). Ask again by name, for example `paper <title>`.", forAskerOnly: true };
}
