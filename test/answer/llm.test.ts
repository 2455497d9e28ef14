import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Answerer } from "../../src/answer/answerer.ts";
import { LlmWriter } from "../../src/answer/llm-writer.ts";
import { CANNOT_ANSWER } from "../../src/answer/prompt.ts";
import { createOpenAIClient } from "../../src/embed/create.ts";
import type { Library } from "../../src/library/library.ts";
import { TODAY, useSampleLibrary } from "../helpers/library.ts";
import { answerWith, errorReply, hang, stallMidStream, startOpenAICompatibleServer } from "../servers/openai-compatible.ts";

const samples = useSampleLibrary();
let library: Library;
let server: Awaited<ReturnType<typeof startOpenAICompatibleServer>>;

beforeAll(async () => {
  library = samples();
  server = await startOpenAICompatibleServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

function answerer(options: { stream?: boolean; timeoutMs?: number; maxRetries?: number } = {}) {
  const client = createOpenAIClient({ apiKey: "sk-test", baseURL: server.baseURL, timeoutMs: options.timeoutMs ?? 2_000, maxRetries: options.maxRetries ?? 2 });
  return new Answerer(library, { writer: new LlmWriter(client, { model: "test-model", timeoutMs: options.timeoutMs ?? 2_000 }, { stream: options.stream ?? true }) });
}

const ask = (question: string, options?: Parameters<typeof answerer>[0]) => answerer(options).ask(question, { today: TODAY });

describe("answers written by an OpenAI-compatible model", () => {
  it("streams a cited answer, calling back with the text so far", async () => {
    const partials: string[] = [];
    const reply = await answerer().ask("which papers cover KV cache compression?", { today: TODAY, onPartial: (text) => partials.push(text) });
    expect(reply.found).toBe(true);
    expect(reply.notes).toEqual([]);
    expect(reply.citations.map((citation) => citation.n)).toEqual([1, 2]);
    expect(reply.text).toMatch(/\[1\]/);
    expect(partials.length).toBeGreaterThan(3);
    expect(partials.at(-1)!.length).toBeGreaterThan(partials[0]!.length);
    const request = server.requests.find((entry) => entry.path === "/v1/chat/completions")!;
    expect(request.body).toMatchObject({ model: "test-model", stream: true });
    expect(request.body.messages[0].content).toContain(CANNOT_ANSWER);
    expect(request.body.messages[1].content).toMatch(/^\[1\] .+\nAbstract: /m);
    expect(request.body.messages[1].content).toContain("Question: which papers cover KV cache compression?");
  });

  it("works without streaming too", async () => {
    const reply = await ask("which papers cover KV cache compression?", { stream: false });
    expect(reply.found).toBe(true);
    expect(reply.citations.length).toBeGreaterThan(0);
    expect(server.requests[0]!.body.stream).toBe(false);
  });

  it("strips citations to papers that were not in the evidence", async () => {
    server.override(answerWith("KV cache compression reduces the memory footprint of generative inference [1]. Some say it works on toasters [9]."));
    const reply = await ask("which papers cover KV cache compression?");
    expect(reply.text).not.toMatch(/\[9\]/);
    expect(reply.citations).toHaveLength(1);
    expect(reply.citations[0]!.n).toBe(1);
  });

  it("replaces a claim its source does not support with the source's own words", async () => {
    server.override(answerWith("This paper was written by Alan Turing during the Second World War in Bletchley Park [1]."));
    const reply = await ask("which papers cover KV cache compression?");
    expect(reply.text).not.toMatch(/Turing/);
    expect(reply.text).toMatch(/^\*\*.+\*\* \[1\]: /);
    expect(reply.citations).toHaveLength(1);
  });

  it("keeps only the papers actually cited, renumbered in order of appearance", async () => {
    server.override(answerWith("KV cache compression reduces memory for long contexts [3]. PyramidKV compresses the KV cache [3][1]."));
    const reply = await ask("which papers cover KV cache compression?");
    expect(reply.citations.map((citation) => citation.n)).toEqual([1, 2]);
    expect(reply.text).toContain("long contexts [1].");
    expect(reply.text).toContain("[1][2]");
  });

  it("turns the 'cannot answer' sentinel into an honest not-found with the closest papers", async () => {
    server.override(answerWith(CANNOT_ANSWER));
    const reply = await ask("which papers cover KV cache compression?");
    expect(reply.found).toBe(false);
    expect(reply.text).toMatch(/^Nothing in the library covers/);
    expect(reply.closest.length).toBeGreaterThan(0);
  });

  it("retries a 429 after its Retry-After, then answers from the model", async () => {
    server.override(errorReply(429, { "retry-after": "0" }));
    const reply = await ask("which papers cover KV cache compression?");
    expect(reply.notes).toEqual([]);
    expect(server.requests.filter((entry) => entry.path === "/v1/chat/completions")).toHaveLength(2);
  });

  it("falls back to the extractive answer with a note when the model keeps failing", async () => {
    server.override(errorReply(500), errorReply(500), errorReply(500));
    const reply = await ask("which papers cover KV cache compression?");
    expect(reply.found).toBe(true);
    expect(reply.text).toMatch(/papers in the library speak to/);
    expect(reply.notes).toEqual(["The language model was unavailable, so this answer quotes the abstracts directly."]);
    expect(server.requests).toHaveLength(3);
  });

  it("falls back when the model hangs", async () => {
    server.override(hang(), hang());
    const reply = await ask("which papers cover KV cache compression?", { timeoutMs: 400, maxRetries: 1 });
    expect(reply.notes).toHaveLength(1);
    expect(reply.citations.length).toBeGreaterThanOrEqual(3);
  });

  it("falls back when a stream stalls halfway", async () => {
    server.override(stallMidStream());
    const reply = await ask("which papers cover KV cache compression?", { timeoutMs: 400, maxRetries: 0 });
    expect(reply.notes).toHaveLength(1);
    expect(reply.text).not.toMatch(/^Partial/);
  });

  it("falls back on empty or uncited output", async () => {
    server.override(answerWith("   "));
    expect((await ask("which papers cover KV cache compression?")).notes).toHaveLength(1);
    server.override(answerWith("KV caches are great."));
    expect((await ask("which papers cover KV cache compression?")).notes).toHaveLength(1);
  });

  it("does not call the model when the library has nothing on the topic", async () => {
    const reply = await ask("quantum error correction");
    expect(reply.found).toBe(false);
    expect(server.requests).toHaveLength(0);
  });
});
