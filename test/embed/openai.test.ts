import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbedder } from "../../src/embed/create.ts";
import { startOpenAICompatibleServer, errorReply } from "../servers/openai-compatible.ts";
import { embedderContract } from "./embedder.case.ts";

let server: Awaited<ReturnType<typeof startOpenAICompatibleServer>>;
beforeAll(async () => {
  server = await startOpenAICompatibleServer({ dims: 48 });
});
afterAll(() => server.close());

const create = (overrides: { dimensions?: number; batchSize?: number; model?: string } = {}) =>
  createEmbedder({
    embedder: { kind: "openai", model: overrides.model ?? "nomic-embed-text", batchSize: overrides.batchSize ?? 256, ...(overrides.dimensions && { dimensions: overrides.dimensions }) },
    openai: { apiKey: "sk-test", baseURL: server.baseURL, timeoutMs: 5_000, maxRetries: 2 },
  });

embedderContract("OpenAI-compatible server", () => create());

describe("OpenAI-compatible embedder", () => {
  it("learns an unknown model's size from one probe request", async () => {
    server.requests.length = 0;
    const embedder = await create();
    expect(embedder.dims).toBe(48);
    expect(embedder.id).toBe("openai:nomic-embed-text");
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe("Bearer sk-test");
  });

  it("asks for the configured dimensions and sends documents in batches", async () => {
    const embedder = await create({ dimensions: 32, batchSize: 2 });
    server.requests.length = 0;
    const vectors = await embedder.embedDocuments(["one", "two", "three", "four", "five"]);
    expect(vectors.map((vector) => vector.length)).toEqual([32, 32, 32, 32, 32]);
    expect(server.requests.map((request) => request.body.input.length)).toEqual([2, 2, 1]);
    expect(server.requests.every((request) => request.body.dimensions === 32)).toBe(true);
  });

  it("retries a 429 that names a Retry-After, then succeeds", async () => {
    const embedder = await create({ dimensions: 16 });
    server.requests.length = 0;
    server.override(errorReply(429, { "retry-after": "0" }), errorReply(503));
    const [vector] = await embedder.embedDocuments(["retry me"]);
    expect(vector).toHaveLength(16);
    expect(server.requests).toHaveLength(3);
  });

  it("says which setting to check when the server keeps failing", async () => {
    const embedder = await create({ dimensions: 16 });
    server.override(errorReply(500), errorReply(500), errorReply(500));
    await expect(embedder.embedQuery("fails")).rejects.toMatchObject({ code: "EMBEDDER_FAILED", message: expect.stringMatching(/OPENAI_BASE_URL/) });
  });
});
