import type { ServerResponse } from "node:http";
import { LocalHashingEmbedder } from "../../src/embed/local-hashing.ts";
import { sendJson, startHttpServer } from "./http.ts";

export type RecordedRequest = { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: any };

/** Replaces the default reply to one request; return true when it has answered. */
export type Override = (request: RecordedRequest, response: ServerResponse) => boolean | Promise<boolean>;

/**
 * An OpenAI-compatible server on 127.0.0.1, speaking the wire format the
 * `openai` SDK expects. Embeddings are real (the offline embedder folded to
 * `dims`), so retrieval through it behaves sensibly.
 */
export async function startOpenAICompatibleServer(options: { dims?: number; answer?: (body: ChatBody) => string } = {}) {
  const dims = options.dims ?? 64;
  const local = new LocalHashingEmbedder();
  const requests: RecordedRequest[] = [];
  const overrides: Override[] = [];

  const http = await startHttpServer(async (request, rawBody, response) => {
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      path: (request.url ?? "/").split("?")[0]!,
      headers: request.headers,
      body: rawBody ? JSON.parse(rawBody) : undefined,
    };
    requests.push(recorded);
    const override = overrides.shift();
    if (override && (await override(recorded, response))) return;

    if (recorded.method === "POST" && recorded.path === "/v1/embeddings") {
      const input: string[] = Array.isArray(recorded.body.input) ? recorded.body.input : [recorded.body.input];
      const vectors = await local.embedDocuments(input);
      const size = recorded.body.dimensions ?? dims;
      return sendJson(response, 200, {
        object: "list",
        model: recorded.body.model,
        data: vectors.map((vector, index) => ({ object: "embedding", index, embedding: fold(vector, size) })),
        usage: { prompt_tokens: input.length, total_tokens: input.length },
      });
    }
    if (recorded.method === "POST" && recorded.path === "/v1/chat/completions") {
      // Rewrite and grading requests get a neutral JSON reply (nothing added, nothing graded), so retrieval stays the offline one.
      const neutral = isRewriteRequest(recorded.body) ? '{"terms":[],"facets":[]}' : isGradeRequest(recorded.body) ? '{"grades":[]}' : undefined;
      return sendCompletion(response, recorded.body, neutral ?? options.answer?.(recorded.body) ?? citingAnswer(recorded.body));
    }
    sendJson(response, 404, { error: { message: `no route ${recorded.method} ${recorded.path}`, type: "invalid_request_error" } });
  });

  return {
    baseURL: `${http.url}/v1`,
    requests,
    /** Queue replies for the next requests, in order. */
    override(...next: Override[]) {
      overrides.push(...next);
    },
    /** Forget requests and unused overrides, so one test's leftovers cannot answer the next. */
    reset() {
      requests.length = 0;
      overrides.length = 0;
    },
    close: http.close,
  };
}

type ChatBody = { model: string; stream?: boolean; response_format?: { type: string }; messages: { role: string; content: string }[] };

/** A well-behaved model: quotes the first sentence of the first two abstracts in the evidence, citing each. */
export function citingAnswer(body: ChatBody): string {
  const user = body.messages.find((message) => message.role === "user")?.content ?? "";
  const abstracts = [...user.matchAll(/^\[(\d+)\] .*\nAbstract: (.*)$/gm)].slice(0, 2);
  if (abstracts.length === 0) return "I cannot answer this from the papers in the library.";
  return abstracts.map(([, n, abstract]) => `${abstract!.split(/(?<=\.)\s/)[0]} [${n}]`).join("\n");
}

/** Answers as OpenAI does: one JSON completion, or server-sent chunks when `stream` is set. */
export function sendCompletion(response: ServerResponse, body: ChatBody, text: string): void {
  const base = { id: "chatcmpl-test", created: 1_700_000_000, model: body.model };
  if (!body.stream) {
    return sendJson(response, 200, {
      ...base,
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  }
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const chunk = (delta: object, finish: string | null) => `data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  response.write(chunk({ role: "assistant", content: "" }, null));
  for (const piece of text.match(/.{1,12}/gs) ?? []) response.write(chunk({ content: piece }, null));
  response.write(chunk({}, "stop"));
  response.end("data: [DONE]\n\n");
}

/** Reply to the next chat request with this text instead of the default answer. */
export function answerWith(text: string): Override {
  return (request, response) => {
    sendCompletion(response, request.body, text);
    return true;
  };
}

/** Stream the default answer slowly, a piece every `delayMs`, as a real model does. */
export function slowStream(delayMs: number): Override {
  return async (request, response) => {
    const text = citingAnswer(request.body);
    const base = { id: "chatcmpl-slow", object: "chat.completion.chunk", created: 0, model: request.body.model };
    response.writeHead(200, { "content-type": "text/event-stream" });
    for (const piece of text.match(/.{1,40}/gs) ?? []) {
      response.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    response.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`);
    response.end("data: [DONE]\n\n");
    return true;
  };
}

