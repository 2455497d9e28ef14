import { beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../../src/answer/answerer.ts";
import { Conversations } from "../../src/answer/conversations.ts";
import type { Library } from "../../src/library/library.ts";
import { extractiveReply, topicSaid } from "../../src/answer/extractive.ts";
import { TODAY, useSampleLibrary } from "../helpers/library.ts";
import { storedPaper } from "../store/paper-store.case.ts";

const samples = useSampleLibrary();
let library: Library;
beforeAll(() => {
  library = samples();
});

const ask = (question: string, thread?: string, answerer = new Answerer(library)) => answerer.ask(question, { today: TODAY, ...(thread && { thread }) });

describe("the offline (extractive) answer", () => {
  it.each([
    ["which papers cover KV cache compression?", /KV|Discard/],
    ["how can I shrink the memory used by cached keys and values during decoding?", /KV|MLA|Discard/],
    ["papers from 2024 about KV cache compression", /Keyformer|ZipVL/],
    ["compare PyramidKV and PyramidInfer", /Pyramid/],
  ])("answers %s with cited papers on it", async (question, titles) => {
    const reply = await ask(question);
    expect(reply.found).toBe(true);
    expect(reply.citations.length).toBeGreaterThanOrEqual(1);
    expect(reply.citations.length).toBeLessThanOrEqual(8);
    expect(reply.citations[0]!.title).toMatch(titles);
    // Every cited paper appears once, numbered in order, each with a quoted sentence of its abstract.
    reply.citations.forEach((citation, index) => {
      expect(citation.n).toBe(index + 1);
      expect(reply.text).toContain(`[${citation.n}]: `);
    });
  });

  it("says it cannot search by author for 'papers by <person>', rather than that nothing covers 'by tri dao'", async () => {
    for (const question of ["papers by tri dao", "anything written by Tri Dao?"]) {
      expect((await ask(question)).text).toMatch(/^I cannot search the library by author, so I cannot list papers by \*\*tri dao\*\*\./i);
    }
    // Nor by venue: "papers from neurips 2023" was "Nothing in the library covers from neurips 2023".
    for (const question of ["papers from neurips 2023", "icml papers"]) expect((await ask(question)).text).toMatch(/^The library does not record where its papers were published, so I cannot list papers from \*\*(?:neurips|icml)/);
    // Nor by a lab no paper is recorded as from: "anything from meta ai" was "Nothing in the library covers from meta ai".
    expect((await ask("anything from meta ai")).text).toMatch(/^No paper in the library is recorded as from \*\*meta ai\*\*/);
    expect((await ask("anything from TIGER-Lab")).citations[0]?.title).toMatch(/^EditReward/);
  });

  it("cuts a long topic short without a full stop after the '…'", async () => {
    const reply = await ask("figuring out what someone is doing (walking, sitting, climbing stairs) from the watch and phone they carry, without hand-labelled data");
    expect(reply.text).not.toMatch(/…\**\./);
  });

  it("says how many papers the library holds when asked, not searches for 'how many'", async () => {
    for (const question of ["how many papers are in the library?", "how big is the library", "how many papers do you have", "how many papers have no date", "how many undated papers are there"]) {
      expect((await ask(question)).text).toMatch(/^The library holds \d+ papers \(publication dates \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d; \d+ undated\)\./);
    }
  });

  it("looks an arXiv link up rather than search its words", async () => {
    // As typed in chat too: "arxiv 2406.02069" had searched the word "arxiv".
    for (const link of ["https://arxiv.org/abs/2406.02069", "arxiv.org/abs/2406.02069v2", "arxiv 2406.02069", "arXiv: 2406.02069?"]) {
      const reply = await ask(link);
      expect(reply.text).toMatch(/^No paper in the library has the arXiv id 2406\.02069\./);
      expect(reply.found).toBe(false);
    }
  });

  it("says which papers mention a baseline asked against, besides its own paper", async () => {
    const reply = await ask("which papers outperform FlashAttention-2?");
    expect(reply.text).toMatch(/^The \d papers that mention \*\*FlashAttention-2\*\*, besides its own paper \(listed after them\), most relevant first:/);
    // Each quote is the sentence that writes the name: how the paper measures itself against it.
    expect(reply.text.split("\n").filter((line) => /^\d\. /.test(line)).every((line) => /FlashAttention-2/.test(line.split("]: ")[1] ?? ""))).toBe(true);
  });

  it("answers a pasted title with that paper first, then papers like it", async () => {
    const reply = await ask("efficient and robust approximate nearest neighbor search using hierarchical navigable small world graphs");
    expect(reply.found).toBe(true);
    expect(reply.text).toMatch(/^\*\*Efficient and robust approximate nearest neighbor search using Hierarchical Navigable Small World graphs\*\* is in the library \[1\]; papers like it come after it/);
    expect(reply.citations[0]!.title).toMatch(/Hierarchical Navigable Small World/);
    expect(reply.citations.length).toBeGreaterThan(1);
  });

  it("answers a passage quoted from a paper with that paper first, said to be its source, then papers like it", async () => {
    const reply = await ask("Our observations reveal that LLMs aggregate information through Pyramidal Information Funneling where attention is scattering widely in lower layers");
    expect(reply.text).toMatch(/^Your text is from \*\*PyramidKV: Dynamic KV Cache Compression based on Pyramidal Information Funneling\*\* \[1\]; papers like it come after it, most similar first:/);
    expect(reply.citations.length).toBeGreaterThan(1);
  });

  it("says a pasted title no paper has is not in the library before the papers on its words, and finds a typo'd one", async () => {
    const missing = await ask("Attention Is All You Need");
    // The paper with it in its title is named, as the lookup names it, and what follows is on the title's words.
    expect(missing.text).toMatch(/^No paper in the library is titled \*\*Attention Is All You Need\*\*; \*\*TransMLA: Multi-head Latent Attention Is All You Need\*\* has it in its title\.\n\nThe \d papers that best match its words/);
    const typo = await ask("Effcient and Robust Approximate Nearest Neighbor Search Using Hierarchical Navigable Small World Graphs");
    expect(typo.text).toMatch(/is in the library \[1\]; papers like it come after it/);
    expect(typo.citations[0]!.title).toMatch(/Hierarchical Navigable Small World/);
    // "the X paper" asks for a paper by name: lookup first ("performers" would also match "performance" as a topic).
    // What it proposes is answered from it ("what does the Keyformer paper do?" had listed papers like it).
    const named = await ask("what does the Performers paper propose?");
    expect(named.text).toMatch(/^From \*\*Rethinking Attention with Performers\*\* \[1\]/);
    // A paper found by words its title holds further on is said to be the one with them in its title, not the paper
    // meant ("You are caught stealing my winning lottery ticket!" was said to be "the lottery ticket paper").
    for (const [question, words, title] of [["the lottery ticket paper", "lottery ticket", /^You are caught stealing/], ["the grokking paper", "grokking", /^Droplets of Good Representations/]] as const) {
      const loose = await ask(question);
      expect(loose.text).toMatch(new RegExp(`^The paper in the library with \\*${words}\\* in its title is \\*\\*`));
      expect(loose.citations[0]!.title).toMatch(title);
    }
    // A description of a few words the best paper's title holds is that paper described, not a title the library lacks.
    const torchhd = await ask("the hyperdimensional computing python library paper");
    expect(torchhd.text).not.toMatch(/titled/);
    expect(torchhd.citations[0]!.title).toMatch(/^Torchhd/);
    // "that X paper" asks for a paper by name as "the X paper" does.
    expect((await ask("that nyu paper on diffusion transformers")).text).not.toMatch(/^Nothing/);
    // …nor is a later version the paper a bare or "original" name asks for (FlashAttention-2 was said to be "the original flashattention paper").
    for (const question of ["the flashattention paper", "the original flashattention paper"]) expect((await ask(question)).text.split("\n")[0]).toBe("No paper in the library is titled **flashattention**.");
    // A name with a version is not respelt into the library's other version: "mobilenet v3 paper" was "mobilenetv2 v3".
    expect((await ask("mobilenet v3 paper")).text.split("\n")[0]).toBe("No paper in the library is titled **mobilenet v3**.");
    // …and one writing the name as another paper's ("… of controlled ResNets") is not "the resnet paper".
    expect((await ask("the resnet paper")).text).toMatch(/^No paper in the library is titled \*\*resnet\*\*\./);
    // "Papers like X" for an X the library lacks says so, then gives papers on X's name, not on "like X".
    const unlike = await ask("papers like FlashAttention-3");
    expect(unlike.text).toMatch(/^\*\*FlashAttention-3\*\* is not in the library, so I cannot look for papers like it; these are on its name instead\.\n\n/);
    expect(unlike.text).not.toMatch(/like FlashAttention-3,/);
    expect(unlike.citations[0]!.title).toMatch(/^FlashAttention-2/);
    // A comparison with a paper the library lacks says so, and never compares with a near spelling (LowFormer for Linformer).
    const half = await ask("Performer vs Linformer");
    expect(half.text).toMatch(/^No paper in the library is titled \*\*Linformer\*\*\.\n\n\*\*Rethinking Attention with Performers\*\* is in the library \[1\]/);
    expect(half.citations.map((citation) => citation.title).join(" ")).not.toMatch(/LowFormer/);
    expect((await ask("FlashAttention-2 vs FlashAttention-3")).text).toMatch(/^No paper in the library is titled \*\*FlashAttention-3\*\*\./);
    // Words and a version name one paper as a joined name does; "is X better than Y?" compares as "X vs Y" does.
    expect((await ask("is flash attention 2 better than flash attention 1?")).text).toMatch(/^No paper in the library is titled \*\*flash attention 1\*\*\.\n\n\*\*FlashAttention-2: /);
    // "Do you have X?" when titles merely hold X ("When Inception Meets ConvNeXt") says first that none is titled X.
    expect((await ask("do you have ConvNeXt?")).text).toMatch(/^No paper in the library is titled \*\*ConvNeXt\*\*\./);
    // A name no paper is about but several write lists those papers as mentioning it.
    const mentioned = await ask("anything on Mamba?");
    expect(mentioned.text).toMatch(/^No paper in the library is about \*\*Mamba\*\*, but these mention it/);
    // Asked for as a paper, one sentence says both ("BERT paper?" had said "No paper in the library is …" twice).
    expect((await ask("the Mamba paper?")).text).toMatch(/^No paper in the library is titled or about \*\*Mamba\*\*, but these mention it/);
    expect(mentioned.found).toBe(false);
    expect(mentioned.closest?.length).toBeGreaterThan(1);
    // Asked for papers compared against it, those papers are the answer.
    const against = await ask("any papers that compare against Mamba?");
    expect(against.found).toBe(true);
    expect(against.text).toMatch(/^The \d papers that mention \*\*Mamba\*\*, most relevant first:/);
    // "here" asks whether it is in the library; a name written as one is not its follow-up ("LLaVA": LLaVA-UHD v2).
    expect((await ask("is the DARTS paper here?")).text).toMatch(/^No paper in the library is titled \*\*DARTS\*\*\./);
    expect((await ask("is LLaVA in the library?")).text).toMatch(/^No paper in the library is titled \*\*LLaVA\*\*\./);
    // With nothing on its name either, the closest titles are another version of it.
    const mcunet = await ask("do you have MCUNet?");
    expect(mcunet.closest[0]?.title).toMatch(/^MCUNetV2/);
    // A topic typed with capitals is a topic.
    expect((await ask("KV Cache Compression")).text).not.toMatch(/titled/);
    // A version a word apart is the version asked: "flashattention 2" is FlashAttention-2, here.
    expect((await ask("is flashattention 2 in the library")).text).toMatch(/^\*\*FlashAttention-2: .*\*\* is in the library/);
  });

  it("says which part of a two-part question none of the cited papers mentions", async () => {
    const reply = await ask("KV cache compression for speech recognition");
    expect(reply.found).toBe(true);
    expect(reply.text.split("\n")[0]).toMatch(/\((?:none of them mentions|it does not mention) \*speech recognition\*\):$/);
    // Missing the setting asked for, the answer covers the question in part, and says so.
    expect(reply.text).toMatch(/^These papers come closest to \*\*KV cache compression for speech recognition\*\*, though they may cover it only in part/);
    expect(reply.partial).toBe(true);
    // So does one whose papers all leave out a phrase of it, with no setting asked for.
    expect((await ask("time series anomaly detection")).text).toMatch(/^These papers come closest to \*\*time series anomaly detection\*\*, though they may cover it only in part \(none of them mentions \*time series\*\):/);
    // So does one whose papers hold its two parts only apart: some on hyperbolic embeddings, others on recommenders.
    const apart = await ask("hyperbolic embeddings for recommender systems");
    expect(apart.text).toMatch(/^These papers come closest to \*\*hyperbolic embeddings for recommender systems\*\*, though they may cover it only in part \(none of them mentions \*hyperbolic embeddings for recommender systems\*\):/);
    expect(apart.partial).toBe(true);
    // Not when one paper holds both ("information bottleneck for time series").
    expect((await ask("information bottleneck for time series")).partial).toBeUndefined();
    const single = extractiveReply("grokking", [{ paper: storedPaper("Grokking"), score: 1, relevant: true }], { terms: new Map() }, { kind: "topic", unsure: true });
    expect(single.text).toMatch(/^This paper comes closest to \*\*grokking\*\*, though it may cover it only in part:/);
    const one = extractiveReply("kv cache compression for speech recognition", [{ paper: { ...storedPaper("PyramidKV"), abstract: "We compress the KV cache." }, score: 1, relevant: true }], { terms: new Map() }, { kind: "topic", missing: ["speech recognition"] });
    expect(one.text.split("\n")[0]).toMatch(/\(it does not mention \*speech recognition\*\):$/);
    const plain = await ask("which papers cover KV cache compression?");
    expect(plain.text.split("\n")[0]).not.toMatch(/none of them mentions/);
    // How well it is asked for is no part left out: "(none of them mentions nearest neighbours quickly)" sat over SPANN.
    const quickly = await ask("we want to search a billion vectors for nearest neighbours quickly, what papers should we look at");
    expect(quickly.citations[0]?.title).toMatch(/Nearest Neighbor|similarity search/);
    expect(quickly.text.split("\n")[0]).not.toMatch(/mentions/);
    // A word no paper in the library uses is the asker's wording, not a part the answer leaves out.
    expect((await ask("KV cache compression when the GPU sits idle")).text.split("\n")[0]).not.toMatch(/mentions \*idle\*/);
    // What is asked in that setting, when none of the best papers holds its key word (here one no paper uses), is not covered.
    const head = await ask("curriculum learning for KV cache compression");
    expect(head.found).toBe(false);
    expect(head.text).toMatch(/^(?:I found nothing in the library that clearly covers|Nothing in the library covers) \*\*curriculum learning for KV cache compression\*\*/);
    // A phrase a good share of the library uses is its background: not saying it tells the reader nothing.
    expect((await ask("writing fast gpu kernels for deep learning")).text.split("\n")[0]).not.toMatch(/mentions \*deep learning\*/);
  });

  it("answers a comparison no paper covers whole with the papers on each side, each marked with its side", async () => {
    const reply = await ask("HNSW vs product quantization");
    // A side naming a paper is that paper and papers writing its name, not papers like it (SPANN never says HNSW).
    expect(reply.text).not.toMatch(/SPANN[^\n]*on \*HNSW\*/);
    expect(reply.text.split("\n")[0]).toBe("No paper in the library covers both *HNSW* and *product quantization*; the papers that best match each:");
    expect(reply.text).toMatch(/Hierarchical Navigable Small World graphs\*\*(?: \([^)]*\))?, on \*HNSW\* \[1\]/);
    expect(reply.text).toMatch(/Billion-scale similarity search with GPUs\*\*(?: \([^)]*\))?, on \*product quantization\* \[2\]/);
  });

  it("answers two requests in one message side by side, and says so of one nothing covers", async () => {
    const both = await ask("concept bottleneck models, and separately anything on hyperbolic embeddings");
    expect(both.text.split("\n")[0]).toBe("The papers that best match each of **concept bottleneck models** and **hyperbolic embeddings**:");
    const one = await ask("papers on hyperbolic embeddings and also papers on quantum error correction");
    expect(one.text.split("\n")[0]).toBe("Nothing in the library covers **quantum error correction**. The papers that best match **hyperbolic embeddings**:");
    expect(one.text).not.toMatch(/, on \*/);
    // A part naming a paper ("papers on hnsw") is a side too: the message was searched whole.
    const named = await ask("two things: 1) papers on hnsw 2) papers on product quantization");
    expect(named.text.split("\n")[0]).toBe("The papers that best match each of **hnsw** and **product quantization**:");
    expect(named.citations[0]?.title).toMatch(/Hierarchical Navigable Small World graphs$/);
  });

  it("answers 'X or Y' by each when no paper is on both, and a title's 'Molecular' as naming molecules", async () => {
    // Both were "Nothing in the library covers …" over the right papers (a new user's review).
    const either = await ask("music or audio papers");
    expect(either.text.split("\n")[0]).toBe("The papers that best match each of **music** and **audio**:");
    expect(either.citations.map((citation) => citation.title)).toContain("Sample-level Deep Convolutional Neural Networks for Music Auto-tagging Using Raw Waveforms");
    const molecules = await ask("any papers on molecules?");
    expect(molecules.found).toBe(true);
    expect(molecules.citations[0]?.title).toBe("Conditional Graph Information Bottleneck for Molecular Relational Learning");
  });

    it("lists the nearest titles under a name no paper has, not a topic nothing covers", async () => {
    // "do we have MCUNet" said "Nothing in the library covers MCUNet; no paper in it mentions mcunet" over MCUNetV2.
    const reply = await ask("do we have MCUNet");
    expect(reply.text).toMatch(/^No paper in the library is titled \*\*MCUNet\*\*\.\n\nThe closest papers in the library \(reply with a number to open one\):\n\n1\. \[MCUNetV2: /);
    expect(reply.text).not.toMatch(/covers/);
    // So does a name written as one before "paper", with no "the" ("attention paper" stays a topic).
    expect((await ask("EfficientNet paper?")).text).toMatch(/^No paper in the library is titled \*\*EfficientNet\*\*\./);
    // And the name alone, however typed: "MCUNet" said nothing covers it over hyperbolic embeddings, and "mcunet" was
    // respelt "mcunetv2" and answered as MCUNetV2 (a different version is a different paper). Only the version is listed.
    for (const question of ["MCUNet", "mcunet"]) {
      const alone = await ask(question);
      expect(alone.text).toMatch(new RegExp(`^No paper in the library is titled \\*\\*${question}\\*\\*\\.\n\nThe closest papers in the library \\(reply with a number to open one\\):\n\n1\\. \\[MCUNetV2: `));
      expect(alone.closest.map((paper) => paper.title)).toEqual([expect.stringMatching(/^MCUNetV2/)]);
    }
    // "mcunet v2" asks for that version.
    expect((await ask("mcunet v2")).citations[0]?.title).toMatch(/^MCUNetV2/);
  });

  it("reads a capitalised name as written, not as a longer name a slip away", async () => {
    // "the Adam optimizer paper" was respelt "adamw" and answered "HiFT … is in the library", whose abstract uses AdamW.
    const reply = await ask("do you have the Adam optimizer paper?");
    expect(reply.text).toMatch(/^No paper in the library is titled \*\*Adam optimizer\*\*/);
    expect(reply.citations).toEqual([]);
    // A capitalised slip is still a slip.
    expect((await ask("the Swim transformer")).citations[0]?.title).toMatch(/^Swin Transformer/);
  });

  it("says a topic near the line is not clearly covered, and a far one not covered", async () => {
    // "Nothing in the library covers self driving cars" sat over CoVLA, on autonomous driving.
    const near = await ask("self driving cars");
    expect(near.found).toBe(false);
    expect(near.text).toMatch(/^I found nothing in the library that clearly covers \*\*self driving cars\*\*\. .*\n\nThe closest papers, none a clear match/);
    expect((await ask("quantum error correction codes")).text).toMatch(/^Nothing in the library covers/);
  });

it("takes a lower-case name general English lacks for the paper it names, and a name with a version the library lacks as missing", async () => {
    // "hnsw" listed a paper on HNSW recall first and the HNSW paper second; "how does hnsw work?" too.
    expect((await ask("hnsw")).text.split("\n")[0]).toMatch(/^\*\*Efficient and robust approximate nearest neighbor search using Hierarchical Navigable Small World graphs\*\* is in the library \[1\]/);
    // Asked how it works, it answers from that paper.
    expect((await ask("how does hnsw work?")).text.split("\n")[0]).toMatch(/^From \*\*Efficient and robust approximate nearest neighbor search using Hierarchical Navigable Small World graphs\*\* \[1\]:/);
    expect((await ask("flashattention-2")).text.split("\n")[0]).toMatch(/^\*\*FlashAttention-2: .*\*\* is in the library \[1\]/);
    // "llama 2?" answered "These papers come closest to llama 2" without saying it is not here.
    // (Not so a word and "paper": "attention paper" and "any survey paper?" are topics, and "grokking paper" that one paper.)
    for (const question of ["attention paper", "any survey paper?", "grokking paper"]) expect((await ask(question)).text).not.toMatch(/titled/);
    // …but an acronym the abstracts define is a concept: "what is MLA" opened with "No paper in the library is titled MLA."
    expect((await ask("what is MLA")).text).not.toMatch(/titled/);
    for (const [question, name] of [["llama 2?", "llama 2"], ["flashattention-3", "flashattention-3"], ["is flash attention 3 in the library", "flash attention 3"], ["gpt-4 technical report?", "gpt-4 technical report"]]) expect((await ask(question!)).text.split("\n")[0]).toBe(`No paper in the library is titled **${name}**.`);
    // So is a name that titles write only as another paper's part: "convnext" answered InceptionNeXt ("… Meets ConvNeXt") as if it were it.
    // …or that many papers write, when its paper is asked for: "resnet paper" listed a paper on "controlled ResNets" first.
    expect((await ask("resnet paper")).text.split("\n")[0]).toBe("No paper in the library is titled **resnet**.");
    for (const question of ["attention paper", "grokking paper"]) expect((await ask(question)).text).not.toMatch(/titled/);
    const convnext = await ask("convnext");
    expect(convnext.text.split("\n")[0]).toBe("No paper in the library is titled **convnext**.");
    expect(convnext.citations[0]?.title).toMatch(/^InceptionNeXt/);
  });

  it("searches the description in parentheses beside a name no paper uses", async () => {
    // It said "Nothing in the library covers faiss (…)" over the very paper.
    const faiss = await ask("faiss paper (billion scale similarity search gpus)");
    expect(faiss.found).toBe(true);
    expect(faiss.citations[0]?.title).toBe("Billion-scale similarity search with GPUs");
  });

  it("says how many papers write a topic when asked how many, before the ones that best match", async () => {
    const reply = await ask("how many papers on KV cache are there?");
    expect(reply.text).toMatch(/^\d+ papers in the library write \*KV cache\* in their titles or abstracts\.\n\nThe 5 papers that best match/);
    expect(Number(/^(\d+)/.exec(reply.text)![1])).toBeGreaterThan(10);
    // Asked without the word "papers", the count is the answer too.
    expect((await ask("how many are there in total on KV cache?")).text).toMatch(/^\d+ papers in the library write \*KV cache\* in their titles or abstracts\./);
    // Asked as "mention", or of a name no paper is about, the count is still the answer.
    expect((await ask("how many papers mention Mamba?")).text).toMatch(/^\d+ papers in the library write \*Mamba\* in their titles or abstracts\./);
    // A count above the papers listed names the few others ("3 papers write sparse autoencoders" over a list of one
    // read as a miscount); words with "for" between need not be written as one phrase (it counted 0 of "sparse
    // attention for llms").
    // Fewer papers writing the topic in those words than the answer cites on it: the cited ones are the count.
    expect((await ask("how many papers on hyperbolic embeddings?")).text).toMatch(/^At least 4 papers in the library are on \*hyperbolic embeddings\* \(those below\); 1 writes it in those words\.\n\nThe 4 papers/);
    const sae = await ask("how many papers mention sparse autoencoders?");
    expect(sae.text).toMatch(/^3 papers in the library write \*sparse autoencoders\* in their titles or abstracts; besides the 2 below: \*Discover-then-Name: .*\*\.\n\nThe 2 papers that best match/);
    expect(Number(/^(\d+) papers/.exec((await ask("how many papers on sparse attention for llms?")).text)?.[1])).toBeGreaterThan(3);
    // The papers below that write it and the others named add up to the count: "7 papers write neural architecture
    // search; besides the 5 below: [three more]" did not, as one of the five puts it in other words.
    // (More than two others are listed, one to a line.)
    const nas = (await ask("how many papers on neural architecture search?")).text.split("\n\n")[0]!;
    const [, total, whole, some] = /^(\d+) papers .*(?:; besides (?:the (\d+)|(\d+) of the \d+) below: |: (?:the (\d+)|(\d+) of the \d+) cited below and these)/.exec(nas)!.filter((group) => group !== undefined);
    expect(Number(total)).toBe(Number(whole ?? some) + nas.match(/\*[^*]+\*/g)!.length - 1);
    // None writing it in those words over papers that match it says so, not "0 papers write …" above them.
    const none = await ask("how many papers on kv cache compression for phones are there?");
    expect(none.found).toBe(true);
    expect(none.text).toMatch(/^No paper in the library writes \*kv cache compression for phones\* in those words; the ones below come closest\.\n\n/);
    // With no topic, how many the dates keep (it was "0 papers in the library write ** …"); the list says it is the first few of them.
    const dated = (await ask("how many papers are from 2024")).text;
    const [, count] = /^(\d+) papers in the library are from 2024\.\n\nThe 5 newest of the (\d+) papers in the library \(from 2024\):/.exec(dated) ?? [];
    expect(Number(count)).toBeGreaterThan(5);
    expect(dated).toContain(`The 5 newest of the ${count} papers`);
    // A count within dates says so: "9 papers in the library write diffusion" read as all there are.
    expect((await ask("how many papers on diffusion from 2025")).text).toMatch(/^\d+ papers? in the library \(from 2025\) writes? \*diffusion\*/);
    // "what was published in …" is a listing too (it searched the topic "was").
    expect((await ask("what was published in 2024?")).text).toMatch(/^The 5 newest of the \d+ papers in the library \(from 2024\):/);
    // All there are within the dates are not "the 2 newest", as if of more.
    expect((await ask("papers from 2019")).text).toMatch(/^The (?:\d+ papers in the library \(from 2019\), newest first|only paper in the library \(from 2019\)):/);
    // One paper has no order to say.
    expect((await ask("papers with at least 11 upvotes")).text).toMatch(/^The only paper in the library \(with at least 11 upvotes\):\n/);
  });

  it("says when more papers rank close to the ones it cites, so the list does not read as all there is", async () => {
    const reply = await ask("which papers cover KV cache compression?");
    expect(reply.citations).toHaveLength(5);
    expect(reply.notes).toContain('More papers rank close to these: say "more" to see them.');
    // An answer does not stand on one paper while the next ranks close: it had cited one of the hierarchical
    // document transformers alone; and it says the two are not all there is either.
    const two = await ask("hierarchical transformers for long documents");
    expect(two.citations.map((citation) => citation.title)).toEqual([expect.stringMatching(/Hierarchical Attention Transformers/), expect.stringMatching(/^HDT: /)]);
    expect(two.notes).toContain('More papers rank close to these: say "more" to see them.');
  });

  it("names a specialised word of the question no paper in the library uses, not an everyday one", async () => {
    expect((await ask("any papers on federated learning across hospitals?")).text).toMatch(/^Nothing in the library covers \*\*federated learning across hospitals\*\*; no paper in it mentions \*federated\*/);
    // Named as the question wrote it ("ocr" had stood for "OCR"), but for a capital that only starts the sentence.
    expect((await ask("handwriting recognition / OCR")).text).toMatch(/no paper in it mentions \*handwriting\* or \*OCR\*/);
    expect((await ask("Federated learning across hospitals")).text).toMatch(/no paper in it mentions \*federated\*/);
    expect((await ask("changing a photo just by typing what you want different")).text.split("\n")[0]).not.toMatch(/no paper in the library mentions/);
    // In a sure answer to a story, such a word is the asker's telling, not a part the library lacks.
    const story = await ask("my contrastive training runs out of GPU memory when I crank up the batch size, because of the giant similarity matrix. any fix in the library?");
    expect(story.text.split("\n")[0]).toBe("The paper that best matches your question:");
    const partial = await ask("watermarking LLM-generated text so we can detect it later");
    if (partial.found) expect(partial.text.split("\n")[0]).toMatch(/\(no paper in the library mentions \*watermarking\*\):$/);
    else expect(partial.text).toMatch(/no paper in it mentions \*watermarking\*/);
  });

  it("marks an answer that says the library may only partly cover the question, so a client can tell", async () => {
    const hedged = await ask("sparse attention for robotics");
    expect(hedged.text).toMatch(/^These papers come closest to .*, though they may cover it only in part( \(none of them mentions \*robotics\*\))?:/);
    expect(hedged).toMatchObject({ found: true, partial: true });
    expect((await ask("which papers cover KV cache compression?")).partial).toBeUndefined();
  });

  it("answers 'compare X and Y' with the two papers it names, and only those", async () => {
    const reply = await ask("compare PyramidKV and PyramidInfer");
    expect(reply.text).toMatch(/^Comparing \*\*PyramidKV:.+\*\* \[1\] and \*\*PyramidInfer:.+\*\* \[2\]/);
    expect(reply.citations.map((citation) => citation.title.split(":")[0])).toEqual(["PyramidKV", "PyramidInfer"]);
    // What sets them apart, in their own words, follows the lead, as for "compare 1 and 2" in a thread.
    expect(reply.text.split("\n\n")[1]).toMatch(/^In their own words, \[1\] alone writes of .+; \[2\] alone of /);
  });

  it("says a question's dates beside its topic, so a short list does not read as all the library has", async () => {
    expect((await ask("KV cache compression papers from 2024")).text.split("\n")[0]).toMatch(/KV cache compression\*\* \(from 2024\)/);
  });

  it("cites the papers on a topic in the order asked ('newest papers on X'), saying so", async () => {
    const reply = await ask("newest papers on KV cache compression");
    // Papers on it the library has no date for have no place in that order: said, as they may be newer.
    expect(reply.text.split("\n")[0]).toMatch(/newest first \(\d+ more on it have no date and are left out\):$/);
    expect((await ask("what is the newest paper on KV cache compression?")).text.split("\n")[0]).toMatch(/^The newest paper on \*\*KV cache compression\*\* with a date \(\d+ more papers on it have none\):$/);
    const dates = reply.citations.map((citation) => citation.publishedAt ?? "");
    const dated = dates.filter(Boolean);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(0, dated.length)).toEqual(dated);
    // Placed last, an undated paper says it has no date rather than pass for the oldest.
    const scaling = await ask("newest papers on test-time scaling");
    expect(scaling.text).toMatch(/\*\*Kinetics: Rethinking Test-Time Scaling Laws\*\* \(no date\) \[\d\]/);
    // With no date for any of them, the answer says they cannot be put in date order ("newest first" over three undated papers).
    expect((await ask("newest papers on approximate nearest neighbor search")).text.split("\n")[0]).toMatch(/^The library has no date for any of the \d papers that best match \*\*approximate nearest neighbor search\*\*, so they cannot be put in date order; most relevant first:$/);
    // The newest of every paper on a topic a third of the library writes, not of the best 30 ("attention").
    expect((await ask("give me the 2 newest papers on attention")).citations[0]?.title).toMatch(/^Optimizing Mixture of Block Attention/);
    // As many as asked: "top 10 kv cache papers" cited the first 5 of the 10 on topic.
    const top = await ask("top 10 kv cache papers");
    expect(top.text.split("\n")[0]).toBe("The 10 papers that best match **kv cache**, most upvoted first:");
    expect(top.citations).toHaveLength(10);
    // So with no order: "show me 8 papers on kv cache" cited the usual five.
    const eight = await ask("show me 8 papers on kv cache");
    expect(eight.text.split("\n")[0]).toBe("The 8 papers that best match **kv cache**, most relevant first:");
    expect(eight.citations).toHaveLength(8);
    // One asked for, one given, said in the order asked.
    const one = await ask("most upvoted paper on attention");
    expect(one.text.split("\n")[0]).toBe("The most upvoted paper on **attention**:");
    expect(one.citations).toHaveLength(1);
  });

  it("lists the library's papers for a question with no topic, newest or most upvoted first", async () => {
    // Asked first thing, with no list before it, "most upvoted papers" lists the library's; "newest NAS papers" is a topic in an order, not the paper NAS names.
    expect((await ask("most upvoted papers")).text).toMatch(/^The \d+ most upvoted papers in the library/);
    expect((await ask("top 3 papers on KV cache")).citations).toHaveLength(3);
    expect((await ask("the 2 newest papers")).citations).toHaveLength(2);
    const nas = await ask("newest NAS papers");
    expect(nas.text.split("\n")[0]).toMatch(/newest first:$/);
    const newest = await ask("what are the newest papers?");
    expect(newest.found).toBe(true);
    // Papers without a date have no place in an order by date, and the answer says how many there are.
    expect(newest.text).toMatch(/^The \d newest papers in the library with a date \(\d+ have none, so they have no place in this order\):/);
    expect((await ask("what's the oldest paper in the library?")).text).toMatch(/^The oldest paper in the library with a date \(\d+ have none/);
    const dates = newest.citations.map((citation) => citation.publishedAt ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    // …and says which dates it does hold, so the asker knows what to ask instead.
    expect((await ask("papers from 1990")).text).toMatch(/^No paper in the library was published 1990-01-01 to 1990-12-31\. Its papers were published \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d( \(\d+ undated\))?: ask for "the newest papers" to see the latest\.$/);
    expect((await ask("papers with more than 100 upvotes")).text).toBe("No paper in the library has at least 101 upvotes.");
    const voted = await ask("papers with at least 2 upvotes");
    // Five of more: said to be of how many the filters keep, not all there is.
    expect(voted.text).toMatch(/^The (?:\d )?most upvoted (?:papers? |of the \d+ papers )in the library \(with at least 2 upvotes\):/);
    // Ranked by upvotes, each paper shows its count, so the order can be checked.
    const counts = [...voted.text.matchAll(/ (\d+) upvotes?\) \[\d\]/g)].map((match) => Number(match[1]));
    expect(counts.length).toBe(voted.citations.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect((await ask("most upvoted papers on attention")).text).toMatch(/^1\. \*\*.+\*\* \([^)]*\d+ upvotes?\) \[1\]/m);
  });

  it("quotes each paper's own abstract, not a whole abstract", async () => {
    const reply = await ask("anything on concept bottleneck models?");
    const papers = await library.store.list();
    for (const citation of reply.citations) {
      const paper = papers.find((candidate) => candidate.id === citation.id)!;
      const line = reply.text.split("\n").find((candidate) => candidate.includes(`[${citation.n}]: `))!;
      const quote = line.slice(line.indexOf(`[${citation.n}]: `) + `[${citation.n}]: `.length);
      expect(paper.abstract).toContain(quote.split(" ").slice(0, 8).join(" "));
      expect(quote.length).toBeLessThan(paper.abstract.length);
    }
  });

  it.each(["cryptocurrency price prediction", "detecting earthquakes from seismic signals", "blockchain smart contract verification"])("says the library has nothing on %s, with what it searched and the closest papers", async (question) => {
    const reply = await ask(question);
    expect(reply.found).toBe(false);
    expect(reply.citations).toEqual([]);
    expect(reply.text).toMatch(/^Nothing in the library covers \*\*.+\*\*(?:; no paper in it mentions .+)?\. I searched 387 papers \(publication dates \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d; \d+ undated\)\./);
    expect(reply.text).toContain("The closest papers, which did not look like a match (reply with a number to open one):\n1. ");
    expect(reply.closest).toHaveLength(3);
  });

  it("says so when unsure, citing only the closest few, instead of a flat 'not covered'", async () => {
    const reply = await ask("pruning for recommender systems");
    expect(reply.found).toBe(true);
    expect(reply.text).toMatch(/^These papers come closest to \*\*pruning for recommender systems\*\*, though they may cover it only in part:/);
    expect(reply.citations.length).toBeGreaterThan(0);
    expect(reply.citations.length).toBeLessThanOrEqual(3);
  });

  it("says back a long topic shortened, and a story as 'your question'", async () => {
    const long = await ask("kv cache compression for long sequences of image and video tokens in multimodal models served at scale");
    expect(long.text.split("\n")[0]).toMatch(/\*\*kv cache compression for long sequences of image and video tokens in multimodal models served at scale\*\*/);
    const huge = await ask(`kv cache compression ${"and more words ".repeat(300)}`);
    expect(huge.text.length).toBeLessThan(4_000);
    expect(huge.text.split("\n")[0]).toMatch(/your question/);
    const story = await ask("Our chatbot keeps running out of GPU memory on long chats. How do we shrink the cached keys and values?");
    expect(story.text.split("\n")[0]).toMatch(/your question/);
    expect(story.text.split("\n")[0]).not.toMatch(/Our chatbot/);
    const told = await ask("i'm tired of slow attention - anything on kv cache compression?");
    expect(told.text.split("\n")[0]).toMatch(/your question/);
  });

  it("does not name a number's unit as a word no paper uses", async () => {
    const reply = await ask("kv cache compression for chips with a few hundred KB of memory");
    expect(reply.text.split("\n")[0]).not.toMatch(/mentions \*kb\*/i);
  });

  it("says a topic left as a clause as 'your question', and a noun phrase as written", () => {
    for (const clause of ["shrink the memory a chatbot keeps around for all the previous tokens", "large internet companies build their recommendation models", "they train nets without back propagation", "graph neural network that aren't about molecules or chemistry", "try to figure out what the features represent", "chain of thought ever hurt performance", "deepseek one talk about mla"]) {
      expect(topicSaid(clause)).toBe("your question");
    }
    for (const phrase of ["kv cache compression", "tracking multiple people across frames", "attention sinks in long-context models", "ever-growing context windows"]) expect(topicSaid(phrase)).toBe(`**${phrase}**`);
  });

  it("says how many papers on a dated question's topic have no date, which the dates can neither keep nor rule out", async () => {
    const reply = await ask("papers on test-time scaling from 2025");
    expect(reply.found).toBe(true);
    expect(reply.notes.join(" ")).toMatch(/\d+ more papers? on it ha(?:s|ve) no date in the library/);
    expect((await ask("papers on test-time scaling")).notes.join(" ")).not.toMatch(/no date/);
  });

  it("says when a covered topic has nothing within the question's dates, and shows the newest papers on it", async () => {
    const reply = await ask("KV cache compression papers from 1990");
    expect(reply.found).toBe(false);
    expect(reply.text).toMatch(/^Nothing on \*\*KV cache compression\*\* matches \(from 1990\)\. The papers on it in the library, newest first:/);
    expect(reply.closest.length).toBeGreaterThan(0);
    const dates = reply.closest.map((paper) => paper.publishedAt ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    // The newest on the topic, not the newest of its best few (those ran to 2024 while 2025 ones ranked lower).
    expect(dates[0]! >= "2025-01-01").toBe(true);
    // Papers the library has no date for may be within the dates asked: the reply says so when it lists one.
    const undated = await ask("hyperbolic embeddings before 2019");
    expect(undated.closest.some((paper) => !paper.publishedAt)).toBe(true);
    expect(undated.text).toMatch(/\d+ papers? on it ha(?:s|ve) no date, so (?:it|they) may be from those dates too/);
  });

  it("says which constraint it searched under when nothing passes it and the topic is absent too", async () => {
    const reply = await ask("cryptocurrency price prediction papers from 1990");
    expect(reply.found).toBe(false);
    expect(reply.text).toMatch(/I searched 0 papers \(from 1990\)/);
    // With papers in the dates, the dates it searched join the ones asked in one parenthesis.
    expect((await ask("protein folding from 2024")).text).toMatch(/I searched \d+ papers \(from 2024; publication dates 2024-\d\d-\d\d to 2024-\d\d-\d\d[^)]*\)\./);
  });
});

