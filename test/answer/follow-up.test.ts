import { describe, expect, it } from "vitest";
import type { Turn } from "../../src/answer/conversations.ts";
import { asksForMore, resolveFollowUp } from "../../src/answer/follow-up.ts";
import { listReference } from "../../src/answer/list-positions.ts";
import { smallTalkReply } from "../../src/answer/small-talk.ts";
import type { StoredPaper } from "../../src/store/paper-store.ts";

const TODAY = new Date("2026-11-22T12:00:00Z");
const paper = (n: number, publishedAt?: string): StoredPaper => ({ id: `p${n}`, title: `Paper ${n}`, abstract: "An abstract.", url: `https://example.org/${n}`, upvotes: n, ...(publishedAt && { publishedAt }) }) as StoredPaper;
const listed: Turn = { question: "which papers cover KV cache compression?", topic: "kv cache compression", filters: {}, papers: [paper(1), paper(2, "2024-03-13"), paper(3, "2025-01-02")], answer: "…" };
const resolve = (question: string, previous: Turn | undefined = listed) => resolveFollowUp(question, previous, TODAY);

describe("references to a numbered list", () => {
  it.each([
    ["2", 2],
    ["#3", 3],
    ["the second one", 2],
    ["the 3rd", 3],
    ["what does the third one propose?", 3],
    ["tell me more about the second paper", 2],
    ["tell me about 2", 2],
    ["similar to 3", 3],
    ["papers like [2]", 2],
    ["number 1 please", 1],
    ["the last one", "last"],
  ])("reads %s as item %s", (question, index) => {
    expect(listReference(question)).toBe(index);
  });

  it.each(["which was the first paper to use a pyramid?", "second-order optimisers", "papers from the last year", "flash attention 2 kernels", "papers from 2024"])("does not read %s as a reference", (question) => {
    expect(listReference(question)).toBeUndefined();
  });

  it("opens a paper, or finds papers like it when the question says so", () => {
    expect(resolve("what does the third one propose?")).toEqual({ kind: "pick", paper: listed.papers[2] });
    expect(resolve("tell me about 2")).toEqual({ kind: "pick", paper: listed.papers[1] });
    for (const question of ["more like the second one", "similar to 2", "papers like [2]", "anything related to the second one?"]) {
      expect(resolve(question)).toEqual({ kind: "similar", paper: listed.papers[1] });
    }
  });

  it("reads two references as a comparison, and leaves years and versions alone", () => {
    expect(resolve("compare 1 and 3")).toEqual({ kind: "compare", papers: [listed.papers[0], listed.papers[2]] });
    expect(resolve("what is the difference between the second and the last one?")).toEqual({ kind: "compare", papers: [listed.papers[1], listed.papers[2]] });
    expect(resolve("1 vs 2")).toMatchObject({ kind: "compare" });
    expect(resolve("papers from 2023 and 2024")).not.toMatchObject({ kind: "compare" });
    // After a comparison, "which needs fine-tuning?" asks it of the papers compared, but "which is the newest?" orders them.
    const compared: Turn = { ...listed, question: "compare them" };
    expect(resolveFollowUp("which needs finetuning?", compared, TODAY)).toMatchObject({ kind: "compare" });
    expect(resolveFollowUp("which is the newest?", compared, TODAY)).toEqual({ kind: "order", by: "newest", papers: listed.papers });
    // With nothing listed, a reference is to no list, never a search for "1 and 2".
    expect(resolveFollowUp("compare 1 and 2", undefined, TODAY)).toEqual({ kind: "no-list" });
    expect(resolveFollowUp("papers like 1", undefined, TODAY)).toEqual({ kind: "no-list" });
    expect(resolveFollowUp("which of those are from 2024?", undefined, TODAY)).toEqual({ kind: "no-list" });
    // "… in the library" asks the library, with a list in the thread or none (it had been "no numbered list here").
    expect(resolveFollowUp("what's the best paper in the library", undefined, TODAY)).toBeUndefined();
    expect(resolve("what's the best paper in the library")).toBeUndefined();
    expect(resolveFollowUp("which is the best paper?", undefined, TODAY)).toBeUndefined();
    expect(resolveFollowUp("which is better?", undefined, TODAY)).toEqual({ kind: "no-list" });
  });

  it("reads 'it', 'this', 'that one' as the one paper the thread shows, and asks which when it shows several", () => {
    const one = { ...listed, papers: [listed.papers[1]!] };
    expect(resolveFollowUp("papers like it", one, TODAY)).toEqual({ kind: "similar", paper: listed.papers[1] });
    expect(resolveFollowUp("more like this", one, TODAY)).toEqual({ kind: "similar", paper: listed.papers[1] });
    expect(resolveFollowUp("what does it propose?", one, TODAY)).toEqual({ kind: "pick", paper: listed.papers[1] });
    expect(resolve("similar to that one")).toEqual({ kind: "out-of-range", count: listed.papers.length });
    expect(resolveFollowUp("papers like it", undefined, TODAY)).toEqual({ kind: "no-list" });
    // With no thread, "the most recent paper" asks the library; "anything newer?" still has nothing to be newer than.
    expect(resolveFollowUp("whats the most recent paper", undefined, TODAY)).toBeUndefined();
    expect(resolveFollowUp("anything newer?", undefined, TODAY)).toEqual({ kind: "no-list" });
    // "this" inside a question is no reference; nor is "it" in "is it possible to …".
    expect(resolve("is there anything on this topic from 2024?")).not.toMatchObject({ kind: "pick" });
    expect(resolveFollowUp("is it possible to prune transformers?", undefined, TODAY)).toBeUndefined();
    // After a paper is opened from a list, "it" is that paper, not the list.
    const opened = { ...listed, focus: listed.papers[2]! };
    for (const question of ["papers like it", "similar papers"]) expect(resolveFollowUp(question, opened, TODAY)).toEqual({ kind: "similar", paper: listed.papers[2] });
    for (const question of ["who wrote it?", "when was it published?", "how many upvotes does it have?", "how many authors does it have?", "what are its results?"]) expect(resolveFollowUp(question, opened, TODAY)).toEqual({ kind: "pick", paper: listed.papers[2] });
    // Any short question about "it" or "they" is about the paper just opened, and "tell me more" asks more of it.
    for (const question of ["what problem does it solve?", "does it need fine-tuning?", "who are the authors?", "what did they find?", "tell me more"]) expect(resolveFollowUp(question, opened, TODAY)).toEqual({ kind: "pick", paper: listed.papers[2] });
    // "which is newer, that or paper 1?": the one in view and one the thread showed, by date (it had been searched).
    expect(resolveFollowUp("which is newer, that or paper 1?", opened, TODAY, [listed, opened])).toEqual({ kind: "order", by: "newest", papers: [listed.papers[2], listed.papers[0]] });
    expect(resolveFollowUp("which is older, it or the paper 2 one", opened, TODAY, [listed, opened])).toEqual({ kind: "order", by: "oldest", papers: [listed.papers[2], listed.papers[1]] });
    // So is one about "that one" ("is that one about speculative decoding?" searched the library).
    for (const question of ["is that one about speculative decoding?", "is this paper open source?", "does that use RL?", "is it better than REPA?"]) expect(resolveFollowUp(question, opened, TODAY)).toEqual({ kind: "pick", paper: listed.papers[2] });
    expect(resolveFollowUp("is it possible to prune LLMs without retraining?", opened, TODAY)).toBeUndefined();
    // …but another "it" after it is the paper: "is it possible to use it for retrieval?".
    expect(resolveFollowUp("is it possible to use it for retrieval?", opened, TODAY)).toEqual({ kind: "pick", paper: listed.papers[2] });
    // The one paper an answer showed is in view too.
    expect(resolveFollowUp("does it need labels?", one, TODAY)).toEqual({ kind: "pick", paper: listed.papers[1] });
  });

  it("reads short orders, years, 'summarize 3' and 'compare the first two' as about the list", () => {
    for (const question of ["which is the newest?", "the newest?", "newest first", "sort them by date"]) expect(resolve(question)).toMatchObject({ kind: "order", by: "newest" });
    expect(resolve("only 2025")).toEqual({ kind: "filter", filters: { from: "2025-01-01", to: "2025-12-31" }, papers: listed.papers });
    expect(resolve("summarize 3")).toEqual({ kind: "pick", paper: listed.papers[2] });
    expect(resolve("what is the second one about?")).toEqual({ kind: "pick", paper: listed.papers[1] });
    expect(resolve("compare the first two")).toEqual({ kind: "compare", papers: [listed.papers[0], listed.papers[1]] });
    expect(resolve("same topic but from 2024")).toEqual({ kind: "refine", question: "kv cache compression from 2024" });
    // "the first paper about X" is a topic, not a reference.
    expect(resolve("the first paper about grokking")).toBeUndefined();
  });

  it("says how long the list is for a number past its end", () => {
    expect(resolve("9")).toEqual({ kind: "out-of-range", count: 3 });
  });
});

