import { beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../../src/answer/answerer.ts";
import { MODEL_UNAVAILABLE } from "../../src/answer/reply-notes.ts";
import type { Reply } from "../../src/answer/reply.ts";
import { LlmWriter } from "../../src/answer/llm-writer.ts";
import { loadConfig } from "../../src/config.ts";
import { createOpenAIClient } from "../../src/embed/create.ts";
import type { Library } from "../../src/library/library.ts";
import { rewriteQueryTerms } from "../../src/search/llm-rewrite.ts";
import { TODAY, useSampleLibrary } from "../helpers/library.ts";
import { useScriptedModelServer, type ScriptedModelServer } from "../helpers/scripted-model.ts";
import { modelNotes } from "../helpers/notes.ts";
import {
  answerWith,
  errorReply,
  gradeCandidatesIn,
  gradeWith,
  hang,
  isGradeRequest,
  isRewriteRequest,
  jsonWith,
  refuse,
  slowly,
  truncated,
  type Override,
} from "../servers/openai-compatible.ts";

const samples = useSampleLibrary();
const scripted = useScriptedModelServer();
let library: Library;
let server: ScriptedModelServer;

beforeAll(() => {
  library = samples();
  server = scripted();
});

const QUESTION = "which papers cover KV cache compression?";
/** Short, so that the slow and hanging cases stay fast; the answer call gets its own. */
const STEP_TIMEOUT_MS = 300;

function answerer() {
  const client = createOpenAIClient({ apiKey: "sk-test", baseURL: server.baseURL, timeoutMs: 2_000, maxRetries: 0 });
  return new Answerer(library, { writer: new LlmWriter(client, { model: "test-model", timeoutMs: 2_000, retrieval: { timeoutMs: STEP_TIMEOUT_MS } }, { stream: false }) });
}

const chatRequests = () => server.requests.filter((request) => request.path === "/v1/chat/completions");
const answerRequests = () => chatRequests().filter((request) => !isRewriteRequest(request.body) && !isGradeRequest(request.body));

/** The offline answer to the question, as the bot gives it with no model at all. */
async function offlineReply(question = QUESTION): Promise<Reply> {
  return new Answerer(library).ask(question, { today: TODAY });
}

describe("LLM-assisted retrieval", () => {
  it("sends one rewrite and one listwise grading request of the expected shape, then the answer", async () => {
    server.override(jsonWith({ terms: ["key-value cache", "KV cache eviction", "token pruning"], facets: [] }), gradeWith(() => true));
    const reply = await answerer().ask(QUESTION, { today: TODAY });
    expect(modelNotes(reply)).toEqual([]);
    const [rewrite, grade, answer, ...rest] = chatRequests();
    expect(rest).toEqual([]);
    expect(isRewriteRequest(rewrite!.body)).toBe(true);
    expect(rewrite!.body).toMatchObject({ model: "test-model", stream: false, temperature: 0, response_format: { type: "json_object" } });
    expect(rewrite!.body.messages.map((message: { role: string }) => message.role)).toEqual(["system", "user"]);
    expect(rewrite!.body.messages[0].content).toMatch(/"terms".*"facets"/);
    expect(rewrite!.body.messages[1].content).toBe(`Question: ${QUESTION}\n`);

    expect(isGradeRequest(grade!.body)).toBe(true);
    expect(grade!.body).toMatchObject({ model: "test-model", stream: false, response_format: { type: "json_object" } });
    const candidates = gradeCandidatesIn(grade!.body);
    expect(candidates.map((candidate) => candidate.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(grade!.body.messages[1].content).toMatch(/^Question: which papers cover KV cache compression\?\n\nCandidates:\n\n\[1\] .+\n.+\n\n\[2\] /);
    // Only the start of each abstract: the request stays small however long the abstracts are.
    for (const block of grade!.body.messages[1].content.split("\n\n").slice(2)) expect(block.split("\n")[1]!.length).toBeLessThanOrEqual(402);

    expect(isRewriteRequest(answer!.body) || isGradeRequest(answer!.body)).toBe(false);
    expect(reply.citations.length).toBeGreaterThan(0);
  });

  it("adds the rewritten terms beside the question's own words, never replacing or reweighing them", async () => {
    const own = [{ term: "kv", weight: 1 }, { term: "cach", weight: 1 }];
    const added = rewriteQueryTerms({ terms: ["KV cache", "eviction"], facets: ["long context"] }, own);
    expect(added.map((term) => term.term)).toEqual(["kv cach", "evict", "long", "context", "long context"]);
    expect(added.every((term) => term.weight < 1)).toBe(true);

    // A question in other words than the library's finds the papers through the rewrite's vocabulary.
    const question = "shrinking what transformers remember while generating long outputs";
    const plain = await library.search(question, { today: TODAY });
    const rewritten = await library.search(question, { today: TODAY, rewrite: { terms: ["KV cache compression", "KV cache eviction"], facets: [] } });
    const kvShare = (titles: string[]) => titles.filter((title) => /\bKV\b/i.test(title)).length;
    const titles = (result: typeof plain) => result.results.slice(0, 5).map((hit) => hit.paper.title);
    expect(kvShare(titles(rewritten))).toBeGreaterThan(kvShare(titles(plain)));
    expect(rewritten.query.topic).toBe(plain.query.topic);
  });

  it("drops a paper graded not relevant from the answer, and cites only papers graded relevant", async () => {
    const offline = await offlineReply();
    const dropped = offline.citations[0]!;
    expect(offline.citations.length).toBeGreaterThan(1);
    server.override(jsonWith({ terms: [], facets: [] }), gradeWith((candidate) => (candidate.title === dropped.title ? false : undefined)));
    const reply = await answerer().ask(QUESTION, { today: TODAY });
    expect(modelNotes(reply)).toEqual([]);
    expect(reply.citations.map((citation) => citation.id)).not.toContain(dropped.id);
    expect(answerRequests()[0]!.body.messages[1].content).not.toContain(dropped.title);

    // Graded relevant: exactly those reach the model and the answer, whatever the offline judgement said.
    server.reset();
    const chosen: string[] = [];
    server.override(jsonWith({ terms: [], facets: [] }), gradeWith((candidate) => {
      const keep = candidate.n === 2 || candidate.n === 3;
      if (keep) chosen.push(candidate.title);
      return keep;
    }));
    const graded = await answerer().ask(QUESTION, { today: TODAY });
    expect(graded.citations.map((citation) => citation.title).sort()).toEqual([...chosen].sort());
  });

  it("says nothing in the library covers the question when every candidate is graded not relevant, without an answer call", async () => {
    server.override(jsonWith({ terms: [], facets: [] }), gradeWith(() => false));
    const reply = await answerer().ask(QUESTION, { today: TODAY });
    expect(reply.found).toBe(false);
    // Retrieval was sure and the model was not: not clearly covered, the closest papers near.
    expect(reply.text).toMatch(/^I found nothing in the library that clearly covers/);
    expect(reply.citations).toEqual([]);
    expect(chatRequests()).toHaveLength(2);
  });

  it("keeps the offline judgement for candidates the model did not grade", async () => {
    const offline = await offlineReply();
    server.override(jsonWith({ terms: [], facets: [] }), jsonWith({ grades: [{ n: 99, relevant: true }] }));
    const reply = await answerer().ask(QUESTION, { today: TODAY });
    expect(modelNotes(reply)).toEqual([]);
    const evidence = answerRequests()[0]!.body.messages[1].content as string;
    for (const citation of offline.citations) expect(evidence).toContain(citation.title);
  });

  const failures: [string, Override[]][] = [
    ["malformed JSON from the rewrite", [answerWith("Sure! Here are some terms: KV cache, eviction")]],
    ["JSON in the wrong shape from the grading", [jsonWith({ terms: [], facets: [] }), jsonWith({ grades: [{ paper: 1, score: "high" }] })]],
    ["a refusal", [refuse()]],
    ["output truncated at the token limit", [truncated()]],
    ["a slow rewrite", [slowly(STEP_TIMEOUT_MS * 4, jsonWith({ terms: [], facets: [] }))]],
    ["a grading call that never answers", [jsonWith({ terms: [], facets: [] }), hang()]],
    ["a 429", [errorReply(429, { "retry-after": "0" })]],
    ["a 500 from the grading", [jsonWith({ terms: [], facets: [] }), errorReply(500)]],
  ];

  it.each(failures)("falls back to the offline answer, with the usual note, within the time budget on %s", async (_name, overrides) => {
    const offline = await offlineReply();
    server.override(...overrides);
    const started = Date.now();
    const reply = await answerer().ask(QUESTION, { today: TODAY });
    // Two step timeouts at most, plus the offline search; no retries, and no answer call after a failure.
    expect(Date.now() - started).toBeLessThan(2 * STEP_TIMEOUT_MS + 1_500);
    expect(modelNotes(reply)).toEqual([MODEL_UNAVAILABLE]);
    expect(reply.text).toBe(offline.text);
    expect(reply.citations).toEqual(offline.citations);
    expect(chatRequests()).toHaveLength(overrides.length);
  });

  it("never shows the model configuration or secrets, only the question and the papers", async () => {
    const secrets = { OPENAI_API_KEY: "sk-secret-4f9a", SLACK_BOT_TOKEN: "xoxb-secret-77", SLACK_SIGNING_SECRET: "signing-secret-55", DISCORD_TOKEN: "discord-secret-33", DISCORD_APPLICATION_ID: "1234", PAPERBOT_DB: "/srv/private/library-db" };
    const config = loadConfig({ ...secrets, OPENAI_BASE_URL: server.baseURL, OPENAI_CHAT_MODEL: "test-model", PAPERBOT_LLM_RETRIEVAL_TIMEOUT_MS: "2000", OPENAI_MAX_RETRIES: "0" });
    expect(config.llm?.retrieval).toEqual({ timeoutMs: 2_000 });
    expect(loadConfig({ OPENAI_BASE_URL: server.baseURL, PAPERBOT_LLM_RETRIEVAL: "off" }).llm?.retrieval).toBeUndefined();
    const answerer = new Answerer(library, { writer: new LlmWriter(createOpenAIClient(config.openai), config.llm!, { stream: false }) });
    server.override(jsonWith({ terms: ["key-value cache"], facets: [] }), gradeWith(() => true));
    await answerer.ask(QUESTION, { today: TODAY });
    expect(chatRequests()).toHaveLength(3);
    for (const request of chatRequests()) {
      const body = JSON.stringify(request.body);
      for (const value of [...Object.values(secrets).filter((value) => value !== "1234"), server.baseURL, "127.0.0.1"]) expect(body).not.toContain(value);
      // The request carries the model's name and the messages, and no other part of the configuration.
      for (const key of Object.keys(request.body)) expect(["messages", "model", "response_format", "stream", "temperature"]).toContain(key);
      for (const message of request.body.messages) expect(message.content).not.toMatch(/OPENAI_|PAPERBOT_|SLACK_|DISCORD_|timeoutMs/);
    }
  });

  it("makes no retrieval calls for a question with no topic, only dates ('papers from 2024')", async () => {
    server.reset();
    const reply = await answerer().ask("papers from 2024", { today: TODAY });
    expect(reply.found).toBe(true);
    expect(chatRequests().filter((request) => isRewriteRequest(request.body) || isGradeRequest(request.body))).toHaveLength(0);
  });

  it("makes no retrieval calls when the LLM config has no retrieval part (PAPERBOT_LLM_RETRIEVAL=off)", async () => {
    const client = createOpenAIClient({ apiKey: "sk-test", baseURL: server.baseURL, timeoutMs: 2_000, maxRetries: 0 });
    await new Answerer(library, { writer: new LlmWriter(client, { model: "test-model", timeoutMs: 2_000 }, { stream: false }) }).ask(QUESTION, { today: TODAY });
    expect(chatRequests()).toHaveLength(1);
    expect(answerRequests()).toHaveLength(1);
  });
});
