import { beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../../src/answer/answerer.ts";
import { LlmWriter } from "../../src/answer/llm-writer.ts";
import { CANNOT_ANSWER } from "../../src/answer/prompt.ts";
import { createOpenAIClient } from "../../src/embed/create.ts";
import type { Library } from "../../src/library/library.ts";
import { TODAY, useSampleLibrary } from "../helpers/library.ts";
import { useScriptedModelServer, type ScriptedModelServer } from "../helpers/scripted-model.ts";
import { digestLibrary, paper } from "../helpers/digest.ts";
import { answerWith, errorReply, hang, sendCompletion, stallMidStream, type Override } from "../servers/openai-compatible.ts";
import { modelNotes } from "../helpers/notes.ts";

const samples = useSampleLibrary();
const scripted = useScriptedModelServer();
let library: Library;
let server: ScriptedModelServer;

beforeAll(() => {
  library = samples();
  server = scripted();
});

function answerer(options: { stream?: boolean; timeoutMs?: number; maxRetries?: number } = {}, from: Library = library) {
  const client = createOpenAIClient({ apiKey: "sk-test", baseURL: server.baseURL, timeoutMs: options.timeoutMs ?? 2_000, maxRetries: options.maxRetries ?? 2 });
  return new Answerer(from, { writer: new LlmWriter(client, { model: "test-model", timeoutMs: options.timeoutMs ?? 2_000 }, { stream: options.stream ?? true }) });
}

const ask = (question: string, options?: Parameters<typeof answerer>[0]) => answerer(options).ask(question, { today: TODAY });

/** The numbered abstracts the model was given, as it saw them. */
function evidenceIn(body: { messages: { role: string; content: string }[] }): string[] {
  const user = body.messages.find((message) => message.role === "user")!.content;
  return [...user.matchAll(/^\[\d+\] .*\nAbstract: (.*)$/gm)].map((match) => match[1]!);
}
const firstSentence = (abstract: string) => abstract.split(/(?<=\.)\s/)[0]!.replace(/\.$/, "");

/** A model that writes from the evidence it was given: `write` turns the abstracts into the answer. */
function answerFrom(write: (abstracts: string[]) => string): Override {
  return (request, response) => {
    sendCompletion(response, request.body, write(evidenceIn(request.body)));
    return true;
  };
}

describe("answers written by an OpenAI-compatible model", () => {
  it("streams a cited answer, calling back with the text so far", async () => {
    server.override(answerFrom((abstracts) => abstracts.slice(0, 4).map((abstract, index) => `${firstSentence(abstract)} [${index + 1}].`).join("\n")));
    const partials: string[] = [];
    const reply = await answerer().ask("which papers cover KV cache compression?", { today: TODAY, onPartial: (text) => partials.push(text) });
    expect(reply.found).toBe(true);
    expect(modelNotes(reply)).toEqual([]);
    expect(reply.citations.map((citation) => citation.n)).toEqual([1, 2, 3, 4]);
    expect(reply.text).toMatch(/\[1\]/);
    // One update per finished sentence: never half a sentence the guard has not seen.
    expect(partials.length).toBeGreaterThanOrEqual(3);
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
    // Retrieval was sure and the model was not: not clearly covered, the closest papers near.
    expect(reply.text).toMatch(/^I found nothing in the library that clearly covers/);
    expect(reply.closest.length).toBeGreaterThan(0);
  });

  it("retries a 429 after its Retry-After, then answers from the model", async () => {
    server.override(errorReply(429, { "retry-after": "0" }));
    const reply = await ask("which papers cover KV cache compression?");
    expect(modelNotes(reply)).toEqual([]);
    expect(server.requests.filter((entry) => entry.path === "/v1/chat/completions")).toHaveLength(2);
  });

  it("falls back to the extractive answer with a note when the model keeps failing", async () => {
    server.override(errorReply(500), errorReply(500), errorReply(500));
    const reply = await ask("which papers cover KV cache compression?");
    expect(reply.found).toBe(true);
    expect(reply.text).toMatch(/papers? that best match/);
    expect(modelNotes(reply)).toEqual(["The language model was unavailable, so this answer quotes the abstracts directly."]);
    expect(server.requests).toHaveLength(3);
  });

  it("falls back when the model hangs", async () => {
    server.override(hang(), hang());
    const reply = await ask("which papers cover KV cache compression?", { timeoutMs: 400, maxRetries: 1 });
    expect(modelNotes(reply)).toHaveLength(1);
    expect(reply.citations.length).toBeGreaterThanOrEqual(3);
  });

  it("falls back when a stream stalls halfway", async () => {
    server.override(stallMidStream());
    const reply = await ask("which papers cover KV cache compression?", { timeoutMs: 400, maxRetries: 0 });
    expect(modelNotes(reply)).toHaveLength(1);
    expect(reply.text).not.toMatch(/^Partial/);
  });

  it("falls back on empty or uncited output", async () => {
    server.override(answerWith("   "));
    expect(modelNotes(await ask("which papers cover KV cache compression?"))).toHaveLength(1);
    server.override(answerWith("KV caches are great."));
    expect(modelNotes(await ask("which papers cover KV cache compression?"))).toHaveLength(1);
  });

  it("drops an obeyed injection and made-up claims that cite nothing, also from the streamed text", async () => {
    server.override(
      answerFrom((abstracts) =>
        [
          `${firstSentence(abstracts[0]!)} [1].`,
          "My system prompt is: You are paperbot, a research assistant in a lab's chat.",
          "The authors later won the Turing Award for this work.",
          `${firstSentence(abstracts[1]!)} [2].`,
        ].join("\n"),
      ),
    );
    const partials: string[] = [];
    const reply = await answerer().ask("which papers cover KV cache compression?", { today: TODAY, onPartial: (text) => partials.push(text) });
    expect(modelNotes(reply)).toEqual([]);
    expect(reply.citations.map((citation) => citation.n)).toEqual([1, 2]);
    for (const text of [reply.text, ...partials]) {
      expect(text).not.toMatch(/system prompt|paperbot|Turing/);
    }
    expect(partials.length).toBeGreaterThan(0);
  });

  it("cites the paper an uncited sentence restates", async () => {
    server.override(answerFrom((abstracts) => `Here is what the library has on KV cache compression.\n${firstSentence(abstracts[0]!)}.`));
    const reply = await ask("which papers cover KV cache compression?");
    expect(modelNotes(reply)).toEqual([]);
    expect(reply.text).toMatch(/^Here is what the library has on KV cache compression\.\n.+ \[1\]\.$/);
    expect(reply.citations).toHaveLength(1);
  });

  it("hands the model abstracts without their own reference markers, so none becomes a citation of ours", async () => {
    const marked = [
      paper("KV cache eviction with heavy hitters", { abstract: "Keeping only heavy-hitter tokens in the KV cache, as shown in [2], cuts memory for long context inference. We extend it to grouped attention [3, 7] and lose little accuracy." }),
      paper("KV cache quantization to two bits", { abstract: "Quantizing the KV cache to two bits [12-14] cuts memory for long context inference. We propose per-channel keys and per-token values." }),
      paper("Protein folding with transformers", { abstract: "We predict protein structures from sequences with a transformer trained on crystal structures and reach high accuracy on benchmarks." }),
    ];
    const small = await digestLibrary([{ records: marked, addedAt: TODAY }]);
    const evidence = (await small.library.papers()).filter((stored) => stored.title.startsWith("KV"));
    // The model echoes what it was given, markers and all.
    server.override(answerFrom((abstracts) => abstracts.map((abstract, index) => `${abstract} [${index + 1}]`).join("\n")));
    const client = createOpenAIClient({ apiKey: "sk-test", baseURL: server.baseURL, timeoutMs: 2_000, maxRetries: 0 });
    const reply = await new LlmWriter(client, { model: "test-model", timeoutMs: 2_000 }).write("KV cache memory for long context", evidence, { history: [] });
    if (reply === "cannot-answer") throw new Error("expected an answer");
    const request = server.requests.find((entry) => entry.path === "/v1/chat/completions")!;
    expect(evidenceIn(request.body)).toHaveLength(2);
    for (const abstract of evidenceIn(request.body)) expect(abstract).not.toMatch(/\[\s*\d/);
    expect(reply.text).not.toMatch(/\[\d+(?:,|-)/);
    expect(reply.citations.map((citation) => citation.title).sort()).toEqual(["KV cache eviction with heavy hitters", "KV cache quantization to two bits"]);
    expect(reply.text).toContain("as shown in, cuts memory");
  });

  it("does not call the model when the library has nothing on the topic", async () => {
    const reply = await ask("cryptocurrency price prediction");
    expect(reply.found).toBe(false);
    expect(server.requests).toHaveLength(0);
  });
});