describe("follow-ups in a thread", () => {
  it("answers 'which of those is the most recent?' from the previous answer", async () => {
    const answerer = new Answerer(library);
    const first = await ask("which papers cover KV cache compression?", "t1", answerer);
    const follow = await ask("which of those is the most recent?", "t1", answerer);
    const dated = (await library.store.list()).filter((paper) => first.citations.some((citation) => citation.id === paper.id) && paper.publishedAt);
    const newest = dated.sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!))[0]!;
    expect(follow.text).toMatch(/^The most recent of those is/);
    expect(follow.citations[0]!.id).toBe(newest.id);
  });

  it("answers 'tell me more about the second one' about that paper", async () => {
    const answerer = new Answerer(library);
    const first = await ask("which papers cover KV cache compression?", "t2", answerer);
    const follow = await ask("tell me more about the second one", "t2", answerer);
    expect(follow.citations).toHaveLength(1);
    expect(follow.citations[0]!.id).toBe(first.citations[1]!.id);
  });

  it("answers 'any from 2024?' as the same topic with a date filter", async () => {
    const answerer = new Answerer(library);
    await ask("which papers cover KV cache compression?", "t3", answerer);
    const follow = await ask("any from 2024?", "t3", answerer);
    const papers = await library.store.list();
    expect(follow.found).toBe(true);
    for (const citation of follow.citations) expect(papers.find((paper) => paper.id === citation.id)!.publishedAt).toMatch(/^2024-/);
  });

  it("keeps threads apart, and forgets a thread after it goes quiet", async () => {
    let now = 0;
    const answerer = new Answerer(library, { conversations: new Conversations({ ttlMs: 1_000 }, () => now) });
    await ask("which papers cover KV cache compression?", "a", answerer);
    expect((await ask("which of those is the most recent?", "b", answerer)).text).not.toMatch(/^The most recent of those/);
    now = 5_000;
    expect((await ask("tell me more about the second one", "a", answerer)).citations.length).not.toBe(1);
  });
});

