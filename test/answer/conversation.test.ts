import { beforeAll, describe, expect, it } from "vitest";
import { Answerer, type EvidenceWriter } from "../../src/answer/answerer.ts";
import { NO_LIST } from "../../src/answer/thread-replies.ts";
import type { Reply } from "../../src/answer/reply.ts";
import type { Library } from "../../src/library/library.ts";
import { TODAY, useSampleLibrary } from "../helpers/library.ts";

const samples = useSampleLibrary();
let library: Library;
beforeAll(() => {
  library = samples();
});

/** One thread: each question after the first may refer to the answers before it. */
function thread() {
  const answerer = new Answerer(library);
  const id = `t-${Math.random()}`;
  return (question: string) => answerer.ask(question, { today: TODAY, thread: id });
}
const titles = (reply: Reply) => reply.citations.map((citation) => citation.title);
const KV = "which papers cover KV cache compression?";

describe("follow-ups to a list answer", () => {
  it("compares two listed papers, each in its own abstract's words", async () => {
    const ask = thread();
    const list = await ask(KV);
    for (const question of ["compare 1 and 3", "how do [1] and [3] differ?", "the first vs the third one"]) {
      const reply = await ask(question);
      expect(titles(reply)).toEqual([list.citations[0]!.title, list.citations[2]!.title]);
      // What sets them apart, in their own words, then each one's gist.
      const [contrast, ...gists] = reply.text.split("\n\n");
      expect(contrast).toMatch(/^In their own words, \[1\] alone writes of \*.+\*; \[2\] alone of \*.+\*/);
      expect(gists).toHaveLength(2);
    }
    expect(await ask("compare 1 and 9")).toMatchObject({ text: "The list has 5 papers: reply with a number from 1 to 5.", citations: [] });
  });

  it("compares 'the first two', and asks 'the other one' what was asked of the one compared beside it", async () => {
    const ask = thread();
    const list = await ask(KV);
    const first = list.citations[0]!.title;
    const second = list.citations[1]!.title;
    expect(titles(await ask("how do the first two differ?"))).toEqual([first, second]);
    expect(titles(await ask("does the first one need training?"))).toEqual([first]);
    expect(titles(await ask("and the other one?"))).toEqual([second]);
    expect(titles(await ask("papers like the other one"))).not.toContain(first);
  });

  it("narrows to the papers that say they do without what the question says they need not ('training-free')", async () => {
    const ask = thread();
    await ask(KV);
    const reply = await ask("which one doesn't need any training?");
    expect(reply.text).toMatch(/mentions \*\*training-free\*\*/);
    expect(titles(reply)).toEqual([expect.stringMatching(/^Head-Aware KV Cache Compression/)]);
    // An acronym inside the topic is spelt out as the abstracts define it: "multimodal llms" is "Multimodal Large Language Models".
    await ask("papers on image captioning");
    expect((await ask("which ones are for multimodal llms?")).text).toMatch(/mentions \*\*multimodal llms or multimodal large language models\*\*/);
  });

  it("opens the paper an ordinal or a number names", async () => {
    const ask = thread();
    const list = await ask(KV);
    for (const [question, index] of [["what does the third one propose?", 2], ["tell me about 2", 1], ["the second one", 1]] as const) {
      const reply = await ask(question);
      expect(titles(reply)).toEqual([list.citations[index]!.title]);
      expect(reply.text).toMatch(/^\*\*/);
    }
    // Opening one paper leaves the list as it was: "those" are still all of them.
    const newest = await ask("which of those is the most recent?");
    expect(newest.text).toMatch(/^The most recent of those is/);
    // Undated papers stay in the list, last, so it still holds all of them.
    expect(newest.text).toMatch(/\(\d of them show no date in the library, so they come last\.\)$/);
    expect(titles(newest).sort()).toEqual(titles(list).sort());
    // The one paper it named is "it" next.
    expect(titles(await ask("what does it propose?"))).toEqual([titles(newest)[0]]);
    expect((await ask("more")).citations[0]!.n).toBe(list.citations.length + 1);
    // "how many are there?" after a search says how many the library has on it, not how long the list is.
    await ask(KV);
    expect((await ask("how many are there?")).text).toMatch(/^\d+ papers in the library write \*kv cache compression\*/i);
    // "in total" asks the same ("how many are there in total?" had counted papers writing nothing: "**").
    await ask(KV);
    expect((await ask("how many are there in total?")).text).toMatch(/^\d+ papers in the library write \*kv cache compression\*/i);
    // So does "which one has …" ("summarize it in one line" had searched "it in one line").
    await ask(KV);
    const latest = await ask("which one has the latest date");
    expect(titles(await ask("summarize it in one line"))).toEqual([titles(latest)[0]]);
  });

  it("lists papers like the one named by its number, which later numbers then refer to", async () => {
    const ask = thread();
    const list = await ask(KV);
    const similar = await ask("more like the second one");
    expect(similar.text).toContain(`Papers similar to **${list.citations[1]!.title.replace(/([\\*_`[\]])/g, "\\$1")}**`);
    expect(titles(similar)).not.toContain(list.citations[1]!.title);
    expect(similar.citations.length).toBe(5);
    expect(titles(await ask("1"))).toEqual([similar.citations[0]!.title]);
    expect((await ask("similar to 3")).text).toContain(similar.citations[2]!.title.slice(0, 30));
    expect((await ask("papers like [2]")).text).toMatch(/^Papers similar to/);
    // A date after "papers like X" keeps to that list, not a search of X's title (which finds X itself).
    const dated = await ask("any from 2024?");
    expect(dated.text).toMatch(/from 2024|is from 2024|are from 2024/);
    expect(dated.text).not.toMatch(/is in the library \[1\]; papers like it come after it/);
  });

  it("shows the next page for 'more', numbered on from the list, without repeating a paper, until nothing close is left", async () => {
    const ask = thread();
    const first = await ask(KV);
    const more = await ask("show me more");
    expect(more.text).toMatch(/^More on \*\*kv cache compression\*\* \(6 to 10/);
    expect(more.citations.map((citation) => citation.n)).toEqual([6, 7, 8, 9, 10]);
    expect(titles(more).some((title) => titles(first).includes(title))).toBe(false);
    expect(titles(more).join(" ")).toMatch(/KV|MLA/);
    // "7" is the second paper of the new page.
    expect(titles(await ask("7"))).toEqual([more.citations[1]!.title]);
    let last = await ask("any others?");
    for (let i = 0; i < 10 && last.citations.length > 0; i++) last = await ask("more");
    expect(last.text).toMatch(/^That is all/);
    // A best paper far ahead of the rest (its title is the question) does not end the list at the next one.
    const hierarchical = thread();
    await hierarchical("any papers on hierarchical transformers?");
    expect((await hierarchical("more")).citations.length).toBe(5);
  });

  it("pages a list by upvotes on in the same order, with no topic to name", async () => {
    const ask = thread();
    const first = await ask("top papers by upvotes");
    const more = await ask("more");
    expect(more.text).toMatch(/^More \(6 to 10\):/);
    expect(more.citations.map((citation) => citation.n)).toEqual([6, 7, 8, 9, 10]);
    expect(titles(more).some((title) => titles(first).includes(title))).toBe(false);
  });

  it("filters the previous list by date instead of searching for 'those are'", async () => {
    const ask = thread();
    await ask(KV);
    await ask("more");
    const from2024 = await ask("which of those are from 2024?");
    expect(from2024.found).toBe(true);
    expect(from2024.text).toMatch(/^\d+ of those 10 papers are from 2024:/);
    for (const citation of from2024.citations) expect(citation.publishedAt).toMatch(/^2024-/);
    expect(from2024.text).toMatch(/show no date in the library/);
    // A number past the narrowed list points into the list it was narrowed from ("summarize 4" had said "The list has 2 papers").
    const list = await ask(KV);
    const narrowed = await ask("which of those are from 2024?");
    expect(narrowed.citations.length).toBeLessThan(4);
    expect(titles(await ask("summarize 4"))).toEqual([titles(list)[3]]);
    // …and past a narrowing of a narrowing, to the nearest list that long ("the second one" had said "The list has one paper").
    await ask(KV);
    const once = await ask("which of those mention LLMs?");
    expect(titles(await ask("which of those mention pyramid?")).length).toBeLessThan(once.citations.length);
    expect(titles(await ask("summarize 2"))).toEqual([titles(once)[1]]);
    await ask("which of those mention pyramid?");
    expect(titles(await ask("summarize 5"))).toEqual([titles(list)[4]]);
    // So does a pair of numbers past it: "how do 3 and 4 differ?" compares the third and fourth the asker read.
    await ask(KV);
    await ask("which of those are from 2024?");
    expect(titles(await ask("how do 3 and 4 differ?"))).toEqual([titles(list)[2], titles(list)[3]]);
    // "more" after it pages on from the list it was narrowed from, numbered on from that list.
    const before = await ask(KV);
    await ask("which of those are from 2024?");
    const more = await ask("more");
    expect(more.text).toMatch(new RegExp(`\\(${before.citations.length + 1} to `));
    expect(titles(await ask("summarize 2"))).toEqual([titles(before)[1]]);
  });

  it("reads chat typed without apostrophes, and the commands' own forms in a thread ('similar 2', 'paper 3')", async () => {
    const ask = thread();
    const moe = await ask("whats the newest papers on moe");
    expect(moe.found).toBe(true);
    // (One asked for, one given: "whats the newest paper on moe" is the newest paper.)
    expect(titles(await thread()("whats the newest paper on moe"))).toHaveLength(1);
    expect(moe.text).not.toMatch(/whats/i);
    expect((await ask("similar 2")).text).toMatch(new RegExp(`^Papers similar to \\*\\*${titles(moe)[1]!.slice(0, 12).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    expect((await ask("paper 1")).text).not.toMatch(/Nothing in the library covers/);
  });

  it("answers a question asked of the paper in view with the sentences that answer it, not its opening", async () => {
    const ask = thread();
    await ask("what does N-HiTS do?");
    const faster = await ask("how much faster is it than transformers?");
    expect(faster.text).toMatch(/50 times/);
    expect(faster.text).not.toMatch(/Recent progress in neural forecasting/);
  });

    it("makes the one paper 'whats the newest?' names the paper in view", async () => {
    const ask = thread();
    await ask("test-time scaling");
    const newest = await ask("whats the newest");
    const summary = await ask("summarize it");
    // It summarized the first three papers listed.
    expect(summary.citations.map((citation) => citation.title)).toEqual([newest.citations[0]!.title]);
    // So does "oldest?" alone, answered "The oldest of those is …".
    const again = thread();
    await again("test-time scaling");
    const oldest = await again("oldest?");
    expect((await again("summarize it")).citations.map((citation) => citation.title)).toEqual([oldest.citations[0]!.title]);
  });

it("says first when a yes/no question asks of the paper in view what its abstract never writes", async () => {
    const ask = thread();
    await ask("what does N-HiTS do?");
    expect((await ask("does it use RL?")).text).toMatch(/^Its abstract does not mention \*RL\*\./);
    expect((await ask("does it need fine-tuning?")).text).toMatch(/^Its abstract does not mention \*fine-tuning\*\./);
    // What is asked about is the question's most specialised word, not its verb ("run").
    expect((await ask("does it run on GPUs?")).text).toMatch(/^Its abstract does not mention \*GPUs\*\./);
    // So does "what dataset does it use?" of a paper whose abstract names none; one that does is answered from it.
    const flute = thread();
    await flute("what is FLUTE?");
    expect((await flute("what dataset does it use?")).text).toMatch(/^Its abstract names no \*dataset\*\./);
    expect((await flute("is there a dataset in it?")).text).toMatch(/^Its abstract names no \*dataset\*\./);
    expect((await flute("which kernels does it beat?")).text).not.toMatch(/names no/);
    // …and of a paper named in the question; not of a figure ("what accuracy does X reach?"), nor of an abstract naming
    // what it was run on without the word ("experiments on CIFAR-10 and ImageNet" are its benchmarks).
    const named = thread();
    expect((await named("what datasets does TALL-masks use?")).text).toMatch(/^Its abstract names no \*dataset\*\./);
    expect((await named("What accuracy does MobileSAMv2 reach?")).text).not.toMatch(/names no/);
    // Several kinds asked at once: each kind of named thing the abstract lacks, and only those ("learning rate" is no name).
    expect((await thread()("what datasets and baselines does TALL-masks use?")).text).toMatch(/^Its abstract names no \*dataset\* or \*baseline\*\./);
    expect((await thread()("what learning rate and GPU did PyramidKV use?")).text).toMatch(/^Its abstract names no \*GPU\*\.\n\nFrom \*\*PyramidKV/);
    const nas = await thread()("what benchmark does ProxylessNAS evaluate on?");
    expect(nas.text).not.toMatch(/names no/);
    expect(nas.text).toMatch(/Experiments on CIFAR-10 and ImageNet/);
    // Written as an acronym's long form, or as asked: no such line, the sentences that say it instead.
    expect((await ask("does it do forecasting?")).text).not.toMatch(/does not mention/);
    // …or written apart: TransMLA's "pre-trained models" write the "pretraining" asked about.
    const other = thread();
    await other("what is TransMLA?");
    expect((await other("does it need pretraining from scratch?")).text).not.toMatch(/does not mention \*pretraining\*/);
    // The word after "does it" is what it is asked to do: "Its abstract does not mention *handle*" of an imputation
    // paper asked "does it handle missing values?". An acronym asked about quotes the sentence writing its long form.
    const imputation = thread();
    await imputation("glocal information bottleneck for time series imputation");
    // A paper that writes what is asked says so first ("is that one about speculative decoding?" had read as a search).
    expect((await imputation("does it handle missing values?")).text).toMatch(/^Its abstract mentions \*missing values\*:\n\n\*\*Glocal Information Bottleneck[^\n]*missing values/);
    const reward = thread();
    await reward("editreward");
    expect((await reward("does it use RL?")).text).toMatch(/reinforcement learning-based post-training/);
    // "who made it?" of a paper listed with its lab but no author names: the lab, not "does not record its authors".
    expect((await reward("who made it")).text).toMatch(/^It is from TIGER-Lab; the library does not record its authors' names\./);
    // "explain it like I'm a biologist" and "anything similar?" are about it too.
    expect((await ask("explain it like I'm a biologist")).citations.map((citation) => citation.title)).toEqual([expect.stringMatching(/^N-HiTS/)]);
    expect((await ask("anything similar?")).text).toMatch(/^Papers similar to \*\*N-HiTS/);
    // "anything newer?" of a dated paper says the dates it keeps to, as the question asked for them.
    const newer = thread();
    await newer("the EditReward paper");
    expect((await newer("anything newer?")).text).toMatch(/^Papers similar to \*\*EditReward: .*\*\* \(published since 2025-10-01\), most similar first:/);
  });

  it("narrows a list by what its papers target or handle, not by those verbs", async () => {
    const ask = thread();
    await ask("approximate nearest neighbor search");
    expect((await ask("which one handles billion scale")).text).toMatch(/^One of those \d papers mentions \*\*billion scale\*\*:\n\n1\. \*\*SPANN/);
  });

  it("narrows the list on 'and which one uses X' and 'the ones using X stuff' (it searched 'one uses X' and 'using X')", async () => {
    const ask = thread();
    await ask("medical image papers");
    expect((await ask("and which one uses diffusion")).text).toMatch(/^One of those \d+ papers mentions \*\*diffusion\*\*:/);
    const other = thread();
    await other("recommender systems papers");
    expect((await other("the ones using sparse stuff")).text).toMatch(/^(?:One|\d+) of those \d+ papers mentions? \*\*sparse\*\*:/);
  });

  it("names the papers writing the rarest word of a topic none of the list writes whole", async () => {
    const ask = thread();
    await ask("neural architecture search");
    const aware = await ask("which ones are hardware aware");
    expect(aware.text).toMatch(/^(?:One of those \d+ papers mentions|\d+ of those \d+ papers mention) \*\*hardware\*\*, though none writes \*\*hardware aware\*\* as such:\n\n1\. /);
    expect(titles(aware).length).toBeGreaterThan(0);
  });

  it("says a hyphenated term is mentioned only by a listed paper that writes it ('training-free' is not 'training' and 'freeing')", async () => {
    const ask = thread();
    await ask("diffusion transformer training speed");
    expect((await ask("which ones are training-free?")).text).toMatch(/^None of those \d+ papers mentions \*\*training-free\*\*/);
  });

  it("asks the library for a listed paper's topic that none of a list on alternatives writes, on its own", async () => {
    const ask = thread();
    await ask("anything on audio or speech?");
    // It had searched "audio or speech music".
    const music = await ask("the one about music");
    expect(music.text).not.toMatch(/speech music/);
    expect(titles(music)[0]).toMatch(/Music Auto-tagging/);
  });

  it("narrows a list by an acronym to the papers writing it or its long form", async () => {
    const ask = thread();
    const list = await ask("sparse autoencoders for interpretability");
    // The Geometry of Concepts writes "large language models", never "LLMs" ("None of those 2 papers mentions llms").
    const llms = await ask("which of those are about LLMs?");
    expect(llms.text).toMatch(/mentions? \*\*llms or large language models\*\*/i);
    expect(titles(llms)).toContainEqual(expect.stringMatching(/^The Geometry of Concepts/));
    // "compare 1 and 2" past the one kept compares the two listed before ("The list has one paper").
    expect(titles(await ask("compare 1 and 2"))).toEqual(titles(list).slice(0, 2));
  });

  it("narrows the previous list to the papers that mention a topic", async () => {
    const ask = thread();
    await ask(KV);
    await ask("more");
    const vision = await ask("which of these are for vision models?");
    expect(vision.text).toMatch(/^(?:One|\d+) of those 10 papers mentions? \*\*vision models\*\*:/);
    for (const title of titles(vision)) expect(title).toMatch(/Vision/);
    // What it rules out is not a word the papers must hold.
    const other = thread();
    await other(KV);
    await other("more");
    expect(titles(await other("which of these are for vision models, not speech recognition?"))).toEqual(titles(vision));
    expect((await ask("which of those are about speech?")).text).toMatch(/^(?:That paper does not mention|None of those \d+ papers mentions) \*\*speech\*\*/);
    // "only the ones about graphs" with none of the list on graphs asks the thread's topic on graphs of the library.
    const bottleneck = thread();
    await bottleneck("information bottleneck");
    expect(titles(await bottleneck("only the ones about graphs"))).toContainEqual(expect.stringMatching(/^Conditional Graph Information Bottleneck/));
    // So does "which of these are about graphs?", saying first that none of the list is, when the library has more on it.
    const asked = thread();
    await asked("information bottleneck");
    const graphs = await asked("which of these are about graphs?");
    expect(graphs.text).toMatch(/^None of those 5 papers mentions \*\*graphs\*\*, but \d other papers in the library mention it, among the best matches for \*\*information bottleneck\*\*:/);
    // …each writing the thread's topic: not a paper on Fisher information.
    expect(titles(graphs).some((title) => /Fisher/.test(title))).toBe(false);
    expect(titles(graphs)).toContainEqual(expect.stringMatching(/^Conditional Graph Information Bottleneck/));
    expect((await asked("which of these are about protein folding?")).text).toMatch(/Nor does any other paper in the library on the same topic\.$/);
    // A paper on both that the search ranks without judging it on the topic is named, not denied.
    const nearest = thread();
    await nearest("approximate nearest neighbor search papers");
    const gpus = await nearest("which ones run on GPUs?");
    expect(gpus.text).toMatch(/^None of those \d papers mentions \*\*gpus\*\*, but one other paper in the library mentions it, among the best matches for \*\*approximate nearest neighbor search\*\*:/);
    expect(titles(gpus)).toEqual(["Billion-scale similarity search with GPUs"]);
    expect(titles(await nearest("summarize 1"))).toEqual(["Billion-scale similarity search with GPUs"]);
    // …each writing the thread's topic as asked: LLM papers writing "continuous" are not on continual learning.
    const continual = thread();
    await continual("continual learning papers");
    for (const citation of (await continual("which ones are about LLMs?")).citations) {
      const paper = await library.paper(citation.id);
      expect(`${paper!.title} ${paper!.abstract}`, citation.title).toMatch(/continual/i);
    }
 
    // "drop the vision ones": the list without the papers that mention it, in its order.
    const dropping = thread();
    await dropping(KV);
    const all = await dropping("more");
    const kept = await dropping("drop the vision ones");
    expect(kept.text).toMatch(/^\d+ of those 10 papers do not mention \*\*vision\*\*:/);
    expect(titles(kept).every((title) => !/Vision/.test(title))).toBe(true);
    expect(titles(kept).length).toBeLessThan(titles(all).length + 5);
    // Said to mention the topic, a paper writes each of its words: the stem of "transformation" is not "transformers".
    const series = thread();
    await series("time series papers");
    for (const paper of (await series("which of those use transformers")).citations) expect(paper.title).not.toMatch(/Wheat/);
  });

  it("answers a number or 'more' with no list before it with a hint, not a search for '2'", async () => {
    for (const question of ["2", "more", "the second one"]) {
      const reply = await thread()(question);
      expect(reply).toMatchObject({ text: NO_LIST, citations: [], found: false });
    }
    expect((await new Answerer(library).ask("2", { today: TODAY })).text).toBe(NO_LIST);
  });

  it("numbers the closest papers of a 'nothing covers that', which a number then opens", async () => {
    const ask = thread();
    const none = await ask("protein folding");
    expect(none.found).toBe(false);
    expect(none.text).toMatch(/\n1\. \[/);
    const second = await ask("2");
    expect(second.citations.map((citation) => citation.id)).toEqual([none.closest[1]!.id]);
  });

  it("answers messages with no topic of their own from the papers listed, not by searching for their words", async () => {
    const ask = thread();
    const list = await ask(KV);
    const compared = await ask("compare them");
    expect(titles(compared)).toEqual(titles(list).slice(0, 3));
    expect(compared.notes.join(" ")).toMatch(/first 3 of the 5 papers listed/);
    // A verdict the abstracts do not give is said not to be there.
    expect((await ask("which is better?")).notes[0]).toMatch(/^Each paper's abstract reports its own results/);
    expect(titles(await ask("what are the results?"))).toEqual(titles(list).slice(0, 3));
    // "how does it work?" after a paper is opened asks about that paper, not how the bot works.
    expect(titles(await ask("tell me about 2"))).toEqual([titles(list)[1]]);
    expect(titles(await ask("how does it work?"))).toEqual([titles(list)[1]]);
  });

  it("answers 'who wrote X?' and 'when was X published?' with that paper's detail, or says the library lacks it", async () => {
    const ask = thread();
    const when = await ask("when was MobileNetV2 published?");
    expect(when.text).toMatch(/^\*\*MobileNetV2: .*\*\* \[1\] was published on \d{4}-\d{2}-\d{2}\./);
    expect(titles(when)).toHaveLength(1);
    expect((await ask("who wrote PyramidKV?")).text).toMatch(/^The library does not record who wrote \*\*PyramidKV/);
    // The paper is then what "it" means.
    expect(titles(await ask("papers like it"))).not.toContain(expect.stringMatching(/^PyramidKV/));
    // …within the dates asked ("papers like it from 2025" had listed papers of any date).
    const dated = await ask("papers like it from 2025");
    expect(dated.text).toMatch(/^Papers similar to \*\*PyramidKV.*\*\* \(from 2025\):/);
    expect(dated.citations.length).toBeGreaterThan(0);
    // What a named paper does is that paper's own sentence, not a topic search nor papers like it.
    // Asked whether a paper is here: said plainly when it is not, before the papers on its name.
    expect((await ask("is the FlashAttention-3 paper in the library?")).text).toMatch(/^No paper in the library is titled \*\*FlashAttention-3\*\*\./);
    // So is asking what a paper the library lacks does.
    expect((await ask("what does FlashAttention-3 propose?")).text).toMatch(/^No paper in the library is titled \*\*FlashAttention-3\*\*\./);
    // A name no paper goes by, said as written, with the few papers writing it rather than titles spelt like it.
    const dino = await ask("DINOv2");
    expect(dino.text).toMatch(/^No paper in the library is titled or about \*\*DINOv2\*\*, but this one mentions it/);
    expect(dino.text).toMatch(/\n1\. \[Q-Former Autoencoder/);
    expect(dino.text).not.toMatch(/\n2\. /);
    const target = await ask("What accuracy does MobileSAMv2 reach?");
    expect(target.text).toMatch(/^From \*\*MobileSAMv2: .*\*\* \[1\]:\n\n.*42\.5%/);
    expect(titles(target)).toHaveLength(1);
    // What it does "instead of" something is its own method, not the sentence on what it replaces.
    expect((await ask("what does NoProp do instead of backprop?")).text).toMatch(/denoise a noisy target/);
    // "the grokking paper" is the one paper whose title holds the word, though no paper is named Grokking.
    expect((await ask("what's the main finding of the grokking paper?")).text).toMatch(/^From \*\*Droplets of Good Representations: Grokking/);
    // A paper's own name is its name though its stem is a common word's ("Performers", "performance").
    expect((await ask("what are the limitations of Performers?")).text).toMatch(/^From \*\*Rethinking Attention with Performers\*\*/);
    // A question's clause is not echoed back half-framed ("best matches GPUs was DeepSeek-V3 trained on").
    expect((await ask("which GPUs was DeepSeek-V3 trained on?")).text).not.toMatch(/matches \*\*GPUs was/);
  });

  it("takes a paper a question names, or the paper a list is like, for what 'it' means next", async () => {
    const ask = thread();
    const named = await ask("what is FLUTE?");
    // What the paper is, in its abstract's words: not a list of papers like it.
    expect(titles(named)).toEqual([expect.stringMatching(/^Fast Matrix Multiplications/)]);
    expect(named.text).toMatch(/^From \*\*Fast Matrix Multiplications for Lookup Table-Quantized LLMs\*\* \[1\]:\n\n.*FLUTE/);
    expect(titles(await ask("how does it work?"))).toEqual([titles(named)[0]]);
    const like = await ask("papers like it");
    expect(titles(like)).not.toContain(titles(named)[0]);
    const citing = await ask("anything that cites it?");
    expect(citing.notes[0]).toMatch(/does not record citations/);
    expect(titles(citing)).toEqual(titles(like));
  });

  it("compares the paper in view with one named: 'compare it with SPANN'", async () => {
    const ask = thread();
    await ask("paper HNSW");
    const compared = await ask("compare it with SPANN");
    expect(titles(compared)).toEqual([expect.stringMatching(/^Efficient and robust approximate nearest neighbor/), expect.stringMatching(/^SPANN/)]);
 
    // "it" is still the paper that was open, and "which …?" asks it of the two compared, not of the library.
    expect(titles(await ask("papers like it"))).not.toContainEqual(expect.stringMatching(/^Efficient and robust approximate nearest neighbor/));
    const other = thread();
    await other("what is FLUTE?");
    await other("compare it with MARLIN");
    const which = await other("which needs finetuning?");
    expect(titles(which)).toEqual([expect.stringMatching(/^Fast Matrix Multiplications/), expect.stringMatching(/^MARLIN/)]);
    expect((await other("papers like it")).text).toMatch(/^Papers similar to \*\*Fast Matrix Multiplications/);
    // "the grokking paper": no paper is named so, but one title alone holds the word.
    expect((await thread()("what else is like the grokking paper")).text).toMatch(/^Papers similar to \*\*Droplets of Good Representations: Grokking/);
    // With a list and none opened, "it" is for the asker to say by number ("compare 2 with HNSW"), not a paper titled "it".
    const listed = thread();
    await listed("approximate nearest neighbor search");
    expect((await listed("compare it with HNSW")).text).toMatch(/^Which of the \d papers listed\? .*`compare 2 with HNSW`/);
    expect(titles(await listed("compare 2 with HNSW"))).toHaveLength(2);
  });

  it("opens a listed paper by a word of its title, and returns to an earlier list", async () => {
    const ask = thread();
    const list = await ask(KV);
    const scissorhands = titles(list).findIndex((title) => title.startsWith("Scissorhands"));
    expect(titles(await ask("tell me about the scissorhands one"))).toEqual([titles(list)[scissorhands]]);
    // One no paper listed holds is a paper named all the same: it had searched "task arithmetic one".
    expect(titles(await ask("tell me about the task arithmetic one"))[0]).toMatch(/^Task Arithmetic in the Tangent Space/);
    await ask("clustering algorithms");
    const back = await ask("back to the KV cache list");
    expect(titles(back)).toEqual(titles(list));
    expect(titles(await ask("2"))).toEqual([titles(list)[1]]);
 
    // Of two lists the words fit, the one whose topic they fit closest: not the later "… for vision".
    await ask("what about for vision?");
    expect((await ask("back to the kv cache one")).text).toMatch(/^Back to \*kv cache compression\*:/i);
  });

  it("reads 'any that are about X instead of Y?' as the last topic for X, Y ruled out", async () => {
    const ask = thread();
    await ask("MoE serving systems");
    // It had searched "training instead of inference" alone: recommendation and hierarchy papers.
    const training = await ask("any that are about training instead of inference?");
    expect(training.text.split("\n")[0]).toMatch(/moe serving systems for training instead of inference/i);
    expect(training.citations[0]!.title).toMatch(/^HetuMoE/);
  });

  it("reads 'what about X?' as the last topic with X when the library covers that, else as X alone", async () => {
    const ask = thread();
    await ask("test time scaling");
    expect((await ask("what about agents?")).citations[0]!.title).toMatch(/^AgentTTS/);
    expect((await ask("what about protein folding?")).text).toMatch(/^Nothing in the library covers \*\*protein folding\*\*/);
    // …and as X alone when the papers cited on both leave X out: "what about music" after speaker verification had
    // cited the speaker paper "(it does not mention music)".
    const other = thread();
    await other("i work on speaker verification, anything for me?");
    expect((await other("what about music")).citations[0]!.title).toMatch(/Music Auto-tagging/);
  });

  it("reads 'what about imputation?' after 'time series forecasting' as time series imputation, which papers write", async () => {
    const ask = thread();
    await ask("papers on time series forecasting");
    // It had searched "time series forecasting for imputation": a forecasting paper alone.
    const imputation = await ask("what about imputation?");
    expect(imputation.text.split("\n")[0]).toMatch(/time series imputation/);
    expect(imputation.citations[0]!.title).toMatch(/Time Series Imputation/);
  });

  it("asks the topic again before the oldest paper shown for 'anything older?'", async () => {
    const ask = thread();
    const list = await ask(KV);
    const oldest = list.citations.flatMap((citation) => citation.publishedAt ?? []).sort()[0]!;
    const older = await ask("anything older?");
    expect(older.citations.length).toBeGreaterThan(0);
    for (const citation of older.citations) if (citation.publishedAt) expect(citation.publishedAt < oldest).toBe(true);
    // "more" pages on within those dates.
    for (const citation of (await ask("more")).citations) if (citation.publishedAt) expect(citation.publishedAt < oldest).toBe(true);
  });

  it("keeps the thread's list when a question finds nothing and has no closest papers to number", async () => {
    const ask = thread();
    const list = await ask(KV);
    const none = await ask("them");
    expect(none).toMatchObject({ found: false, closest: [] });
    expect(titles(await ask("2"))).toEqual([titles(list)[1]]);
  });

  it("answers small talk in one line without papers, and keeps the list for the next number", async () => {
    const ask = thread();
    const list = await ask(KV);
    const thanks = await ask("thanks!");
    expect(thanks).toMatchObject({ found: false, citations: [], closest: [] });
    expect(thanks.text).not.toMatch(/Nothing in the library/);
    expect(titles(await ask("2"))).toEqual([list.citations[1]!.title]);
    expect((await ask("hello")).text).toMatch(/^Hello! Ask me about the papers/);
  });

  it("gives a language model the question as asked, about the one paper it names, with that paper alone as evidence", async () => {
    const asked: { question: string; evidence: string[] }[] = [];
    const writer: EvidenceWriter = {
      write: async (question, evidence) => {
        asked.push({ question, evidence: evidence.map((paper) => paper.title) });
        const citations = evidence.map((paper, index) => ({ n: index + 1, id: paper.id, title: paper.title, url: paper.url }));
        return { text: citations.map((citation) => `[${citation.n}]`).join(" "), citations, found: true, closest: [], notes: [] };
      },
    };
    const answerer = new Answerer(library, { writer });
    const ask = (question: string) => answerer.ask(question, { today: TODAY, thread: "model" });
    const list = await ask(KV);
    await ask("what does the third one propose?");
    await ask("2");
    const third = list.citations[2]!.title;
    expect(asked.at(-2)).toEqual({ question: `what does the third one propose? (about the paper "${third}")`, evidence: [third] });
    expect(asked.at(-1)).toEqual({ question: `Tell me more about "${list.citations[1]!.title}".`, evidence: [list.citations[1]!.title] });
  });
});
