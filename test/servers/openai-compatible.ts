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
export async function startOpenAICompatibleServer(options: { dims?: number } = {}) {
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
    sendJson(response, 404, { error: { message: `no route ${recorded.method} ${recorded.path}`, type: "invalid_request_error" } });
  });

  return {
    baseURL: `${http.url}/v1`,
    requests,
    /** Queue replies for the next requests, in order. */
    override(...next: Override[]) {
      overrides.push(...next);
    },
    close: http.close,
  };
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
