import { describe, expect, it } from "vitest";
import type { Turn } from "../../src/answer/conversations.ts";
import { resolveFollowUp } from "../../src/answer/follow-up.ts";
import type { StoredPaper } from "../../src/store/paper-store.ts";

const TODAY = new Date("2026-11-22T12:00:00Z");
const paper = (n: number, publishedAt?: string): StoredPaper => ({ id: `p${n}`, title: `Paper ${n}`, abstract: "An abstract.", url: `https://example.org/${n}`, upvotes: n, ...(publishedAt && { publishedAt }) }) as StoredPaper;
const papers = [paper(1, "2023-05-01"), paper(2, "2024-03-13"), paper(3, "2023-11-02"), paper(4), paper(5, "2025-01-02")];
const list: Turn = { question: "which papers cover KV cache compression?", topic: "kv cache compression", filters: {}, papers, answer: "…", source: { question: "kv cache compression", seen: [] } };

describe("references to several listed papers, or to the rest", () => {
  it("reads 'the first two', 'the top 3' and 'the last two' as those papers", () => {
    expect(resolveFollowUp("how do the first two differ?", list, TODAY, [list])).toEqual({ kind: "compare", papers: papers.slice(0, 2) });
    expect(resolveFollowUp("summarize the top 3", list, TODAY, [list])).toEqual({ kind: "about", papers: papers.slice(0, 3), of: 3 });
    expect(resolveFollowUp("are the last two open source?", list, TODAY, [list])).toEqual({ kind: "about", papers: papers.slice(3), of: 2 });
    // A count before a noun or a topic is a question of its own.
    expect(resolveFollowUp("does it freeze the first two layers?", list, TODAY, [list])).not.toMatchObject({ papers: papers.slice(0, 2) });
    expect(resolveFollowUp("the top 5 papers on diffusion", list, TODAY, [list])).not.toMatchObject({ kind: "about" });
  });

  it("reads 'the other one' as the paper compared beside the one in view, and asks it the last question again", () => {
    const compared: Turn = { ...list, question: "compare 1 and 2", discussed: papers.slice(0, 2) };
    const asked: Turn = { ...list, question: "does the first one need training?", focus: papers[0]! };
    const turns = [list, compared, asked];
    expect(resolveFollowUp("and the other one?", asked, TODAY, turns)).toEqual({ kind: "pick", paper: papers[1], asked: "does the first one need training?" });
    expect(resolveFollowUp("is the other one open source too?", asked, TODAY, turns)).toEqual({ kind: "pick", paper: papers[1] });
    expect(resolveFollowUp("papers like the other one", asked, TODAY, turns)).toEqual({ kind: "similar", paper: papers[1] });
    // With a paper opened from the list of five, "the other one" could be any of four: which one is for the asker to say.
    const opened: Turn = { ...list, question: "2", focus: papers[1]! };
    expect(resolveFollowUp("what about the other one?", opened, TODAY, [list, opened])).toMatchObject({ kind: "which-one", count: 5 });
    expect(resolveFollowUp("and the others?", opened, TODAY, [list, opened])).toEqual({ kind: "about", papers: [papers[0], papers[2], papers[3], papers[4]], of: 4 });
  });

  it("reads 'the other ones' after a narrowing as the papers it left out", () => {
    const narrowed: Turn = { ...list, question: "which ones are training-free?", papers: [papers[1]!, papers[3]!] };
    expect(resolveFollowUp("what about the other ones?", narrowed, TODAY, [list, narrowed])).toEqual({ kind: "about", papers: [papers[0], papers[2], papers[4]], of: 3 });
    // With no list before it, "the other one" means nothing in the thread: a search as before.
    expect(resolveFollowUp("the other one", list, TODAY, [list])).toBeUndefined();
  });

  it("reads 'the 2023 ones' as the listed papers of that year", () => {
    expect(resolveFollowUp("and what do the 2023 ones add", list, TODAY, [list])).toEqual({ kind: "about", papers: [papers[0], papers[2]], of: 2 });
    expect(resolveFollowUp("show me the ones from 2023", list, TODAY, [list])).toEqual({ kind: "filter", filters: { from: "2023-01-01", to: "2023-12-31" }, papers });
    expect(resolveFollowUp("what do the 2019 ones add", list, TODAY, [list])).toEqual({ kind: "filter", filters: { from: "2019-01-01", to: "2019-12-31" }, papers });
  });
});

