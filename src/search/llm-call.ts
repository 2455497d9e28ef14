import type OpenAI from "openai";
import type { z } from "zod";
import { PaperbotError } from "../errors.ts";

/** Why a model step before the answer failed; logged, and every one of them sends the question down the offline path. */
export type LlmStepFailure = "timeout" | "http" | "refused" | "truncated" | "empty" | "malformed";

export class LlmStepError extends PaperbotError {
  readonly step: string;
  readonly reason: LlmStepFailure;

  constructor(step: string, reason: LlmStepFailure, detail: string, options?: { cause?: unknown }) {
    super("LLM_FAILED", `The language model's ${step} failed (${reason}): ${detail}`, options);
    this.name = "LlmStepError";
    this.step = step;
    this.reason = reason;
  }
}

export type ChatMessage = { role: "system" | "user"; content: string };

/** What a step needs to reach the model: the client and the model's name, nothing of the configuration besides. */
export type StepModel = { client: OpenAI; model: string; timeoutMs: number };

/**
 * One JSON-mode chat completion, validated by `schema`. No SDK retries:
 * the question has a budget of one call per step, and a retry after a
 * timeout would double the wait before the offline answer. A refusal, a
 * reply cut off by the token limit, or JSON in the wrong shape is a failure
 * like any HTTP error.
 */
export async function structuredCall<T>(step: string, model: StepModel, messages: ChatMessage[], schema: z.ZodType<T>): Promise<T> {
  const controller = new AbortController();
  // The SDK's own timeout covers the connection; this one also covers a body that trickles in forever.
  const timer = setTimeout(() => controller.abort(), model.timeoutMs);
  let completion: OpenAI.Chat.Completions.ChatCompletion;
  try {
    completion = await model.client.chat.completions.create(
      { model: model.model, messages, temperature: 0, response_format: { type: "json_object" }, stream: false },
      { signal: controller.signal, timeout: model.timeoutMs, maxRetries: 0 },
    );
  } catch (cause) {
    const timedOut = controller.signal.aborted || (cause as Error).name === "APIConnectionTimeoutError";
    throw new LlmStepError(step, timedOut ? "timeout" : "http", timedOut ? `no answer within ${model.timeoutMs} ms` : (cause as Error).message, { cause });
  } finally {
    clearTimeout(timer);
  }
  const choice = completion.choices?.[0];
  if (choice?.message?.refusal) throw new LlmStepError(step, "refused", choice.message.refusal);
  if (choice?.finish_reason === "length") throw new LlmStepError(step, "truncated", "the reply hit the token limit");
  if (choice?.finish_reason === "content_filter") throw new LlmStepError(step, "refused", "the reply was withheld by a content filter");
  const text = choice?.message?.content?.trim();
  if (!text) throw new LlmStepError(step, "empty", "the reply was empty");
  let json: unknown;
  try {
    // Some local models wrap JSON in a Markdown fence even in JSON mode.
    json = JSON.parse(text.replace(/^```(?:json)?\s*|\s*```$/g, ""));
  } catch (cause) {
    throw new LlmStepError(step, "malformed", `not JSON: ${text.slice(0, 80)}`, { cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new LlmStepError(step, "malformed", `unexpected shape: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