describe("'more', filters and orderings of the previous list", () => {
  it.each(["more", "show me more", "any others?", "more please", "anything else?", "next page"])("reads %s as the next page", (question) => {
    expect(asksForMore(question)).toBe(true);
    expect(resolve(question)).toEqual({ kind: "more" });
  });

  it.each(["more papers on sparse attention", "tell me more about sparse attention"])("reads %s as a new question", (question) => {
    expect(asksForMore(question)).toBe(false);
  });

  it("narrows the previous list to a topic for 'which of those are about X?', and searches anew otherwise", () => {
    expect(resolve("which of these are for vision models?")).toEqual({ kind: "narrow", topic: "vision models", papers: listed.papers });
    expect(resolve("any of them about speech?")).toEqual({ kind: "narrow", topic: "speech", papers: listed.papers });
    expect(resolve("do any of these use pruning?")).toEqual({ kind: "narrow", topic: "pruning", papers: listed.papers });
    // "which is better for trees?" asks which listed papers suit trees (it had searched "is better for trees").
    expect(resolve("which is better for trees?")).toEqual({ kind: "narrow", topic: "trees", papers: listed.papers });
    // "them" too: it quoted the first three papers with no yes or no.
    // Code links are a line each: asked of "them", every paper listed.
    const five: Turn = { ...listed, papers: [1, 2, 3, 4, 5].map((n) => paper(n)) };
    expect(resolve("which ones have code on github?", five)).toMatchObject({ kind: "about", papers: five.papers });
    expect(resolve("what are their results?", five)).toMatchObject({ kind: "about", papers: five.papers.slice(0, 3) });
    expect(resolve("do any of them use reinforcement learning?")).toEqual({ kind: "narrow", topic: "reinforcement learning", papers: listed.papers });
    expect(resolve("is any of them about microcontrollers?")).toEqual({ kind: "narrow", topic: "microcontrollers", papers: listed.papers });
    expect(resolve("papers about speech recognition")).toBeUndefined();
  });

  it("narrows the list for 'which ones are X?' as for 'which of those are X?'", () => {
    expect(resolve("which ones are training-free?")).toEqual({ kind: "narrow", topic: "training-free", papers: listed.papers });
    expect(resolve("which one uses LongBench?")).toEqual({ kind: "narrow", topic: "longbench", papers: listed.papers });
    // "any that also do X": of the list, and "also" is no part of the topic.
    expect(resolve("any that also do quantization?")).toEqual({ kind: "narrow", topic: "quantization", papers: listed.papers });
    expect(resolve("which of those also use eviction?")).toEqual({ kind: "narrow", topic: "eviction", papers: listed.papers });
    // "which" and a verb, or "which is about X", with a list in view asks it of the list (they searched the library).
    expect(resolve("which use reinforcement learning")).toEqual({ kind: "narrow", topic: "reinforcement learning", papers: listed.papers });
    expect(resolve("which is about retrieval")).toEqual({ kind: "narrow", topic: "retrieval", papers: listed.papers });
    expect(resolve("which handles missing values")).toEqual({ kind: "narrow", topic: "missing values", papers: listed.papers });
    expect(resolve("which are from google")).toEqual({ kind: "narrow", topic: "google", papers: listed.papers });
    expect(resolve("what about the rest?")).toEqual({ kind: "more" });
    // Doubting the list is all there is asks for more (it had narrowed the list to papers that write "that").
    for (const question of ["only that one?", "is that all?", "just those?", "nothing else?"]) expect(resolve(question)).toEqual({ kind: "more" });
    // …of a one-paper list too, where "that one" would otherwise be the paper in view.
    expect(resolveFollowUp("only that one?", { ...listed, papers: [listed.papers[0]!] }, TODAY)).toEqual({ kind: "more" });
    // A number named in passing in a short question: that paper, or two compared.
    expect(resolve("what does 2 propose?")).toEqual({ kind: "pick", paper: listed.papers[1] });
    expect(resolve("how does 1 compare to 3?")).toEqual({ kind: "compare", papers: [listed.papers[0], listed.papers[2]] });
  });

  it("filters the previous list by the question's dates, and orders it", () => {
    expect(resolve("which of those are from 2024?")).toEqual({ kind: "filter", filters: { from: "2024-01-01", to: "2024-12-31" }, papers: listed.papers });
    expect(resolve("which of these have more than 10 upvotes?")).toMatchObject({ kind: "filter", filters: { minUpvotes: 11 } });
    expect(resolve("which of those is the most recent?")).toMatchObject({ kind: "order", by: "newest" });
    expect(resolve("which of all these is newest?")).toMatchObject({ kind: "order", by: "newest" });
    // Without "those", a date is the same topic searched again within it.
    expect(resolve("any from 2024?")).toEqual({ kind: "refine", question: "kv cache compression from 2024?" });
    // Naming papers asks for a list of its own, not the last topic's.
    expect(resolve("papers from last month")).toBeUndefined();
  });

  it("has no list to refer to in a new thread, or after an answer that listed nothing, but still reads questions as questions", () => {
    for (const question of ["2", "the second one", "more", "show me more"]) {
      expect(resolveFollowUp(question, undefined, TODAY)).toEqual({ kind: "no-list" });
      expect(resolve(question, { ...listed, papers: [] })).toEqual({ kind: "no-list" });
    }
    expect(resolveFollowUp("which was the first paper to use a pyramid for KV caches?", undefined, TODAY)).toBeUndefined();
    expect(resolveFollowUp("Flash Attention 2", undefined, TODAY)).toBeUndefined();
  });
});

