import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toJson } from "../../src/cli/commands/ask.ts";
import { runPaperbot } from "../helpers/cli.ts";
import { SAMPLES_DIR } from "../helpers/files.ts";
import { startOpenAICompatibleServer } from "../servers/openai-compatible.ts";

let dir: string;
let db: string;
let server: Awaited<ReturnType<typeof startOpenAICompatibleServer>>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "paperbot-ask-"));
  db = join(dir, "lancedb");
  server = await startOpenAICompatibleServer();
  expect((await runPaperbot(["ingest", SAMPLES_DIR, "--db", db])).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("paperbot ask", () => {
  it("answers offline with cited papers, as JSON", async () => {
    const result = await runPaperbot(["ask", "which papers cover KV cache compression?", "--db", db, "--json"]);
    expect(result.code).toBe(0);
    const reply = JSON.parse(result.stdout);
    expect(reply).toMatchObject({ question: "which papers cover KV cache compression?", found: true });
    expect(reply.answer).toContain("[1]");
    expect(Object.keys(reply.citations[0]).sort()).toEqual(["id", "n", "title", "url"]);
    expect(reply.partial).toBeUndefined();
  });

  it("says in the JSON when an answer may only partly cover the question", () => {
    const reply = { text: "These papers come closest to **x**, though they may cover it only in part:", citations: [], found: true, partial: true as const, closest: [], notes: [] };
    expect(toJson("x", reply)).toMatchObject({ found: true, partial: true });
  });

  it("says when the library has nothing", async () => {
    const reply = JSON.parse((await runPaperbot(["ask", "cryptocurrency price prediction", "--db", db, "--json"])).stdout);
    expect(reply).toMatchObject({ found: false, citations: [] });
    expect(reply.answer).toMatch(/^Nothing in the library covers/);
  });

  it("runs a conversation from stdin, answering follow-ups from the earlier answer", async () => {
    const stdin = "which papers cover KV cache compression?\nwhich of those is the most recent?\n";
    const lines = (await runPaperbot(["ask", "--stdin", "--conversation", "--db", db], {}, { stdin })).stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[1].answer).toMatch(/^The most recent of those is/);
    expect(lines[0].citations.map((citation: { id: string }) => citation.id)).toContain(lines[1].citations[0].id);
  });

  it("points a one-off question's reader to the search command for the papers past its list", async () => {
    const result = await runPaperbot(["ask", "which papers cover KV cache compression?", "--db", db]);
    expect(result.stdout).toContain('More papers rank close to these: paperbot search "which papers cover KV cache compression?" lists them.');
    expect(result.stdout).not.toMatch(/say "more"/);
    // Nor offers the closest papers to open by a number it cannot be sent.
    const nothing = await runPaperbot(["ask", "cryptocurrency price prediction", "--db", db]);
    expect(nothing.stdout).toMatch(/The closest papers, which did not look like a match:/);
    expect(nothing.stdout).not.toMatch(/reply with a number/);
  });

  it("uses the language model when OPENAI_BASE_URL is set, and prints the sources", async () => {
    server.requests.length = 0;
    const result = await runPaperbot(["ask", "which papers cover KV cache compression?", "--db", db], { OPENAI_BASE_URL: server.baseURL, OPENAI_CHAT_MODEL: "local-model" });
    expect(result.code).toBe(0);
    // Rewrite, grading, answer: the retrieval help is on by default when a model is configured.
    expect(server.requests.map((request) => request.body?.model)).toEqual(["local-model", "local-model", "local-model"]);
    expect(result.stdout).toMatch(/\[1\]/);
    expect(result.stdout).toMatch(/\nSources:\n\[1\] /);
  });

  it("answers from the abstracts, with a note, when the model server is down", async () => {
    const reply = JSON.parse((await runPaperbot(["ask", "which papers cover KV cache compression?", "--db", db, "--json"], { OPENAI_BASE_URL: "http://127.0.0.1:9/v1", OPENAI_MAX_RETRIES: "0" })).stdout);
    expect(reply.found).toBe(true);
    expect(reply.notes).toContain("The language model was unavailable, so this answer quotes the abstracts directly.");
  });
});
