import type OpenAI from "openai";
import { z } from "zod";
import type { LlmConfig } from "../config.ts";
import { LlmRetrievalAssist, type RetrievalAssist } from "../search/llm-assist.ts";
import { PaperbotError } from "../errors.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import type { AskContext, EvidenceWriter } from "./answerer.ts";
import { guardCitations } from "./citation-guard.ts";
import { answerMessages, CANNOT_ANSWER } from "./prompt.ts";
import type { Reply } from "./reply.ts";

const ModelAnswer = z.string().trim().min(1, "the model returned an empty answer").max(8_000, "the model's answer is implausibly long");

/**
 * Answers with any OpenAI-compatible chat model, streaming the text as it
 * comes. The SDK retries 429s (honouring Retry-After), 5xx and timeouts a
 * bounded number of times; a stream that stalls is abandoned after the
 * timeout. Whatever fails is thrown, and the answerer falls back.
 */
export class LlmWriter implements EvidenceWriter {
  readonly #client: OpenAI;
  readonly #config: LlmConfig;
  readonly #stream: boolean;
  /** Rewrite and grading with the same model, when `config.retrieval` asks for them. */
  readonly retrieval?: RetrievalAssist;

  /** `stream: false` is for servers or proxies that cannot stream; the answer then arrives whole. */
  constructor(client: OpenAI, config: LlmConfig, options: { stream?: boolean } = {}) {
    this.#client = client;
    this.#config = config;
    this.#stream = options.stream ?? true;
    if (config.retrieval) this.retrieval = new LlmRetrievalAssist(client, { model: config.model, timeoutMs: config.retrieval.timeoutMs });
  }

  async write(question: string, evidence: StoredPaper[], context: AskContext & { history: string[] }): Promise<Reply | "cannot-answer"> {
    const onPartial = context.onPartial && guardedPartials((text) => guardCitations(text, evidence, question).text, context.onPartial);
    const raw = await this.#complete(answerMessages(question, evidence, context.history), onPartial);
    const parsed = ModelAnswer.safeParse(raw);
    if (!parsed.success) throw new PaperbotError("LLM_FAILED", `Invalid model output: ${parsed.error.issues[0]?.message}`);
    const answer = parsed.data;
    if (answer.includes(CANNOT_ANSWER) || answer.startsWith(CANNOT_ANSWER.slice(0, 24))) return "cannot-answer";
    const guarded = guardCitations(answer, evidence, question);
    if (guarded.citations.length === 0) throw new PaperbotError("LLM_FAILED", "The model's answer cites none of the papers");
    const { stripped, rewritten, attributed, dropped } = guarded;
    context.logger?.debug({ stripped, rewritten, attributed, dropped }, "citation guard");
    return { text: guarded.text, citations: guarded.citations, found: true, closest: [], notes: [] };
  }

  async #complete(messages: ReturnType<typeof answerMessages>, onPartial?: (text: string) => void): Promise<string> {
    const controller = new AbortController();
    let idle: NodeJS.Timeout | undefined;
    const armIdleTimer = () => {
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(new Error(`no data from the model for ${this.#config.timeoutMs} ms`)), this.#config.timeoutMs);
    };
    try {
      armIdleTimer();
      const request = { model: this.#config.model, messages, temperature: 0.2 };
      if (!this.#stream) {
        const completion = await this.#client.chat.completions.create({ ...request, stream: false }, { signal: controller.signal });
        return completion.choices[0]?.message.content ?? "";
      }
      const stream = await this.#client.chat.completions.create({ ...request, stream: true }, { signal: controller.signal });
      let text = "";
      for await (const chunk of stream) {
        armIdleTimer();
        const delta = chunk.choices[0]?.delta?.content ?? "";
        if (!delta) continue;
        text += delta;
        onPartial?.(text);
      }
      return text;
    } catch (cause) {
      throw new PaperbotError("LLM_FAILED", `The language model failed: ${(cause as Error).message}`, { cause });
    } finally {
      clearTimeout(idle);
    }
  }
}

/**
 * The answer so far is shown to users while it streams, so it passes the
 * same guard as the final answer: only whole sentences are shown, each
 * guarded, and an unsupported one never appears, not even for a moment.
 * The guard runs once per completed sentence, not once per token.
 */
function guardedPartials(guard: (text: string) => string, show: (text: string) => void): (text: string) => void {
  let shownUpTo = 0;
  let shown = "";
  return (text) => {
    const end = lastSentenceEnd(text);
    if (end <= shownUpTo) return;
    shownUpTo = end;
    const guarded = guard(text.slice(0, end));
    if (guarded && guarded !== shown) show((shown = guarded));
  };
}

/** Where the last complete sentence or line ends: after a newline, or after ". " and the like. */
function lastSentenceEnd(text: string): number {
  let end = text.lastIndexOf("\n") + 1;
  for (const match of text.matchAll(/[.!?]["')\]]*\s/g)) end = Math.max(end, match.index + match[0].length - 1);
  return end;
}