describe("messages with no topic of their own, about the papers the thread shows", () => {
  const searched: Turn = { ...listed, source: { question: "kv cache compression", seen: [] } };
  const opened: Turn = { ...searched, focus: listed.papers[1]! };

  it("compares the first few listed for 'compare them', 'which is better?', 'how do they differ?'", () => {
    for (const question of ["compare them", "compare the two", "how do they differ?", "which is better?", "what's the difference?", "which is faster?", "which one is fastest?", "what do they have in common?"]) {
      expect(resolve(question, searched)).toEqual({ kind: "compare", papers: listed.papers, of: 3 });
    }
    const one = { ...searched, papers: [listed.papers[0]!] };
    expect(resolve("compare them", one)).toEqual({ kind: "needs-two" });
  });

  it("asks the question of the paper opened, or of the first few listed", () => {
    for (const question of ["is there code?", "what's the main idea?", "what are the results?", "what dataset did they use?", "what did they find?", "summarize them"]) {
      expect(resolve(question, opened)).toEqual({ kind: "pick", paper: listed.papers[1] });
      expect(resolve(question, searched)).toEqual({ kind: "about", papers: listed.papers, of: 3 });
    }
  });

  it("offers papers like the opened one for citing work, which the library does not record", () => {
    for (const question of ["anything that cites it?", "follow-up work?", "papers that build on it", "any follow ups in the library?"]) expect(resolve(question, opened)).toEqual({ kind: "similar", paper: listed.papers[1], citing: true });
    // With a paper open before a list of papers like it, "those" is the list: its most upvoted, not the open paper's card.
    expect(resolve("which of those is most upvoted", opened)).toEqual({ kind: "order", by: "upvotes", papers: listed.papers });
    expect(resolve("follow-up work?", searched)).toEqual({ kind: "which-one", count: 3, example: "papers like 2" });
  });

  it("asks the topic again before the oldest (after the newest) dated paper shown, and orders the list for 'which is older?'", () => {
    expect(resolve("anything older?", searched)).toEqual({ kind: "refine", question: "kv cache compression", filters: { from: undefined, to: "2024-03-12" } });
    expect(resolve("any newer ones?", searched)).toEqual({ kind: "refine", question: "kv cache compression", filters: { from: "2025-01-03", to: undefined } });
    expect(resolve("which is older?", searched)).toEqual({ kind: "order", by: "oldest", papers: listed.papers });
    expect(resolve("anything newer on the same idea?", searched)).toMatchObject({ kind: "refine", filters: { from: "2025-01-03" } });
    expect(resolve("any newer version of that idea?", searched)).toMatchObject({ kind: "refine", filters: { from: "2025-01-03" } });
  });

  it("reads 'drop the vision ones' as the list without the papers on vision", () => {
    for (const question of ["drop the vision ones", "not the vision ones", "ok, remove the vision papers", "drop the ones about vision", "remove the papers on vision", "which ones are not about vision?", "the ones that aren't about vision", "any of those not on vision?"]) {
      expect(resolve(question, listed)).toMatchObject({ kind: "narrow", topic: "vision", without: true });
    }
    // …and "only the theory ones" as the list kept to them (it searched the library for "only the theory ones").
    for (const [question, topic] of [["only the theory ones pls", "theory"], ["just the ones using hierarchical methods", "hierarchical methods"]]) {
      expect(resolve(question!, listed)).toEqual({ kind: "narrow", topic, papers: listed.papers, only: true });
    }
    expect(resolve("just the 2024 ones", listed)).toMatchObject({ kind: "filter" });
    // A chat opener first is how it was said: "ok which is newest?" searched the library for the newest papers.
    expect(resolve("ok which is newest?", searched)).toEqual({ kind: "order", by: "newest", papers: listed.papers });
    expect(resolve("hmm which of those are training-free", searched)).toEqual({ kind: "narrow", topic: "training-free", papers: listed.papers });
    // "which uses less memory?" compares the papers, as "which is faster?" does: none "mentions less memory".
    expect(resolve("which uses less memory?", searched)).toMatchObject({ kind: "compare", of: listed.papers.length });
    expect(resolve("nice. more", searched)).toEqual({ kind: "more" });
    // So is a closing "then", "pls" or "now".
    expect(resolve("ok which is newest then", searched)).toEqual({ kind: "order", by: "newest", papers: listed.papers });
    expect(resolve("more pls", searched)).toEqual({ kind: "more" });
  });

  it("asks the last topic in another setting for 'same but for Y' and 'what about for Y?'", () => {
    expect(resolve("same but for diffusion models", searched)).toEqual({ kind: "refine", question: "kv cache compression for diffusion models" });
    // "for vision models only" searched "vision models only" alone.
    for (const question of ["for vision models only", "only for vision models"]) expect(resolve(question, searched)).toEqual({ kind: "refine", question: "kv cache compression for vision models" });
    // "X only": the last topic kept to that part of it.
    expect(resolve("eviction only", searched)).toEqual({ kind: "refine", question: "kv cache compression eviction" });
    // …and "what about Y?" after that asks the topic before it was narrowed, with Y ("time series", "forecasting only",
    // "what about imputation?" had searched "time series forecasting for imputation").
    const series: Turn = { ...searched, question: "time series", topic: "time series" };
    const forecasting: Turn = { ...searched, question: "forecasting only", topic: "time series forecasting" };
    expect(resolveFollowUp("what about imputation?", forecasting, TODAY, [series, forecasting])).toEqual({ kind: "refine", question: "time series imputation", otherwise: "what about imputation?" });
    // A thing in place of a topic set in a task ("state space models" after "long convolutions for sequence modeling")
    // is offered as the thing for that task (it searched "long convolutions for state space models"); a setting in
    // place of a setting is not.
    const convolutions: Turn = { ...searched, question: "long convolutions for sequence modeling", topic: "long convolutions for sequence modeling" };
    expect(resolveFollowUp("what about state space models?", convolutions, TODAY, [convolutions])).toMatchObject({ kind: "refine", swapped: "state space models for sequence modeling" });
    const llms: Turn = { ...searched, question: "sparse attention for LLMs", topic: "sparse attention for LLMs" };
    expect(resolveFollowUp("what about diffusion models?", llms, TODAY, [llms])).toEqual({ kind: "refine", question: "sparse attention for diffusion models", otherwise: "what about diffusion models?" });
    // "anything similar but for X" is the last topic for X; "anything for X instead" asks X in its place.
    expect(resolve("anything similar but for vision models?", searched)).toEqual({ kind: "refine", question: "kv cache compression for vision models" });
    expect(resolve("anything for gaussian splatting instead?", searched)).toBeUndefined();
    // "but not X" rules X out of the last topic (it searched "but not x" alone).
    expect(resolve("but not for vision models", searched)).toEqual({ kind: "refine", question: "kv cache compression but not for vision models" });
    expect(resolve("not the vision ones", searched)).toMatchObject({ kind: "narrow", without: true });
    // "only training systems" keeps the list's papers on them.
    expect(resolve("only training systems", searched)).toEqual({ kind: "narrow", topic: "training systems", papers: listed.papers, only: true });
    // …and "only the ones that introduce a dataset" those that write it (it searched the library for the whole message).
    expect(resolve("only the ones that introduce a dataset", searched)).toEqual({ kind: "narrow", topic: "dataset", papers: listed.papers, only: true });
    expect(resolve("only the ones that are from 2024", searched)).not.toMatchObject({ kind: "narrow" });
    // "in one line" is how to say it: "summarize the first one in one line" searched "first one in one line".
    expect(resolve("summarize the first one in one line", searched)).toEqual({ kind: "pick", paper: listed.papers[0] });
    // "only 2025" after a search asks the topic again within the year: the list shows only its best few.
    expect(resolve("only 2025", searched)).toEqual({ kind: "refine", question: "kv cache compression", filters: { from: "2025-01-01", to: "2025-12-31" } });
    const set: Turn = { ...searched, topic: "sparse attention for diffusion models" };
    expect(resolve("what about for vision?", set)).toEqual({ kind: "refine", question: "sparse attention for vision" });
    expect(resolve("what about ones for vision instead?", set)).toEqual({ kind: "refine", question: "sparse attention for vision" });
    // …and with "and" before it (it had searched "and what about for video generation" as a topic of its own).
    expect(resolve("and what about for video generation", set)).toEqual({ kind: "refine", question: "sparse attention for video generation" });
    // "what about without approximation?" is not "… for without approximation".
    expect(resolve("what about without approximation?", searched)).toMatchObject({ kind: "refine", question: "kv cache compression without approximation" });
    // "for graphs" alone says the same (it searched "graphs").
    expect(resolve("for graphs?", searched)).toEqual({ kind: "refine", question: "kv cache compression for graphs" });
    // So does "with sparse attention" (it searched "with sparse attention"); "with code?" still asks the list for code.
    expect(resolve("with sparse attention", searched)).toEqual({ kind: "refine", question: "kv cache compression with sparse attention" });
    expect(resolve("with code?", searched)).toMatchObject({ kind: "about" });
    // "and time series?" is "what about time series?" (it searched "time series" alone).
    expect(resolve("and time series?", searched)).toEqual({ kind: "refine", question: "kv cache compression for time series", otherwise: "and time series?" });
    // "… more generally" widens: pruning on its own, not "kv cache compression for pruning more generally".
    expect(resolve("what about pruning more generally?", searched)).toEqual({ kind: "refine", question: "pruning" });
    // One task for another: "what about eviction?" may mean "kv cache eviction", searched when papers write it (see the
    // answerer); "what about language?" after "vision transformers" names no task in place of one.
    expect(resolve("what about eviction?", searched)).toEqual({ kind: "refine", question: "kv cache compression for eviction", otherwise: "what about eviction?", swapped: "kv cache eviction" });
    expect(resolve("what about language?", { ...searched, topic: "vision transformers" })).toEqual({ kind: "refine", question: "vision transformers for language", otherwise: "what about language?" });
    // "what about X?" with no setting word is the last topic with X, or failing that (see the answerer) X alone.
    expect(resolve("what about vision transformers?", searched)).toEqual({ kind: "refine", question: "kv cache compression for vision transformers", otherwise: "what about vision transformers?" });
    // A name with its version is a paper asked for on its own ("flashattention 3 for flashattention-2" was searched).
    expect(resolve("what about flashattention-2", searched)).toBeUndefined();
    // A "papers like X" list in between is no topic: the last one searched is.
    const like: Turn = { ...listed, topic: "Paper 2", source: { question: "papers similar to Paper 2", seen: [], example: listed.papers[1]!.id } };
    expect(resolveFollowUp("what about for vision?", like, TODAY, [searched, like])).toEqual({ kind: "refine", question: "kv cache compression for vision" });
  });

  it("asks for papers like the one paper in view before (after) it, or says it has no date", () => {
    const card: Turn = { ...listed, papers: [listed.papers[1]!], focus: listed.papers[1]! };
    expect(resolve("anything newer?", card)).toEqual({ kind: "refine", question: "papers similar to Paper 2", filters: { from: "2024-03-14", to: undefined } });
    const undated: Turn = { ...listed, papers: [listed.papers[0]!], focus: listed.papers[0]! };
    expect(resolve("anything older?", undated)).toEqual({ kind: "undated", paper: listed.papers[0] });
    // After a search whose one paper has no date, the same.
    expect(resolve("anything newer?", { ...searched, papers: [listed.papers[0]!] })).toEqual({ kind: "undated", paper: listed.papers[0] });
    // A paper the question named ("what is DistServe?") is the one in view, whatever papers like it were listed after it.
    const named: Turn = { ...searched, question: "kv cache compression", focus: listed.papers[1]! };
    expect(resolve("anything newer?", named)).toEqual({ kind: "refine", question: "papers similar to Paper 2", filters: { from: "2024-03-14", to: undefined } });
    // One opened from a list on a topic ("summarize 2") leaves the topic as it was: newer papers on it than that one.
    const opened: Turn = { ...searched, question: "summarize 2", focus: listed.papers[1]! };
    expect(resolve("any newer ones?", opened)).toEqual({ kind: "refine", question: "kv cache compression", filters: { from: "2024-03-14", to: undefined } });
  });

  it("compares the open paper with a listed one named by number, and orders the list by upvotes for 'which is more popular?'", () => {
    expect(resolve("compare it with 3", opened)).toEqual({ kind: "compare", papers: [listed.papers[1], listed.papers[2]] });
    expect(resolve("compare it to the first one", opened)).toEqual({ kind: "compare", papers: [listed.papers[1], listed.papers[0]] });
    expect(resolve("which is more popular?", searched)).toEqual({ kind: "order", by: "upvotes", papers: listed.papers });
    expect(resolve("which one is the most cited?", searched)).toEqual({ kind: "order", by: "upvotes", papers: listed.papers });
  });

  it("reads dates, not a question about the papers, in 'anything from this year?'; and a real question for 'which one introduced X?'", () => {
    expect(resolve("anything from this year?", searched)).toMatchObject({ kind: "refine" });
    expect(resolve("which one introduced Performers?", searched)).toBeUndefined();
    // Any other short "which …" asks it of the list (it searched "one converts existing models", "are hardware aware");
    // "which is the original one" asks for the oldest.
    expect(resolve("which one converts existing models", searched)).toEqual({ kind: "narrow", topic: "converts existing models", papers: listed.papers });
    expect(resolve("which are hardware aware", searched)).toEqual({ kind: "narrow", topic: "hardware aware", papers: listed.papers });
    // …what one of them proposes too, of a list of one as well (it searched "one proposes changing the network topology").
    const one: Turn = { ...searched, papers: [listed.papers[0]!] };
    expect(resolve("which one proposes changing the network topology?", one)).toEqual({ kind: "narrow", topic: "changing the network topology", papers: one.papers });
    expect(resolve("which is the original one", searched)).toEqual({ kind: "order", by: "oldest", papers: listed.papers });
    expect(resolve("which is better?", searched)?.kind).not.toBe("narrow");
    expect(resolve("any training-free ones?", searched)).toEqual({ kind: "narrow", topic: "training-free", papers: listed.papers });
  });

  it("asks a short question about 'they' of the list, and asks which for one about 'it'", () => {
    expect(resolve("do they use LongBench?", searched)).toEqual({ kind: "about", papers: listed.papers, of: 3 });
    expect(resolve("does it support 4-bit?", searched)).toEqual({ kind: "which-one", count: 3, example: "does 2 support 4-bit" });
    expect(resolve("does it support 4-bit?", opened)).toEqual({ kind: "pick", paper: listed.papers[1] });
    expect(resolve("is it possible to prune without retraining?", searched)).toBeUndefined();
    // …unless only one of them writes at least half of what is asked ("how does it choose positives and negatives?":
    // ColloSSL "selects positive and negative devices").
    const contrastive = { ...paper(4), abstract: "A Device Selection approach selects positive and negative devices for contrastive learning." };
    const scenes = { ...paper(5), abstract: "Self-supervised monocular scene flow from two consecutive images." };
    const pair: Turn = { ...listed, papers: [contrastive, scenes] };
    expect(resolve("how does it choose positives and negatives?", pair)).toEqual({ kind: "pick", paper: contrastive });
    expect(resolve("how does it choose its images?", { ...pair, papers: [contrastive, scenes, { ...scenes, id: "p6" }] })?.kind).toBe("which-one");
  });

  it("counts the topic or the list, says what can be asked for 'why?', and compares the paper in view with one named", () => {
    // After a search, how many the library has on it ("The list shows 5 papers" answered it); of the list, the list's.
    expect(resolve("how many are there?", searched)).toEqual({ kind: "refine", question: "how many papers on kv cache compression", filters: {} });
    expect(resolve("how many of those?", searched)).toEqual({ kind: "count", count: 3, more: true });
    for (const question of ["why?", "really?"]) expect(resolve(question, searched)).toEqual({ kind: "vague", count: 3 });
    expect(resolve("how does it work?", opened)).toEqual({ kind: "pick", paper: listed.papers[1] });
    expect(resolveFollowUp("why?", undefined, TODAY)).toBeUndefined();
    expect(resolve("compare it with SPANN", opened)).toEqual({ kind: "refine", question: "Paper 2 versus SPANN" });
    expect(resolve("how does it compare to Scissorhands?", opened)).toEqual({ kind: "refine", question: "Paper 2 versus Scissorhands" });
  });

  it("says there is nothing to refer to in a new thread, and leaves messages with a topic of their own to search", () => {
    expect(resolveFollowUp("compare them", undefined, TODAY)).toEqual({ kind: "no-list" });
    expect(resolveFollowUp("what are the results?", undefined, TODAY)).toEqual({ kind: "no-list" });
    for (const question of ["code generation benchmarks", "datasets for sign language", "older GPUs for inference", "compare LoRA and prefix tuning for code models"]) expect(resolve(question, opened)).not.toMatchObject({ kind: expect.stringMatching(/^(?:pick|about|compare|similar|refine|no-list)$/) });
  });
});

