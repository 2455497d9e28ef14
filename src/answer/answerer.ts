import type { Logger } from "pino";
import type { Library } from "../library/library.ts";
import { assistedSearch, type RetrievalAssist } from "../search/llm-assist.ts";
import type { SearchHit, SearchResult } from "../search/search.ts";
import type { PaperFilters, StoredPaper } from "../store/paper-store.ts";
import { Conversations, type Turn } from "./conversations.ts";
import { escapeMarkdown, extractiveReply } from "./extractive.ts";
import { resolveFollowUp, type FollowUp } from "./follow-up.ts";
import { notFoundReply, outsideFiltersReply } from "./not-found.ts";
import { citationOf, type Reply } from "./reply.ts";
import { bestSentences } from "./sentences.ts";

export type AskContext = {
  /** Platform-neutral thread reference; questions in one thread share context. */
  thread?: string;
  today?: Date;
  /** Called with the answer so far while a language model writes it. */
  onPartial?: (text: string) => void;
  logger?: Logger;
};

/** Writes an answer from evidence; the LLM implementation lives in llm-answer.ts. */
export interface EvidenceWriter {
  /** The same model's help with retrieval, when it gives any (src/search/llm-assist.ts). */
  readonly retrieval?: RetrievalAssist;
  write(question: string, evidence: StoredPaper[], context: AskContext & { history: string[] }): Promise<Reply | "cannot-answer">;
}

/** The note the user sees whenever the model failed and the answer comes from the abstracts instead. */
export const MODEL_UNAVAILABLE = "The language model was unavailable, so this answer quotes the abstracts directly.";

/**
 * The bot's answering core: a question in, a cited platform-neutral reply
 * out. Uses the thread's earlier turns for follow-ups, says honestly when
 * the library has nothing, and falls back from the language model to the
 * extractive answer whenever the model fails.
 */
export class Answerer {
  readonly #library: Library;
  readonly #writer: EvidenceWriter | undefined;
  readonly #assist: RetrievalAssist | undefined;
  readonly #conversations: Conversations;

  /** `assist`: a language model's help with retrieval (rewrite and grading), by default the writer's; used only together with a writer. */
  constructor(library: Library, options: { writer?: EvidenceWriter; assist?: RetrievalAssist; conversations?: Conversations } = {}) {
    this.#library = library;
    this.#writer = options.writer;
    this.#assist = options.writer ? (options.assist ?? options.writer.retrieval) : undefined;
    this.#conversations = options.conversations ?? new Conversations();
  }