/** Start a stream, send a few words, then go silent without closing. */
export function stallMidStream(): Override {
  return (request, response) => {
    response.writeHead(200, { "content-type": "text/event-stream" });
    response.write(`data: ${JSON.stringify({ id: "x", object: "chat.completion.chunk", created: 0, model: request.body.model, choices: [{ index: 0, delta: { content: "Partial " }, finish_reason: null }] })}\n\n`);
    return true;
  };
}

/** Accept the request and never answer. */
export function hang(): Override {
  return () => true;
}

function fold(vector: number[], size: number): number[] {
  const folded = new Array<number>(size).fill(0);
  vector.forEach((value, index) => (folded[index % size]! += value));
  const norm = Math.hypot(...folded) || 1;
  return folded.map((value) => value / norm);
}

export function errorReply(status: number, headers: Record<string, string> = {}): Override {
  return (_request, response) => {
    sendJson(response, status, { error: { message: `scripted ${status}`, type: "server_error" } }, headers);
    return true;
  };
}

/** LLM-assisted retrieval (src/search/llm-*.ts): the rewrite and grading requests, told apart by their system prompts. */
export function isRewriteRequest(body: ChatBody | undefined): boolean {
  return body?.response_format?.type === "json_object" && /rewrite a user's question/.test(body.messages[0]?.content ?? "");
}

export function isGradeRequest(body: ChatBody | undefined): boolean {
  return body?.response_format?.type === "json_object" && /You grade search results/.test(body.messages[0]?.content ?? "");
}

/** The numbered candidates a grading request lists: number and title. */
export function gradeCandidatesIn(body: ChatBody): { n: number; title: string }[] {
  const user = body.messages.find((message) => message.role === "user")?.content ?? "";
  return [...user.matchAll(/^\[(\d+)\] (.*)$/gm)].map(([, n, title]) => ({ n: Number(n), title: title! }));
}

/** Reply to the next request with this JSON (for a rewrite or a grading request). */
export function jsonWith(value: unknown): Override {
  return answerWith(JSON.stringify(value));
}

/** Grade the listed candidates: `relevant` says per candidate, `undefined` leaves it ungraded. */
export function gradeWith(relevant: (candidate: { n: number; title: string }) => boolean | undefined): Override {
  return (request, response) => {
    const grades = gradeCandidatesIn(request.body).flatMap((candidate) => {
      const grade = relevant(candidate);
      return grade === undefined ? [] : [{ n: candidate.n, relevant: grade }];
    });
    sendCompletion(response, request.body, JSON.stringify({ grades }));
    return true;
  };
}

/** A refusal, as OpenAI's structured outputs report one: no content, a `refusal` message. */
export function refuse(): Override {
  return (request, response) => {
    sendJson(response, 200, {
      id: "chatcmpl-refusal", object: "chat.completion", created: 0, model: request.body.model,
      choices: [{ index: 0, message: { role: "assistant", content: null, refusal: "I'm sorry, I can't help with that." }, finish_reason: "stop" }],
    });
    return true;
  };
}

/** A reply cut off by the token limit: half a JSON object and `finish_reason: "length"`. */
export function truncated(): Override {
  return (request, response) => {
    sendJson(response, 200, {
      id: "chatcmpl-length", object: "chat.completion", created: 0, model: request.body.model,
      choices: [{ index: 0, message: { role: "assistant", content: '{"terms": ["kv cache", "mem' }, finish_reason: "length" }],
    });
    return true;
  };
}

/** Answer correctly, but only after `delayMs`. */
export function slowly(delayMs: number, next: Override): Override {
  return async (request, response) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (response.destroyed) return true;
    return next(request, response);
  };
}