describe("small talk", () => {
  it.each(["thanks!", "Thank you", "hi", "Hello!", "ok", "great", "ok, thanks", "thanks paperbot", "ok cool", "oh nice", "thanks, that helps"])("answers %s with one friendly line and a hint", (message) => {
    const reply = smallTalkReply(message);
    expect(reply).toMatchObject({ found: false, citations: [] });
    expect(reply!.text.split("\n")).toHaveLength(1);
  });

  it.each(["what can you do?", "help", "how does this work?", "what topics do you cover?", "what's in the library?", "?", "??", "hi! i'm new to the lab, what kinds of topics does this library cover?", "what do you have?"])("answers %s with what the bot does", (message) => {
    expect(smallTalkReply(message)!.text).toMatch(/^I answer questions about the papers in the library/);
  });

  it("thanks without mentioning a list when none was shown", () => {
    expect(smallTalkReply("thank you!")!.text).toBe("You're welcome! Ask another question whenever you like.");
    expect(smallTalkReply("thank you!", true)!.text).toMatch(/reply with a number/);
  });

  it("reads 'how does it work?' after papers as about them, not as asking how the bot works", () => {
    expect(smallTalkReply("how does it work?", true)).toBeUndefined();
    expect(smallTalkReply("help", true)!.text).toMatch(/^I answer questions/);
  });

  it.each(["help me find papers on latency prediction", "thanks for the papers on KV caches, now what about sparse attention?", "hierarchical attention", "ok so which papers cover LoRA?"])("leaves %s to be answered", (message) => {
    expect(smallTalkReply(message)).toBeUndefined();
  });
});

