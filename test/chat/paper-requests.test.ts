import { pino } from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../../src/answer/answerer.ts";
import { ChatBot } from "../../src/chat/bot.ts";
import { commandFromText, type ChatRequest } from "../../src/chat/request.ts";
import type { ChatResponse } from "../../src/chat/response.ts";
import { renderForTerminal } from "../../adapters/console/render.ts";
import { useSampleLibrary } from "../helpers/library.ts";

const samples = useSampleLibrary();
let bot: ChatBot;
beforeAll(() => {
  const library = samples();
  bot = new ChatBot({ library, answerer: new Answerer(library), logger: pino({ level: "silent" }), limits: { questionsPerWindow: 100, windowMs: 60_000, maxQuestionChars: 2_000 } });
});
const say = (text: string, thread = "t1") => bot.handle({ ...commandFromText(text), thread, channel: "c", user: { id: "u" }, platform: "console" } satisfies ChatRequest);

describe("looking papers up in chat", () => {
  it("offers a numbered choice, and a bare number in the thread picks that paper", async () => {
    const offered = await say("paper Model Tells You", "pick");
    expect(offered).toMatchObject({ kind: "choose" });
    const choices = (offered as { papers: { title: string }[] }).papers;
    expect(await say("2", "pick")).toMatchObject({ kind: "paper", paper: { title: choices[1]!.title } });
  });

  it("says how many more titles fit when a choice is cut to five, offering those that open with the word first", async () => {
    const offered = (await say("paper pyramid", "cut")) as { kind: string; papers: { title: string }[]; unshown?: number };
    expect(offered).toMatchObject({ kind: "choose", unshown: 1 });
    expect(offered.papers).toHaveLength(5);
    expect(offered.papers[0]!.title).toMatch(/^Pyramid /);
    expect(renderForTerminal(offered as ChatResponse)).toMatch(/\n…and 1 more title like these; add a word from the one you mean to narrow it\.$/);
  });

  it("reads 'the first one' as a pick, and a number out of range as a mistake, only in the thread that was offered the choice", async () => {
    await say("paper Model Tells You", "ordinal");
    expect(await say("9", "ordinal")).toMatchObject({ kind: "text", markdown: expect.stringMatching(/^Pick a number from 1 to \d/) });
    expect(await say("the first one", "ordinal")).toMatchObject({ kind: "paper" });
    expect(await say("2", "another thread")).toMatchObject({ kind: "answer" });
  });

  it("reads 'more like this' and 'what does it propose?' after a paper's card as that paper", async () => {
    await say("paper PyramidKV", "opened");
    const like = await say("more like this", "opened");
    expect(like).toMatchObject({ kind: "answer", reply: { text: expect.stringMatching(/^Papers similar to \*\*PyramidKV/) } });
    await say("paper PyramidKV", "opened");
    expect(await say("what does it propose?", "opened")).toMatchObject({ kind: "answer", reply: { citations: [{ title: expect.stringMatching(/^PyramidKV/) }] } });
  });

  it("keeps a name's choice as the thread's list: 'compare 1 and 2' compares two of it, and after a pick '1' opens the first", async () => {
    const offered = (await say("paper Model Tells You", "choice-list")) as { papers: { title: string }[] };
    expect(await say("compare 1 and 2", "choice-list")).toMatchObject({ kind: "answer", reply: { citations: [{ title: offered.papers[0]!.title }, { title: offered.papers[1]!.title }] } });
    await say("paper Model Tells You", "choice-pick");
    expect(await say("2", "choice-pick")).toMatchObject({ kind: "paper", paper: { title: offered.papers[1]!.title } });
    expect(await say("what problem does it solve?", "choice-pick")).toMatchObject({ kind: "answer", reply: { citations: [{ title: offered.papers[1]!.title }] } });
    expect(await say("1", "choice-pick")).toMatchObject({ kind: "answer", reply: { citations: [{ title: offered.papers[0]!.title }] } });
  });

  it("says a paper is not in the library and offers the closest, which a number then opens", async () => {
    const response = await say("paper GPT-4 technical report", "absent");
    expect(response).toMatchObject({ kind: "text", markdown: expect.stringMatching(/^\*GPT-4 technical report\* is not in the library\. Closest \(reply with a number to see one\):\n1\. /) });
    expect(await say("1", "absent")).toMatchObject({ kind: "paper", paper: { title: expect.stringMatching(/GPT-4V/) } });
    // A title that contains the name is not "closest": the paper has it in its title.
    expect(await say("paper Attention Is All You Need", "contained")).toMatchObject({ kind: "text", markdown: expect.stringMatching(/^No paper is titled \*Attention Is All You Need\*; this one has it in its title/) });
    expect(await say("1", "contained")).toMatchObject({ kind: "paper", paper: { title: expect.stringMatching(/^TransMLA/) } });
  });

  it("searches for a description and says that it did", async () => {
    const response = await say("paper the paper that compresses the key-value cache with a pyramid shape across layers", "description");
    expect(response).toMatchObject({ kind: "answer" });
    expect((response as { reply: { notes: string[] } }).reply.notes[0]).toMatch(/reads like a description/);
  });
});

