import type { PaperFilters, StoredPaper } from "../store/paper-store.ts";

/**
 * The search a thread's numbered list came from, so "more" can fetch its
 * next page: the question searched (or the paper a "papers like" list is
 * like), filters a follow-up added, and every paper shown from it so far.
 */
export type ListSource = { question: string; example?: string; filters?: PaperFilters; seen: string[] };

/**
 * One question and answer in a thread, as later questions may refer to it.
 * `papers` is the numbered list the thread shows now ("2" is its second);
 * a follow-up that opens one paper keeps the list it came from, and that
 * paper is its `focus`: what "it" means next ("papers like it"). `discussed`: the
 * papers a comparison or a question about several answered from, which "the
 * other one" picks among next. `closest`: the papers are the closest to a topic
 * nothing covered, which a number opens but "those" does not mean.
 */
export type Turn = { question: string; topic: string; filters: PaperFilters; papers: StoredPaper[]; answer: string; source?: ListSource; focus?: StoredPaper; discussed?: StoredPaper[]; closest?: true };

/** The paper "it" means in a thread: the one opened, or the only one listed. */
export function paperInView(turn: Turn | undefined): StoredPaper | undefined {
  return turn?.focus ?? (turn?.papers.length === 1 ? turn.papers[0] : undefined);
}

/** The topic a turn searched, when its list came from a search of it (not "papers like X", not a lookup): what "only 2025" or "how many are there?" asks again. */
export function searchedTopic(turn: Turn | undefined): string | undefined {
  return turn?.source && !turn.source.example && turn.topic ? turn.topic : undefined;
}

export type ConversationLimits = { maxTurns: number; ttlMs: number; maxThreads: number };

const DEFAULT_LIMITS: ConversationLimits = { maxTurns: 6, ttlMs: 2 * 60 * 60 * 1000, maxThreads: 1000 };

/**
 * What each thread has asked so far, so that "tell me more about the second
 * one" can be answered. Bounded per thread and in threads, and forgotten
 * after a quiet period: chat threads go stale, and memory must not grow.
 */
export class Conversations {
  readonly #threads = new Map<string, { turns: Turn[]; touched: number }>();
  readonly #limits: ConversationLimits;
  readonly #now: () => number;

  constructor(limits: Partial<ConversationLimits> = {}, now: () => number = Date.now) {
    this.#limits = { ...DEFAULT_LIMITS, ...limits };
    this.#now = now;
  }

  turns(thread: string | undefined): Turn[] {
    if (!thread) return [];
    const entry = this.#threads.get(thread);
    if (!entry) return [];
    if (this.#now() - entry.touched > this.#limits.ttlMs) {
      this.#threads.delete(thread);
      return [];
    }
    return entry.turns;
  }

  add(thread: string | undefined, turn: Turn): void {
    if (!thread) return;
    const turns = [...this.turns(thread), turn].slice(-this.#limits.maxTurns);
    // Re-inserting keeps the map in least-recently-used order for eviction.
    this.#threads.delete(thread);
    this.#threads.set(thread, { turns, touched: this.#now() });
    while (this.#threads.size > this.#limits.maxThreads) this.#threads.delete(this.#threads.keys().next().value!);
  }
}