describe("corrections", () => {
  const narrowed: Turn = { question: "which ones are about LLMs?", topic: "", filters: {}, papers: [], answer: "None of those 3 papers mentions llms." };
  const filtered: Turn = { question: "which of those are from 2024?", topic: "", filters: {}, papers: [listed.papers[1]!], answer: "One of those 3 papers is from 2024." };

  it("narrows the same list by the corrected topic when the message corrected narrowed it", () => {
    for (const said of ["no, I meant the multimodal ones", "sorry i meant multimodal", "actually, I meant the ones about multimodal"]) {
      expect(resolveFollowUp(said, narrowed, TODAY, [listed, narrowed]), said).toEqual({ kind: "narrow", topic: "multimodal", papers: listed.papers });
    }
  });

  it("filters the same list by the corrected dates when the message corrected filtered it", () => {
    expect(resolveFollowUp("no i meant 2025", filtered, TODAY, [listed, filtered])).toEqual({ kind: "filter", filters: { from: "2025-01-01", to: "2025-12-31" }, papers: listed.papers });
  });

  it("asks the corrected topic afresh when the message corrected was a question of its own", () => {
    expect(resolveFollowUp("sorry, I meant lifelong learning", listed, TODAY, [listed])).toEqual({ kind: "refine", question: "lifelong learning" });
  });

  it("reads a leading 'I mean' as a filler, not a correction", () => {
    expect(resolve("I mean, which is the newest?")).toMatchObject({ kind: "order", by: "newest" });
    expect(resolve("no")).toBeUndefined();
  });
});