describe("openers and settings in follow-ups", () => {
  const searched: Turn = { question: "time series forecasting papers", topic: "time series forecasting", filters: {}, papers, answer: "…", source: { question: "time series forecasting", seen: [] } };
  it("drops 'hm ok,' and 'well,' before a follow-up", () => {
    expect(resolveFollowUp("hm ok, what about imputation?", searched, TODAY, [searched])).toMatchObject({ kind: "refine", question: "time series forecasting for imputation", swapped: "time series imputation" });
    expect(resolveFollowUp("well, which of those are from 2024?", searched, TODAY, [searched])).toMatchObject({ kind: "filter" });
  });

  it("puts 'X instead of Y' in place of Y in the topic when the topic says Y", () => {
    expect(resolveFollowUp("what about classification instead of forecasting?", searched, TODAY, [searched])).toEqual({ kind: "refine", question: "time series classification" });
    expect(resolveFollowUp("any that are about vision rather than language?", searched, TODAY, [searched])).toEqual({ kind: "refine", question: "time series forecasting for vision rather than language" });
  });

  it("asks 'which models does it work with?' of the paper open, not of the list", () => {
    const opened: Turn = { ...searched, question: "tell me about 3", focus: papers[2]! };
    expect(resolveFollowUp("which models does it work with?", opened, TODAY, [searched, opened])).toEqual({ kind: "pick", paper: papers[2] });
  });
});

describe("questions of what listed papers report, and verdicts asked of a list", () => {
  const named = (n: number, title: string) => ({ ...paper(n), title }) as StoredPaper;
  const kernels = [named(1, "FLUTE: Fast Matrix Multiplications for Lookup Table-Quantized LLMs"), named(2, "QUICK: Quantization-aware Interleaving and Conflict-free Kernel"), named(3, "MARLIN: Mixed-Precision Auto-Regressive Parallel Inference")];
  const shown: Turn = { ...list, papers: kernels };
  it("asks 'which models did they test on?' of the first few listed, not as a narrowing to 'models did they test'", () => {
    expect(resolveFollowUp("which models did they test on?", shown, TODAY, [shown])).toEqual({ kind: "about", papers: kernels, of: 3 });
  });

  it("opens the listed paper a short name names ('which gpus did quick test on'), and leaves a name not listed to the library", () => {
    expect(resolveFollowUp("which gpus did quick test on", shown, TODAY, [shown])).toEqual({ kind: "pick", paper: kernels[1] });
    expect(resolveFollowUp("which gpus did spann test on", shown, TODAY, [shown])).toBeUndefined();
    // Not "which of those is …" nor "which one …", which ask of the list as before.
    expect(resolveFollowUp("which of those is the most recent?", shown, TODAY, [shown])).toMatchObject({ kind: "order" });
  });

  it("sets the first few side by side for 'which is the most theoretical one?' and 'which one is cheapest in gpu hours'", () => {
    for (const question of ["which is the most theoretical one", "which one is cheapest in gpu hours"]) expect(resolveFollowUp(question, shown, TODAY, [shown])).toEqual({ kind: "compare", papers: kernels, of: 3 });
  });

  it("keeps 'the other' a reference only with 'the': 'which other papers quantize the KV cache?' asks the library", () => {
    expect(resolveFollowUp("which other papers quantize the kv cache", shown, TODAY, [shown])).toBeUndefined();
  });

  it("asks a longer question whose subject is 'it', and 'what's the hypothesis?', of the paper open", () => {
    const opened: Turn = { ...shown, question: "2", focus: kernels[1]! };
    expect(resolveFollowUp("how much of the kv cache does it keep", opened, TODAY, [shown, opened])).toEqual({ kind: "pick", paper: kernels[1] });
    expect(resolveFollowUp("whats the hypothesis", opened, TODAY, [shown, opened])).toEqual({ kind: "pick", paper: kernels[1] });
    // "in 2 sentences" says how, not which paper ("2" had summarised the second one listed).
    expect(resolveFollowUp("summarize it in 2 sentences", opened, TODAY, [shown, opened])).toEqual({ kind: "pick", paper: kernels[1] });
  });

  it("keeps the listed papers that link their code for 'only the ones with code', and reads 'the other one' of a list of one as more", () => {
    expect(resolveFollowUp("only the ones with code", shown, TODAY, [shown])).toEqual({ kind: "about", papers: kernels, of: 3 });
    const one: Turn = { ...list, papers: [kernels[0]!] };
    const asked: Turn = { ...one, question: "whats the first one about", focus: kernels[0]! };
    expect(resolveFollowUp("and the other one?", asked, TODAY, [one, asked])).toEqual({ kind: "more" });
  });

  it("opens a listed paper by a name in the links its abstract gives ('the hazyresearch one')", () => {
    const based = { ...named(4, "Simple linear attention language models balance the recall-throughput tradeoff"), abstract: "Code is at https://github.com/HazyResearch/based." } as StoredPaper;
    const linear: Turn = { ...list, papers: [kernels[0]!, based] };
    expect(resolveFollowUp("the hazyresearch one - is there code?", linear, TODAY, [linear])).toEqual({ kind: "pick", paper: based });
  });
});