  async ask(question: string, context: AskContext = {}): Promise<Reply> {
    const today = context.today ?? new Date();
    const turns = this.#conversations.turns(context.thread);
    const followUp = resolveFollowUp(question, turns.at(-1), today);
    if (followUp?.kind === "order") return this.#remember(context, question, turns.at(-1)!.topic, {}, orderedReply(followUp), followUp.papers);
    if (followUp?.kind === "pick") {
      const reply = await this.#write(`Tell me more about "${followUp.paper.title}".`, [{ paper: followUp.paper, score: 1, relevant: true }], detailReply(followUp.paper), context, turns);
      return this.#remember(context, question, turns.at(-1)!.topic, {}, reply, [followUp.paper]);
    }

    const searched = followUp?.kind === "refine" ? followUp.question : question;
    const { result, modelFailed } = await this.#search(searched, today, context);
    const { topic, filters } = result.query;
    if (!result.relevant) {
      const reply = (await this.#outsideFilters(searched, today, topic, filters)) ?? (await this.#notFound(result));
      return this.#remember(context, question, topic, filters, reply, []);
    }
    const hits = result.results.filter((hit) => hit.relevant);
    const weights = await this.#library.termWeights(result.example ? `${result.example.title} ${topic}` : topic);
    const framing = result.named ? { named: result.named } : result.example ? { similarTo: result.example } : { unsure: result.verdict.decision === "unsure", missing: result.verdict.missing };
    const extractive = extractiveReply(topic, hits, weights, framing);
    // The model already failed on this question: answer offline at once rather than wait for it again.
    const reply = modelFailed
      ? withUnavailableNote(extractive)
      : await this.#write(searched, hits, extractive, context, turns, () => this.#notFound(result));
    return this.#remember(context, question, topic, filters, reply, hits.map((hit) => hit.paper));
  }

  /** Search, with the language model's rewrite and grades when it is configured. */
  async #search(question: string, today: Date, context: AskContext): Promise<{ result: SearchResult; modelFailed: boolean }> {
    if (!this.#assist) return { result: await this.#library.search(question, { today }), modelFailed: false };
    return assistedSearch((text, options) => this.#library.search(text, options), this.#assist, question, { today }, context.logger);
  }

  /** "Nothing in the library covers that", with what was searched and the closest papers. */
  async #notFound(result: SearchResult): Promise<Reply> {
    const { topic, filters } = result.query;
    return notFoundReply(topic, filters, await this.#library.coverage(filters), result.results);
  }

  /** When a constrained question finds nothing, whether the topic is covered outside the constraint. */
  async #outsideFilters(question: string, today: Date, topic: string, filters: PaperFilters): Promise<Reply | undefined> {
    if (!filters.from && !filters.to && filters.minUpvotes === undefined) return undefined;
    const unconstrained = await this.#library.search(question, { today, filters: { from: undefined, to: undefined, minUpvotes: undefined } });
    const onTopic = unconstrained.results.filter((hit) => hit.relevant);
    return unconstrained.verdict.decision === "yes" && onTopic.length > 0 ? outsideFiltersReply(topic, filters, onTopic) : undefined;
  }

  /** The language model's answer when one is configured and works; the extractive one otherwise. */
  async #write(question: string, hits: SearchHit[], extractive: Reply, context: AskContext, turns: Turn[], cannotAnswer?: () => Promise<Reply>): Promise<Reply> {
    if (!this.#writer) return extractive;
    const history = turns.flatMap((turn) => [`User: ${turn.question}`, `Assistant: ${turn.answer}`]);
    try {
      const written = await this.#writer.write(question, hits.map((hit) => hit.paper), { ...context, history });
      if (written !== "cannot-answer") return written;
      return cannotAnswer ? await cannotAnswer() : extractive;
    } catch (error) {
      context.logger?.warn({ err: error }, "language model failed; answering from the abstracts");
      return withUnavailableNote(extractive);
    }
  }

  #remember(context: AskContext, question: string, topic: string, filters: PaperFilters, reply: Reply, papers: StoredPaper[]): Reply {
    const cited = reply.citations.map((citation) => papers.find((paper) => paper.id === citation.id)).filter((paper): paper is StoredPaper => paper !== undefined);
    this.#conversations.add(context.thread, { question, topic, filters, papers: cited.length > 0 ? cited : papers, answer: reply.text });
    return reply;
  }
}

function withUnavailableNote(extractive: Reply): Reply {
  return { ...extractive, notes: [...extractive.notes, MODEL_UNAVAILABLE] };
}

function orderedReply(followUp: Extract<FollowUp, { kind: "order" }>): Reply {
  const key = (paper: StoredPaper) => (followUp.by === "upvotes" ? String(paper.upvotes).padStart(6, "0") : paper.publishedAt ?? "");
  const dated = followUp.by === "upvotes" ? followUp.papers : followUp.papers.filter((paper) => paper.publishedAt);
  if (dated.length === 0) return { text: "None of those papers shows a publication date in the library, so I cannot tell which is newest.", citations: [], found: true, closest: [], notes: [] };
  const sorted = [...dated].sort((a, b) => key(a).localeCompare(key(b)));
  if (followUp.by !== "oldest") sorted.reverse();
  const citations = sorted.map((paper, index) => citationOf(index + 1, paper));
  const describe = (paper: StoredPaper) => (followUp.by === "upvotes" ? `${paper.upvotes} upvotes` : `published ${paper.publishedAt}`);
  const label = { newest: "most recent", oldest: "oldest", upvotes: "most upvoted" }[followUp.by];
  const lines = sorted.map((paper, index) => `${index + 1}. **${escapeMarkdown(paper.title)}** [${index + 1}], ${describe(paper)}`);
  const undated = followUp.papers.length - dated.length;
  const tail = undated > 0 ? `\n\n(${undated} of them show no date in the library.)` : "";
  return { text: `The ${label} of those is **${escapeMarkdown(sorted[0]!.title)}** [1], ${describe(sorted[0]!)}.\n\n${lines.join("\n")}${tail}`, citations, found: true, closest: [], notes: [] };
}

function detailReply(paper: StoredPaper): Reply {
  const sentences = bestSentences(paper.abstract, new Map(), 4);
  const meta = [paper.publishedAt && `published ${paper.publishedAt}`, paper.upvotes > 0 && `${paper.upvotes} upvotes`, paper.authors?.join(", ") ?? paper.organization].filter(Boolean).join(", ");
  return { text: `**${escapeMarkdown(paper.title)}** [1]${meta ? ` (${meta})` : ""}: ${sentences.join(" ")}`, citations: [citationOf(1, paper)], found: true, closest: [], notes: [] };
}
