import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { Answerer } from "../../src/answer/answerer.ts";
import { ChatBot } from "../../src/chat/bot.ts";
import { mayChangeDigest } from "../../src/chat/permissions.ts";
import { commandFromText, type ChatRequest } from "../../src/chat/request.ts";
import { isForAskerOnly } from "../../src/chat/response.ts";
import type { Library } from "../../src/library/library.ts";

const request = (text: string, overrides: Partial<ChatRequest> = {}): ChatRequest => ({ ...commandFromText(text), thread: "t", channel: "c", user: { id: "u1" }, platform: "console", ...overrides });

/** A library stand-in that can only do what these tests need; real search is tested elsewhere. */
function fakeLibrary(behaviour: { search?: () => Promise<never> } = {}): Library {
  return {
    lookup: async () => ({ match: null, alternatives: [] }),
    search: behaviour.search ?? (async () => ({ query: { text: "", topic: "x", shown: "x", filters: {} }, relevant: false, verdict: { decision: "no", missing: [], unknown: [] }, unmatched: [], fieldTerms: [], lexicalMatch: 0, results: [] })),
    coverage: async () => ({ papers: 0 }),
    termWeights: async () => new Map(),
  } as unknown as Library;
}

function botWith(library: Library, limits = { questionsPerWindow: 2, windowMs: 60_000, maxQuestionChars: 50 }, extra: { admins?: string[] } = {}) {
  const lines: string[] = [];
  const logger = pino({ level: "info" }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
  const digest = { handle: async (r: ChatRequest) => ({ kind: "text" as const, markdown: `digest: ${r.text}` }) };
  return { bot: new ChatBot({ library, answerer: new Answerer(library), logger, limits, digest, ...extra }), lines };
}

describe("chat core", () => {
  it("reads commands from message text", () => {
    expect(commandFromText("paper PyramidKV")).toEqual({ command: "paper", text: "PyramidKV" });
    expect(commandFromText("/paper: PyramidKV")).toEqual({ command: "paper", text: "PyramidKV" });
    expect(commandFromText("digest subscribe LLM inference")).toEqual({ command: "digest", text: "subscribe LLM inference" });
    expect(commandFromText("help")).toEqual({ command: "help", text: "" });
    expect(commandFromText("papers on sparse attention?")).toEqual({ command: "ask", text: "papers on sparse attention?" });
    expect(commandFromText("similar PyramidKV")).toEqual({ command: "similar", text: "PyramidKV" });
    // "similar to X?" is a question the answerer reads, not the command.
    expect(commandFromText("similar to PyramidKV?")).toEqual({ command: "ask", text: "similar to PyramidKV?" });
    expect(commandFromText("/foo bar")).toEqual({ command: "help", text: "", unknownCommand: "foo" });
  });

  it("answers an unknown /command with a short help, not as a question", async () => {
    const { bot } = botWith(fakeLibrary({ search: () => Promise.reject(new Error("must not search")) }));
    const response = await bot.handle(request("/foo which papers cover KV caches?"));
    // Without a surface's own list, the commands as message text, which every platform reads; the help lists the same ones.
    expect(response).toMatchObject({ kind: "text", markdown: expect.stringMatching(/^I don't have a `\/foo` command\. The ones I know are `paper`, `similar`, `digest`, `stats` and `help`\.\n\nAsk me/) });
    expect((response as { markdown: string }).markdown).toContain("- `stats` for what the library holds");
  });

  it("ignores bots, including itself", async () => {
    const { bot } = botWith(fakeLibrary());
    expect(await bot.handle(request("hello", { user: { id: "b", isBot: true } }))).toBeUndefined();
  });

  it("refuses an over-long question politely", async () => {
    const { bot } = botWith(fakeLibrary());
    const response = await bot.handle(request("x".repeat(60)));
    expect(response).toMatchObject({ kind: "text", markdown: expect.stringMatching(/a bit long for me \(60 characters; I take up to 50\)/) });
  });

  it("limits questions per user, politely, without limiting others", async () => {
    const { bot } = botWith(fakeLibrary());
    await bot.handle(request("one"));
    await bot.handle(request("two"));
    expect(await bot.handle(request("three"))).toMatchObject({ markdown: expect.stringMatching(/faster than I can keep up\. Please try again in \d+ seconds/) });
    expect(await bot.handle(request("one", { user: { id: "u2" } }))).toMatchObject({ kind: "answer" });
  });

  it("answers a failure with an apology and a reference, never a stack trace, and logs it under that reference", async () => {
    const { bot, lines } = botWith(fakeLibrary({ search: async () => Promise.reject(new Error("disk on fire")) }));
    const response = await bot.handle(request("anything on diffusion?"));
    expect(response!.kind).toBe("text");
    const markdown = (response as { markdown: string }).markdown;
    expect(markdown).toMatch(/^Sorry, something went wrong on my side \(reference `[0-9a-f]{8}`\)/);
    expect(markdown).not.toMatch(/disk on fire|at .*\.ts/);
    const reference = /`([0-9a-f]{8})`/.exec(markdown)![1]!;
    expect(lines.some((line) => line.includes(reference) && line.includes("disk on fire"))).toBe(true);
  });

  it("explains itself on help or an empty mention", async () => {
    const { bot } = botWith(fakeLibrary());
    expect(await bot.handle(request("help"))).toMatchObject({ kind: "text", markdown: expect.stringContaining("paper PyramidKV") });
    expect(await bot.handle(request(""))).toMatchObject({ kind: "text" });
  });

  it("marks errors, limits and refusals as for the asker only, and answers as public", async () => {
    const { bot } = botWith(fakeLibrary({ search: async () => Promise.reject(new Error("boom")) }), { questionsPerWindow: 1, windowMs: 60_000, maxQuestionChars: 50 });
    expect(isForAskerOnly((await bot.handle(request("x".repeat(60))))!)).toBe(true);
    expect(isForAskerOnly((await bot.handle(request("anything?")))!)).toBe(true);
    expect(await bot.handle(request("again?"))).toMatchObject({ forAskerOnly: true, markdown: expect.stringMatching(/faster than/) });
    expect(isForAskerOnly((await bot.handle(request("help")))!)).toBe(false);
  });

  it("lets channel managers and listed admins change a digest, and anyone read it", async () => {
    const { bot } = botWith(fakeLibrary(), undefined, { admins: ["slack:UADMIN"] });
    const digest = (text: string, user: ChatRequest["user"]) => bot.handle(request(`digest ${text}`, { platform: "slack", user }));
    expect(await digest("subscribe LLMs", { id: "U1" })).toMatchObject({ forAskerOnly: true, markdown: expect.stringMatching(/^Only people who can manage this channel/) });
    expect(await digest("unsubscribe", { id: "U1", canManageChannel: false })).toMatchObject({ forAskerOnly: true });
    expect(await digest("subscribe LLMs", { id: "U1", canManageChannel: true })).toMatchObject({ markdown: "digest: subscribe LLMs" });
    expect(await digest("unsubscribe", { id: "UADMIN" })).toMatchObject({ markdown: "digest: unsubscribe" });
    expect(await digest("now", { id: "U1" })).toMatchObject({ markdown: "digest: now" });
    // The core knows no platform: a terminal's operator is allowed because the console adapter says they manage the channel.
    expect(mayChangeDigest(request("subscribe", { command: "digest", platform: "console", user: { id: "me", canManageChannel: true } }), new Set())).toBe(true);
    expect(mayChangeDigest(request("subscribe", { command: "digest", platform: "console" }), new Set())).toBe(false);
    // An admin entry names its platform: the same id on another platform is someone else.
    expect(mayChangeDigest(request("subscribe", { command: "digest", platform: "discord", user: { id: "UADMIN" } }), new Set(["slack:UADMIN"]))).toBe(false);
  });
});