describe("the thread's topic in another setting", () => {
  const kernels: Turn = { question: "custom gpu kernels", topic: "custom gpu kernels", filters: {}, papers, answer: "…", source: { question: "custom gpu kernels", seen: [] } };
  const cbm: Turn = { question: "any papers on concept bottleneck models?", topic: "concept bottleneck models", filters: {}, papers, answer: "…", source: { question: "concept bottleneck models", seen: [] } };
  it("puts a plural asked in place of the singular written, and reads 'any that do X instead of Y'", () => {
    expect(resolveFollowUp("any for cpus instead of gpus", kernels, TODAY, [kernels])).toEqual({ kind: "refine", question: "custom cpus kernels" });
    expect(resolveFollowUp("any that do video instead of images?", cbm, TODAY, [cbm])).toEqual({ kind: "refine", question: "concept bottleneck models for video instead of images" });
    // "any for video?": the topic in that setting, or video alone when nothing covers both.
    expect(resolveFollowUp("any for video?", cbm, TODAY, [cbm])).toEqual({ kind: "refine", question: "concept bottleneck models for video", otherwise: "any for video?" });
    // "and the disk-based one?": a kind of the topic, not "… for the disk-based one".
    expect(resolveFollowUp("and the disk-based one?", kernels, TODAY, [kernels])).toMatchObject({ kind: "refine", question: "disk-based custom gpu kernels" });
  });

  it("takes the topic from the last list, not from an answer about one paper a question named", () => {
    const named: Turn = { question: "how much faster is the immiscible diffusion one", topic: "how much faster is the immiscible diffusion", filters: {}, papers: [papers[0]!], answer: "…", source: { question: "x", seen: [] }, focus: papers[0]! };
    expect(resolveFollowUp("what about for vision?", named, TODAY, [cbm, named])).toMatchObject({ kind: "refine", question: "concept bottleneck models for vision" });
  });
});

describe("what asks for a paper's gist", () => {
  it("reads 'tell me about the parallel thinking one' as its gist, and 'what does it say about latency?' as a question", async () => {
    const { asksGist } = await import("../../src/answer/thread-references.ts");
    for (const question of ["tell me about the parallel thinking one", "summarize 3", "what's the second one about?", "what does it propose?", "and the disk-based one?"]) expect(asksGist(question), question).toBe(true);
    for (const question of ["what does it say about latency?", "how much faster is it?", "tell me about kv cache compression"]) expect(asksGist(question), question).toBe(false);
  });
});

describe("'the X one' beyond the list shown now", () => {
  const named = (n: number, title: string) => ({ ...paper(n), title }) as StoredPaper;
  const kv = [named(1, "PyramidKV: Dynamic KV Cache Compression"), named(2, "PyramidInfer: Pyramid KV Cache Compression"), named(3, "Head-Aware KV Cache Compression for Visual Autoregressive Modeling")];
  const first: Turn = { question: "kv cache compression", topic: "kv cache compression", filters: {}, papers: kv, answer: "…", source: { question: "kv cache compression", seen: [] } };
  const narrowed: Turn = { ...first, question: "which of those are for image generation?", papers: [kv[2]!] };
  it("finds it in an earlier list of the thread", () => {
    expect(resolveFollowUp("what about the pyramid ones", narrowed, TODAY, [first, narrowed])).toEqual({ kind: "about", papers: [kv[0], kv[1]], of: 2 });
    expect(resolveFollowUp("the pyramidinfer one, what does it propose?", narrowed, TODAY, [first, narrowed])).toEqual({ kind: "pick", paper: kv[1] });
  });

  it("asks the library for one the thread never showed, rather than answer of the paper in view", () => {
    expect(resolveFollowUp("the scale-aware one, what model did they eval on", narrowed, TODAY, [first, narrowed])).toEqual({ kind: "refine", question: "the scale-aware paper, what model did they eval on" });
    // "the best one" names no paper.
    expect(resolveFollowUp("which is the best one?", first, TODAY, [first])).not.toMatchObject({ kind: "refine" });
  });
});

describe("a list of closest papers after 'nothing covers that'", () => {
  const closest: Turn = { question: "quantum machine learning", topic: "quantum machine learning", filters: {}, papers: [paper(7), paper(8)], answer: "Nothing in the library covers …", closest: true };
  it("leaves 'which of those …' to the last list the thread showed, and a number to the closest papers", () => {
    expect(resolveFollowUp("which of those use graphs?", closest, TODAY, [list, closest])).toEqual({ kind: "narrow", topic: "graphs", papers });
    expect(resolveFollowUp("2", closest, TODAY, [list, closest])).toEqual({ kind: "pick", paper: paper(8) });
  });

  it("asks 'any of them …' of the list even with one of its papers open", () => {
    const opened: Turn = { ...list, question: "2", focus: papers[1]! };
    expect(resolveFollowUp("any of them use language models", opened, TODAY, [list, opened])).toMatchObject({ kind: "narrow", papers });
  });
});

describe("papers like the one in view, in another setting", () => {
  it("reads 'papers like it but for edge devices or cpus' as papers like it by its short name, in that setting", () => {
    const serve = { ...paper(9), title: "DistServe: Disaggregating Prefill and Decoding for Goodput-optimized Serving" } as StoredPaper;
    const opened: Turn = { ...list, question: "distserve - how much better than vllm", papers: [serve], focus: serve };
    expect(resolveFollowUp("papers like it but for edge devices or cpus", opened, TODAY, [list, opened])).toEqual({ kind: "refine", question: "papers like DistServe but for edge devices or cpus" });
  });
});