describe("reference markers in abstracts", () => {
  it("never quotes where the code is as what a paper says, whatever words it shares with the question", async () => {
    const { bestSentences } = await import("../../src/answer/sentences.ts");
    const abstract = "We study embodied agents that act in houses. Agents plan with a world model. Code and models are available at our project website https://example.org.";
    expect(bestSentences({ abstract }, { terms: new Map([["websit", 5], ["agent", 1]]) }, 1)).toEqual(["We study embodied agents that act in houses."]);
  });

  it("opens a paper with the sentences that answer what was asked of it ('what are its results?')", async () => {
    const { detailReply } = await import("../../src/answer/list-replies.ts");
    const abstract = [
      "Long context inference is expensive in memory and in time.",
      "Caches grow with the length of the context in long inputs.",
      "Attention becomes sparse in the higher layers of the model.",
      "We propose PyramidKV, which allocates budgets per layer of the model.",
      "Experiments show that keeping 12% of the cache preserves quality.",
    ].join(" ");
    const paper = { ...storedPaper("PyramidKV"), abstract };
    expect(detailReply(paper).text).not.toContain("12% of the cache");
    expect(detailReply(paper, { terms: new Map([["experi", 3]]) }).text).toContain("Experiments show that keeping 12% of the cache preserves quality.");
  });

  it("prefers a sentence that stands on its own to one pointing back at the one before", async () => {
    const { bestSentences } = await import("../../src/answer/sentences.ts");
    const abstract = "Attention is sparse in later layers. Based on these findings, the KV cache is compressed. PyramidKV keeps 12% of the KV cache and matches full-cache quality.";
    expect(bestSentences({ abstract }, { terms: new Map([["pyramidkv", 3], ["kv", 1], ["cach", 1]]) }, 1)).toEqual(["PyramidKV keeps 12% of the KV cache and matches full-cache quality."]);
    // …but one that says what the paper does is the proposal itself, however it opens.
    const proposal = "Attention is sparse in later layers. Motivated by these insights, we developed PyramidKV, allocating more cache to lower layers. Results hold.";
    expect(bestSentences({ abstract: proposal }, { terms: new Map([["pyramidkv", 3]]) }, 1)).toEqual(["Motivated by these insights, we developed PyramidKV, allocating more cache to lower layers."]);
    // The paper's own name says which paper; what else the question asks picks the sentence ("what metric does KernelBench introduce?").
    const kernelbench = { title: "KernelBench: Can LLMs Write Efficient GPU Kernels?", abstract: "KernelBench remains a challenging benchmark for LLMs today. We introduce a new evaluation metric fast_p over kernels." };
    expect(bestSentences(kernelbench, { terms: new Map([["kernelbench", 5.6], ["metric", 2.5]]) }, 1)).toEqual(["We introduce a new evaluation metric fast_p over kernels."]);
    // "how fast does it run?": the sentence with a figure answers it.
    const fast = { title: "Feature Pyramid Networks for Object Detection", abstract: "Our method runs the detector at every scale of the image pyramid. The detector processes 5 FPS on a single GPU at test time." };
    expect(bestSentences(fast, { terms: new Map([["run", 1]]) }, 1)).toEqual(["Our method runs the detector at every scale of the image pyramid."]);
    expect(bestSentences(fast, { terms: new Map([["run", 1]]), quantity: true }, 1)).toEqual(["The detector processes 5 FPS on a single GPU at test time."]);
    // "how many models did they evaluate?": a count answers it too (not a year), even in a sentence calling its data
    // "publicly available", which is no link to it.
    const counted = { abstract: "We introduce two metrics for benchmarks. In 2023 we studied models at small scale. We use 30 benchmarks and 375 open-weight language models, resulting in a new, publicly available dataset of 900K results." };
    expect(bestSentences(counted, { terms: new Map([["model", 1]]), quantity: true }, 1)).toEqual(["We use 30 benchmarks and 375 open-weight language models, resulting in a new, publicly available dataset of 900K results."]);
    // "how much faster is it?": the figure measured against something, even in a sentence pointing back ("These yield …"),
    // not one about another system (a new user got FlashAttention-1's "only 25-40%" for FlashAttention-2).
    // "what datasets?": the sentence naming them, though it never says "dataset".
    const swin = { title: "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows", abstract: "We present a new vision Transformer that serves as a backbone. It is compatible with many vision tasks, reaching 87.3 top-1 accuracy on ImageNet-1K and 58.7 box AP on COCO test-dev." };
    expect(bestSentences(swin, { terms: new Map([["dataset", 2]]), named: true }, 1)).toEqual(["It is compatible with many vision tasks, reaching 87.3 top-1 accuracy on ImageNet-1K and 58.7 box AP on COCO test-dev."]);
    const two = { abstract: "However, FlashAttention is still not nearly as fast as GEMM, reaching only 25-40% of the maximum. We propose FlashAttention-2, with better work partitioning. These yield around 2× speedup compared to FlashAttention." };
    expect(bestSentences(two, { terms: new Map([["faster", 2]]), quantity: true, comparative: true }, 1)).toEqual(["These yield around 2× speedup compared to FlashAttention."]);
    // "than flashattention 1?": the figure measured against the name asked comes first, before one about that name's own
    // speedup over other baselines (which a thread had shown first, in the abstract's order).
    const versus = { abstract: "FlashAttention brings runtime speedup (2-4× compared to optimized baselines). We propose FlashAttention-2. These yield around 2× speedup compared to FlashAttention." };
    expect(bestSentences(versus, { terms: new Map([["faster", 2], ["flashattent", 1]]), quantity: true, comparative: true }, 2)[0]).toBe("These yield around 2× speedup compared to FlashAttention.");
  });

  it("picks, where the question's words say little, the sentence nearest its meaning", async () => {
    const { bestSentences } = await import("../../src/answer/sentences.ts");
    const abstract = "Images are everywhere in modern datasets today. We predict adverse reactions caused by combining medications in patients. Results hold across many cohorts.";
    const cue = await library.sentenceCue("harmful side effects of taking two drugs together");
    // "how big is the X dataset?" asks a figure of the dataset, not the names beside it (it quoted the SFT benchmarks).
    const sized = await library.sentenceCue("sharegpt4v dataset", "how big is the sharegpt4v dataset");
    expect(sized).toMatchObject({ quantity: true });
    expect(sized.named).toBeUndefined();
    expect((await library.sentenceCue("datasets", "what datasets does it use?")).named).toBe(true);
    expect((await library.sentenceCue("gpu", "what gpu did they benchmark on")).named).toBe(true);
    // "what benchmark …?": the sentence saying what it was run on, over one naming a method it beat or a part it uses.
    const { namesTestedOn } = await import("../../src/answer/sentences.ts");
    const nas = { abstract: "We also apply ProxyNet to specialize CNN architectures for GPU hardware. Experiments on CIFAR-10 and ImageNet demonstrate the effectiveness of directness. Our model is better than AmoebaNet-B and MobileNetV2." };
    expect(bestSentences(nas, { terms: new Map([["benchmark", 1]]), named: true }, 1)).toEqual(["Experiments on CIFAR-10 and ImageNet demonstrate the effectiveness of directness."]);
    expect(namesTestedOn(nas.abstract)).toBe(true);
    expect(namesTestedOn("We propose a method. It improves merging in vision and NLP benchmarks.")).toBe(false);
    expect(bestSentences({ abstract }, cue, 1)).toEqual(["We predict adverse reactions caused by combining medications in patients."]);
    expect(cue.related!("We predict adverse reactions caused by combining medications.")).toBeGreaterThan(cue.related!("Images are everywhere in modern datasets today."));
  });

  it("quotes the better of two sentences when both together are too long for chat, not the earlier", async () => {
    const opening = `While deep networks have achieved broad success in analyzing natural images, they often fail on medical scans in situations ${"nobody expected ".repeat(6)}.`;
    const method = `We introduce KnoBo, a class of concept bottleneck models for medical images with knowledge priors ${"from textbooks ".repeat(6)}.`;
    const paper = { ...storedPaper("A Textbook Remedy"), abstract: `${opening} ${method} Results follow.` };
    const reply = extractiveReply("concept bottleneck models on medical images", [{ paper, score: 1, relevant: true }], { terms: new Map([["concept", 3], ["bottleneck", 1], ["medic", 4], ["imag", 1]]) });
    expect(reply.text).toContain(method);
    expect(reply.text).not.toContain(opening);
  });

  it("are dropped from quoted sentences so they cannot read as our citations", async () => {
    const { bestSentences } = await import("../../src/answer/sentences.ts");
    const [sentence] = bestSentences({ abstract: "As shown in [2], caches grow. We compress the KV cache [3, 7] by half [12-14]." }, { terms: new Map([["cach", 1]]) }, 1);
    expect(sentence).not.toMatch(/\[\d/);
  });
});