it("opens the one listed paper a word of its title names, also after 'tell me about'", () => {
  const covla = { ...paper(1), title: "CoVLA: Comprehensive Vision-Language-Action Dataset for Autonomous Driving" };
  const road: Turn = { ...listed, papers: [covla, { ...paper(2), title: "On the Road with GPT-4V(ision)" }, paper(3)] };
  for (const question of ["tell me about the dataset one", "tell me more about the dataset paper"]) expect(resolve(question, road), question).toEqual({ kind: "pick", paper: covla });
});

it("reads 'it' in 'compare it with X' as the other of two listed papers when X is one of them", () => {
  const seMoe = { ...paper(1), title: "SE-MoE: A Scalable and Efficient Mixture-of-Experts Distributed Training and Inference System" };
  const hetu = { ...paper(2), title: "HetuMoE: An Efficient Trillion-scale Mixture-of-Expert Distributed Training System" };
  const two: Turn = { ...listed, papers: [seMoe, hetu] };
  expect(resolve("compare it with HetuMoE", two)).toEqual({ kind: "compare", papers: [seMoe, hetu] });
  // With more listed, which one is for the asker to say, offered with a number that is not X's own.
  expect(resolve("compare it with HetuMoE", { ...listed, papers: [hetu, seMoe, paper(3)] })).toMatchObject({ kind: "which-one", example: "compare 2 with HetuMoE" });
});

it("keeps an 'and' between the words of a narrowing's topic", () => {
  expect(resolve("which one handles audio and point clouds?")).toEqual({ kind: "narrow", topic: "audio and point clouds", papers: listed.papers });
});