describe("numbered lists and similar papers in chat", () => {
  it("reads a bare '2' or 'the second one' after an answer as the answer's second cited paper", async () => {
    const answer = await say("which papers cover KV cache compression?", "answer-pick");
    const cited = (answer as { reply: { citations: { title: string }[] } }).reply.citations;
    expect(cited.length).toBeGreaterThanOrEqual(2);
    const second = await say("2", "answer-pick");
    expect(second).toMatchObject({ kind: "answer", reply: { citations: [{ title: cited[1]!.title }] } });
    await say("which papers cover KV cache compression?", "answer-ordinal");
    expect(await say("the second one", "answer-ordinal")).toMatchObject({ kind: "answer", reply: { citations: [{ title: cited[1]!.title }] } });
  });

  it("a number refers to the latest list in the thread: an answer after a choice replaces the choice", async () => {
    await say("paper Model Tells You", "latest");
    const answer = await say("which papers cover KV cache compression?", "latest");
    const cited = (answer as { reply: { citations: { title: string }[] } }).reply.citations;
    expect(await say("2", "latest")).toMatchObject({ kind: "answer", reply: { citations: [{ title: cited[1]!.title }] } });
  });

  it("'similar <name>' lists the papers most like it, leaving it out, and a number then opens one, as after any answer", async () => {
    const response = await say("similar PyramidKV", "similar");
    expect(response).toMatchObject({ kind: "answer", reply: { text: expect.stringMatching(/^Papers similar to \*\*PyramidKV: Dynamic KV Cache Compression/) } });
    const citations = (response as { reply: { citations: { id: string; title: string }[] } }).reply.citations;
    expect(citations.length).toBeGreaterThan(1);
    expect(citations.map((citation) => citation.title).join("\n")).not.toMatch(/^PyramidKV:/m);
    expect(await say("2", "similar")).toMatchObject({ kind: "answer", reply: { citations: [{ title: citations[1]!.title }] } });
    const more = await say("more", "similar");
    expect(more).toMatchObject({ kind: "answer", reply: { text: expect.stringMatching(/^More papers like \*\*PyramidKV/) } });
    expect((more as { reply: { citations: { n: number }[] } }).reply.citations[0]!.n).toBe(6);
  });

  it("'similar <name>' offers the same candidates as 'paper <name>' when the name fits several, and a number then lists papers like that one", async () => {
    const offered = await say("similar concept bottleneck", "similar-choice");
    const looked = await say("paper concept bottleneck", "paper-choice");
    expect(offered).toMatchObject({ kind: "choose", action: "similar", papers: (looked as { papers: unknown[] }).papers });
    const second = (offered as { papers: { id: string; title: string }[] }).papers[1]!;
    const { actionsOf } = await import("../../src/chat/actions.ts");
    expect(actionsOf(offered!)[1]).toMatchObject({ kind: "similar", paperId: second.id });
    const picked = await say("2", "similar-choice");
    expect(picked).toMatchObject({ kind: "answer", reply: { text: expect.stringContaining(`Papers similar to **${second.title}**`) } });
  });

  it("'similar 2' and 'paper 2' name a paper from the list the thread shows", async () => {
    const answer = await say("which papers cover KV cache compression?", "numbered-command");
    const cited = (answer as { reply: { citations: { title: string }[] } }).reply.citations;
    expect(await say("/paper 3", "numbered-command")).toMatchObject({ kind: "paper", paper: { title: cited[2]!.title } });
    const similar = await say("/similar 2", "numbered-command");
    expect(similar).toMatchObject({ kind: "answer", reply: { text: expect.stringContaining(`Papers similar to **${cited[1]!.title.replace(/:.*/, "")}`) } });
    expect(await say("/similar 2", "no-list-here")).toMatchObject({ kind: "text", markdown: expect.stringMatching(/^There is no numbered list here/) });
  });

  it("does not call a name 'not in the library' when the closest papers' titles contain it", async () => {
    const response = await say("paper BitNet", "bitnet");
    expect(response).toMatchObject({ kind: "text", markdown: expect.stringMatching(/^No paper is titled \*BitNet\*; this one has it in its title \(reply with a number to see one\):\n1\. \[1-bit AI Infra/) });
    expect((response as { markdown: string }).markdown).not.toMatch(/not in the library/);
    expect(await say("similar BitNet", "bitnet")).toMatchObject({ kind: "text", markdown: expect.stringMatching(/^No paper is titled \*BitNet\*, so I cannot look for papers like it; this one has it in its title/) });
    expect(await say("1", "bitnet")).toMatchObject({ kind: "answer", reply: { text: expect.stringMatching(/^Papers similar to \*\*1-bit AI Infra/) } });
  });

  it("a button names its paper by id: 'paper' opens the card, 'similar' finds papers like it, a vanished id says what to do", async () => {
    const found = await samples().lookup("PyramidKV");
    const id = found.match!.id;
    const base = { text: "", thread: "button", channel: "c", user: { id: "u" }, platform: "console" as const };
    expect(await bot.handle({ ...base, command: "paper", paperId: id })).toMatchObject({ kind: "paper", paper: { id } });
    expect(await bot.handle({ ...base, command: "similar", paperId: id })).toMatchObject({ kind: "answer", reply: { text: expect.stringMatching(/^Papers similar to \*\*PyramidKV/) } });
    expect(await bot.handle({ ...base, command: "similar", paperId: "t-gone" })).toMatchObject({ kind: "text", forAskerOnly: true, markdown: expect.stringMatching(/no longer in the library/) });
  });
});

describe("paper bylines", () => {
  it("leave out an upvote count of zero, which only means the page had none", async () => {
    const { paperByline } = await import("../../src/chat/response.ts");
    const card = { id: "x", title: "T", abstract: "A", url: "u", publishedAt: "2024-06-04", authors: ["Ada Lovelace"] };
    expect(paperByline({ ...card, upvotes: 0 })).toBe("Ada Lovelace · 2024-06-04");
    expect(paperByline({ ...card, upvotes: 1 })).toBe("Ada Lovelace · 2024-06-04 · 1 upvote");
  });
});
