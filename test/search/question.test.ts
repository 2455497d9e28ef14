import { withApostrophes } from "../../src/search/contractions.ts";
import { describe, expect, it } from "vitest";
import { questionPhrases } from "../../src/search/query-terms.ts";
import { parseQuestion } from "../../src/search/question.ts";

// A Sunday.
const today = new Date("2026-11-22T10:00:00Z");
const parse = (text: string) => parseQuestion(text, today);

describe("chat phrasing", () => {
  it.each([
    ["which papers cover KV cache compression?", "kv cache compression"],
    ["anything on concept bottleneck models?", "concept bottleneck models"],
    // "else" asks for more of the topic (it was searched as a topic word).
    ["anything else on making llm decoding faster", "making llm decoding faster"],
    ["anything related on disaggregated serving?", "disaggregated serving"],
    ["how many papers on kv cache are there?", "kv cache"],
    ["what's the best paper on concept bottlenecks?", "concept bottlenecks"],
    ["must-read papers on linear attention", "linear attention"],
    ["good intro paper on hyperbolic embeddings?", "hyperbolic embeddings"],
    ["tl;dr of hogwild inference", "hogwild inference"],
    ["papers on efficient llm inference for a beginner", "efficient llm inference"],
    ["explain kv cache compression like I'm five", "kv cache compression"],
    // A closing "then" is the conversation's, not the topic's.
    ["ok what about privacy then", "privacy"],
    ["how many papers on hierarchical stuff", "hierarchical"],
    // Who asks is not the topic: a lead-in about the asker, or a closing word about them.
    ["sociologist here - anything on hyperbolic embeddings", "hyperbolic embeddings"],
    ["im a pharmacologist, any papers on drug combination side effects?", "drug combination side effects"],
    ["i'm in biology - anything on protein design?", "protein design"],
    ["im from economics, is there work on cause and effect in networks of people", "cause and effect in networks of people"],
    ["I'm a radiologist and I want papers on medical image segmentation", "medical image segmentation"],
    ["as a pharmacist, what do you have on drug interactions?", "drug interactions"],
    ["biologist question: anything on protein language models?", "protein language models"],
    ["papers on kv cache compression (i'm a chemist)", "kv cache compression"],
    ["explain sparse attention like im a biologist", "sparse attention"],
    ["for a beginner, whats a good intro paper on attention", "attention"],
    ["statistics person: anything on kernel density estimation?", "kernel density estimation"],
    ["person re-identification: which papers?", "person re-identification"],
    // A lead-in that would leave nothing to search was the topic.
    ["kv cache compression here - anything?", "kv cache compression here"],
    ["treating attention as a kernel", "treating attention as a kernel"],
    ["motion planning for a robot", "motion planning for a robot"],
    ["how many papers do you have on information bottleneck", "information bottleneck"],
    ["is there a paper about HNSW?", "hnsw"],
    ["do we have anything on federated learning across hospitals?", "federated learning across hospitals"],
    ["Hey, can you find me papers about sparse attention", "sparse attention"],
    ["how can I shrink the memory used by cached keys and values during decoding?", "shrink the memory used by cached keys and values during decoding"],
    ["compare PyramidKV and PyramidInfer", "pyramidkv and pyramidinfer"],
    ["how does Scissorhands differ from FastGen?", "scissorhands and fastgen"],
    ["HNSW versus SPANN for vector search", "hnsw spann for vector search"],
    ["what is there on graph neural networks?", "graph neural networks"],
    ["I want to read about sparse attention", "sparse attention"],
    ["I'd like to run a language model on a phone - what's out there?", "run a language model on a phone"],
    ["KV cache compression, any papers?", "kv cache compression"],
    ["time series (forecasting, imputation, classification)", "time series (forecasting, imputation, classification)"],
    ["the paper that introduced grouped query attention", "grouped query attention"],
    ["which papers present benchmarks for LLM agents?", "benchmarks for llm agents"],
    ["is there a paper on the FlashAttention paper's successor?", "flashattention successor"],
    ["how do people shrink the memory a chatbot keeps?", "shrink the memory a chatbot keeps"],
    ["how do ppl make llm inference faster on cpus?", "make llm inference faster on cpus"],
    ["can you train a network without backprop at all", "train a network without backprop"],
    ["is there a way to check which GPU an API runs on?", "check which gpu an api runs on"],
    ["what happens to neural nets when they get infinitely wide? any theory on that", "neural nets when they get infinitely wide"],
    ["datacenters hitting their power limits — anything on that?", "datacenters hitting their power limits"],
    ["I need papers that keep records private", "keep records private"],
    ["papers that compare or combine bottom-up and top-down approaches?", "combine bottom-up and top-down approaches"],
    ["autonomous driving papers pls", "autonomous driving"],
    // A question about what a paper or the library says: the "does" and the verb of reporting are the asking.
    ["What does Matryoshka representation learning propose?", "matryoshka representation learning"],
    ["what metric does KernelBench introduce?", "metric kernelbench"],
    ["what does Chinchilla say about compute-optimal training", "chinchilla compute-optimal training"],
    ["what does the library say about KV cache compression?", "kv cache compression"],
    ["what do people use to model long sequences?", "people use to model long sequences"],
    ["what do we have on concept bottleneck models?", "concept bottleneck models"],
    ["what does chat tuning change inside a model", "chat tuning change inside a model"],
    ["what's known about grokking?", "grokking"],
    ["I'm curious whether anyone has looked at hyperdimensional computing", "hyperdimensional computing"],
    ["has anyone here worked on detecting fake news?", "detecting fake news"],
    ["which paper has LLMs write CUDA kernels?", "llms write cuda kernels"],
    ["who has stuff on sparse autoencoders?", "sparse autoencoders"],
    ["model merging / task arithmetic refs?", "model merging / task arithmetic"],
    ["can you tell from a model's outputs which GPU it ran on?", "tell from a model's outputs which gpu it ran on"],
    ["has anyone looked at hyperdimensional computing?", "hyperdimensional computing"],
    ["has anyone collected work on music generation?", "music generation"],
    ["have people tried pruning diffusion models", "pruning diffusion models"],
    ["where do people get detailed image captions to train on?", "detailed image captions to train on"],
    ["how do we know if a benchmark separates good models from bad ones?", "benchmark separates good models from bad ones"],
    ["can we pack more servers in?", "pack more servers in"],
    ["communication bottlenecks in distributed *training* (not **inference**)", "communication bottlenecks in distributed training (not inference)"],
    ["papers on snake_case_names", "snake_case_names"],
    ["recommend me something to read this weekend on efficient inference", "efficient inference"],
    ["what should i read on efficient inference", "efficient inference"],
    ["which paper should i cite for hnsw", "hnsw"],
    ["read highlight and summarize", "read highlight and summarize"],
    // How widely to look is not what: "generally" would stem as "generation" does.
    ["pruning more generally", "pruning"],
    // Asking nicely is not the topic either.
    ["neural architecture search papers pls", "neural architecture search"],
    ["kv cache compression for llms specifically", "kv cache compression for llms"],
  ])("%s → %s", (question, topic) => {
    expect(parse(question).topic).toBe(topic);
  });
});

describe("time phrases become date filters", () => {
  it.each([
    ["papers from 2024 about graph transformers", { from: "2024-01-01", to: "2024-12-31" }, "graph transformers"],
    // A year before the papers it dates, or opening the question (both had been searched as a topic word).
    ["2024 papers on KV cache compression", { from: "2024-01-01", to: "2024-12-31" }, "kv cache compression"],
    ["any recent 2025 work on speculative decoding?", { from: "2025-01-01", to: "2025-12-31" }, "speculative decoding"],
    ["2024 kv cache compression papers", { from: "2024-01-01", to: "2024-12-31" }, "kv cache compression"],
    ["sparse attention papers from this year", { from: "2026-01-01" }, "sparse attention"],
    ["what's new this week on diffusion?", { from: "2026-11-16" }, "diffusion"],
    ["diffusion papers from last week", { from: "2026-11-09", to: "2026-11-15" }, "diffusion"],
    ["papers since March on sparse attention", { from: "2026-03-01" }, "sparse attention"],
    ["test-time scaling papers since December", { from: "2025-12-01" }, "test-time scaling"],
    ["anything from the last two weeks on attention?", { from: "2026-11-08" }, "attention"],
    ["neural architecture search papers before 2020", { to: "2019-12-31" }, "neural architecture search"],
    ["neural architecture search papers from before 2020", { to: "2019-12-31" }, "neural architecture search"],
    ["concept bottleneck models published after 2022", { from: "2023-01-01" }, "concept bottleneck models"],
    ["mobile CNNs from between 2020 and 2022", { from: "2020-01-01", to: "2022-12-31" }, "mobile cnns"],
    ["KV cache papers from last month", { from: "2026-10-01", to: "2026-10-31" }, "kv cache"],
    ["quantization papers from March 2024", { from: "2024-03-01", to: "2024-03-31" }, "quantization"],
    ["diffusion papers from last year", { from: "2025-01-01", to: "2025-12-31" }, "diffusion"],
    // A range of months takes the year said last; a first month later in the year is of the year before.
    ["llm inference papers from jan to march 2025", { from: "2025-01-01", to: "2025-03-31" }, "llm inference"],
    ["pruning papers from nov to feb 2025", { from: "2024-11-01", to: "2025-02-28" }, "pruning"],
    ["between may 2024 and feb 2025 on pruning", { from: "2024-05-01", to: "2025-02-28" }, "pruning"],
    ["kv cache papers from 2023 to 2024", { from: "2023-01-01", to: "2024-12-31" }, "kv cache"],
    ["papers from q1 2025 about llm inference", { from: "2025-01-01", to: "2025-03-31" }, "llm inference"],
    // A year open at one end.
    ["memory-efficient LLM fine-tuning from 2024 or later", { from: "2024-01-01" }, "memory-efficient llm fine-tuning"],
    ["memory-efficient LLM fine-tuning from 2025 or 2024", { from: "2024-01-01", to: "2025-12-31" }, "memory-efficient llm fine-tuning"],
    ["memory-efficient LLM fine-tuning in 2023 and 2024", { from: "2023-01-01", to: "2024-12-31" }, "memory-efficient llm fine-tuning"],
    ["memory-efficient LLM fine-tuning, 2024 onwards", { from: "2024-01-01" }, "memory-efficient llm fine-tuning"],
    ["pruning papers 2023 and later", { from: "2023-01-01" }, "pruning"],
    ["pruning papers from 2022 or earlier", { to: "2022-12-31" }, "pruning"],
    ["quantization papers from 2024 on GPUs", { from: "2024-01-01", to: "2024-12-31" }, "quantization on gpus"],
  ])("%s", (question, filters, topic) => {
    const parsed = parse(question);
    expect(parsed.filters).toEqual(filters);
    expect(parsed.topic).toBe(topic);
  });

  it("does not read a month inside a word", () => {
    expect(parse("memory used during decoding").filters).toEqual({});
    expect(parse("papers on mayday signals").filters).toEqual({});
  });

  it("reads upvote constraints", () => {
    expect(parse("KV cache papers with at least 2 upvotes").filters).toEqual({ minUpvotes: 2 });
    expect(parse("sparse attention papers with 2+ upvotes").filters).toEqual({ minUpvotes: 2 });
    expect(parse("diffusion papers with more than 5 upvotes").filters).toEqual({ minUpvotes: 6 });
  });
});

describe("questions about one paper", () => {
  it.each([
    ["summarize the Scissorhands paper", "scissorhands"],
    ["what is PyramidKV about?", "pyramidkv"],
    ["what does SepLLM do?", "sepllm"],
    ["explain FlashAttention", "flashattention"],
  ])("reads %s as being about %s", (question, topic) => {
    expect(parseQuestion(question, new Date("2026-11-29T12:00:00Z")).topic).toBe(topic);
  });

  it.each([
    ["what is FLUTE?", "FLUTE"],
    ["what's the MARLIN paper about", "MARLIN"],
    ["what is the grokking paper about?", "grokking"],
    ["tell me about PyramidKV", "PyramidKV"],
    // A figure one paper reports (it had been a topic, "how much faster is distserve", answered as a partial match).
    ["how much faster is DistServe?", "DistServe"],
  ])("reads %s as asking what %s is", (question, name) => {
    expect(parse(question)).toMatchObject({ detail: "content", paperName: expect.stringContaining(name) });
  });

  it("reads 'the best paper on X' as papers on X, not a paper named 'best', and 'similar work to X' as papers like X", () => {
    expect(parse("what's the best paper on concept bottlenecks?").paperName).toBeUndefined();
    expect(parse("similar work to Liger Kernel").similarTo).toBe("Liger Kernel");
    // A topic asked for in title case is no pasted title.
    expect(parse("Papers on KV Cache Compression.").pastedTitle).toBeUndefined();
  });

  it("reads a title quoted inside a question as a title asked for, and a quoted example as no title", () => {
    expect(parse('the "attention is all you need" paper').pastedTitle).toBe("attention is all you need");
    expect(parse('is there a paper on the transformer architecture "attention is all you need"?').pastedTitle).toBe("attention is all you need");
    expect(parse('do we have the paper "Scaling Up Your Kernels"?').pastedTitle).toBe("Scaling Up Your Kernels");
    expect(parse('music from a text prompt like "upbeat jazz with piano"').pastedTitle).toBeUndefined();
    expect(parse('"chain of thought" prompting').pastedTitle).toBeUndefined();
  });

  it("reads 'what is' of a topic as the topic", () => {
    // (A lone word may be a name, which only a paper going by it tells: search.test.ts.)
    expect(parse("what is grokking?")).toMatchObject({ paperName: "grokking", nameGuessed: true });
    expect(parse("what is KV cache compression?").detail).toBeUndefined();
  });
});

describe("the topic said back", () => {
  it("keeps the question's own capitals", () => {
    const parsed = parseQuestion("any papers on MLA and GQA for LLMs?", new Date("2026-11-29T12:00:00Z"));
    expect(parsed.topic).toBe("mla and gqa for llms");
    expect(parsed.shown).toBe("MLA and GQA for LLMs");
  });

  it("keeps the words that only search leaves out ('or', 'new', a last 'do')", () => {
    expect(parse("papers on hyperdimensional computing or vector symbolic architectures?").shown).toBe("hyperdimensional computing or vector symbolic architectures");
    expect(parse("teaching a network new tasks without forgetting").shown).toBe("teaching a network new tasks without forgetting");
    expect(parse("agents that learn to decide what to do").shown).toBe("agents that learn to decide what to do");
    expect(parse("what does PyramidKV do?").shown).toBe("PyramidKV");
    expect(parse("how does Scissorhands differ from FastGen?").shown).toBe("Scissorhands and FastGen");
    expect(parse("is PyramidKV better than Scissorhands?").shown).toBe("PyramidKV and Scissorhands");
    // Only a question asking which is better compares two things; elsewhere "better than" describes the one sought.
    expect(parse("summarizing a distribution with a few points better than iid sampling").shown).toBe("summarizing a distribution with a few points better than iid sampling");
    expect(parse("state space models vs transformers").shown).toBe("state space models vs transformers");
    expect(parse("state space models vs transformers").topic).toBe("state space models transformers");
    expect(parse("one embedding vector you can cut down to size").shown).toBe("one embedding vector you can cut down to size");
  });

  it("drops a chat opener before the question ('another question - …', 'quick question: …', 'hmm ok. …')", () => {
    expect(parse("another question - anything on autonomous driving?").topic).toBe("autonomous driving");
    expect(parse("quick question: what's out there on sparse attention?").topic).toBe("sparse attention");
    expect(parse("hmm ok. any papers on autonomous driving?").topic).toBe("autonomous driving");
    expect(parse("q-learning - any papers?").topic).toBe("q-learning");
    expect(parse("yo does anyone have a paper on sparse attention?").topic).toBe("sparse attention");
    // A hedge on a word is how it was said: "diffusion-ish denoising" is diffusion denoising.
    expect(parse("diffusion-ish denoising at each layer").topic).toBe("diffusion denoising at each layer");
    // What is said back closes up around a comma a dropped word leaves: "faiss, billion scale …".
    expect(parse("the faiss paper, billion scale similarity search").shown).toBe("faiss, billion scale similarity search");
    // A citation by author and year names people and a year the library does not record.
    expect(parse("is the transformer paper here (vaswani 2017)?").topic).toBe("transformer");
    expect(parse("resnet (he et al., 2016)")).toMatchObject({ topic: "resnet", filters: {} });
  });

  it("reads 'who wrote X?' and 'when was X published?' as a detail of the paper X names", () => {
    expect(parse("who wrote FlashAttention-2?")).toMatchObject({ paperName: "FlashAttention-2", detail: "authors" });
    expect(parse("when was MobileNetV2 published?")).toMatchObject({ paperName: "MobileNetV2", detail: "date" });
    expect(parse("when did the HNSW paper come out?")).toMatchObject({ detail: "date", shown: "HNSW" });
    expect(parse("when was attention invented?").detail).toBeUndefined();
    expect(parse("is there code for ProxylessNAS?")).toMatchObject({ paperName: "ProxylessNAS", detail: "code" });
    expect(parse("is there code generation work?").detail).toBeUndefined();
  });

  it("asks for papers like a named one, with the name as written", () => {
    // "… but for convnets": papers like Swin, in that setting; the setting is no part of the name.
    expect(parse("stuff like swin transformer but for convnets")).toMatchObject({ similarTo: "swin transformer", likeIn: { text: "convnets" } });
    expect(parse("papers like pyramidkv").likeIn).toBeUndefined();
    expect(parse("papers building on the neural tangent kernel paper (Jacot et al.)").similarTo).toBe("neural tangent kernel paper (Jacot et al.)");
    expect(parse("anything similar to PyramidKV?").similarTo).toBe("PyramidKV");
    expect(parse("what else is like Swin Transformer in here?").similarTo).toBe("Swin Transformer");
    // "what else is there like X", "anything else out there like X", "what other papers are there like X".
    expect(parse("what else is there like Swin Transformer: Hierarchical Vision Transformer using Shifted Windows").similarTo).toBe("Swin Transformer: Hierarchical Vision Transformer using Shifted Windows");
    expect(parse("is there anything else out there like PyramidKV").similarTo).toBe("PyramidKV");
    expect(parse("what other papers are there like pyramidkv?").similarTo).toBe("pyramidkv");
    expect(parse("things that behave like humans").similarTo).toBeUndefined();
    expect(parse("more like the swin transformer paper pls").similarTo).toBe("swin transformer");
    expect(parse("related work to CKConv?").similarTo).toBe("CKConv");
    expect(parse("anything in the vein of PyramidKV").similarTo).toBe("PyramidKV");
    // An example of what is ruled out is not a paper to find others like.
    expect(parse("hierarchical transformers for long text - not the vision ones like Swin").similarTo).toBeUndefined();
    // "anything like that?" after a description asks for what was described, in a sentence of its own or a clause.
    const described = parse("we have data on pairs of drugs given together and want to guess the outcome in trials. anything like that in here?");
    expect(described.similarTo).toBeUndefined();
    expect(described.topic).toBe("we have data on pairs of drugs given together and want to guess the outcome in trials");
    expect(parse("a CNN that fits in 256kB of RAM. how do people deal with that?").topic).toBe("cnn that fits in 256kb of ram");
  });

  it("reads 'what's new in X' as the newest papers on X", () => {
    expect(parse("what's new in neural architecture search?")).toMatchObject({ topic: "neural architecture search", order: "newest" });
    expect(parse("anything new on kv cache")).toMatchObject({ topic: "kv cache", order: "newest" });
    expect(parse("new methods in pruning").order).toBeUndefined();
  });

  it("reads 'all the papers on X' as a long list on X", () => {
    expect(parse("list all the papers on concept bottleneck models")).toMatchObject({ topic: "concept bottleneck models", count: 10 });
    expect(parse("what are all the papers on kv cache?")).toMatchObject({ topic: "kv cache", count: 10 });
    expect(parse("all-reduce communication").topic).toBe("all-reduce communication");
    expect(parse("all you need is attention").count).toBeUndefined();
  });

  it("takes no setting from what a question rules out", () => {
    expect(parse("sparse attention for diffusion transformers, not for LLM decoding").setting).toBeUndefined();
    // Nor is a setting inside what is ruled out: "space" of "rather than points in space" is no setting to hold.
    expect(parse("hierarchical clustering where the data is a graph rather than points in space").setting).toBeUndefined();
    expect(parse("KV cache compression for speech recognition").setting?.text).toBe("speech recognition");
    // The setting ends where what is ruled out begins ("gpu excluding flashattention" was the setting).
    const excluding = parse("attention kernels on gpu excluding flashattention");
    expect(excluding.setting?.text).toBe("gpu");
    expect(excluding.parts.contrast).toEqual(["flashattent"]);
  });

  it("keeps what the question wants apart from what it rules out, for the question's vector", () => {
    expect(parse("kernel methods, not gpu kernels").parts.wanted).toBe("kernel methods");
    expect(parse("kv cache compression but not for vision models").parts.wanted).toBe("kv cache compression");
    expect(parse("convolutions instead of attention for long sequences").parts.wanted).toBe("convolutions, for long sequences");
    expect(parse("sparse attention").parts.wanted).toBe("sparse attention");
    // What is ruled out ends at a dash: "vision or scientific modelling" is what the question wants.
    const moe = parse("mixture of experts but NOT for language models - vision or scientific modelling").parts;
    expect(moe.contrast).toEqual(["languag"]);
    expect(moe.main).toEqual(expect.arrayContaining(["vision", "scientif"]));
  });

  it("reads 'that dont use X' as ruling X out, apostrophe or not", () => {
    for (const question of ["papers on efficient attention that dont use sparsity", "efficient attention that doesn't use sparsity"]) {
      expect(parse(question).parts).toMatchObject({ main: ["effici", "attent"], contrast: ["sparsiti"] });
    }
  });

  it("never makes a phrase across 'or' ('image or video generation' has no 'image video')", () => {
    const pairs = parse("diffusion for image or video generation").parts.mainPairs;
    expect(pairs).toContain("video gener");
    expect(pairs).not.toContain("imag video");
  });

  it("reads ', no X stuff' and 'but no X papers' as ruling X out, and ', no markers' as the method's own property", () => {
    expect(parse("kv cache compression, no VAR / image generation stuff").parts.contrast).toEqual(["var", "imag", "gener"]);
    expect(parse("sparse attention but no diffusion papers please").parts.contrast).toEqual(["diffus"]);
    expect(parse("recovering 3d body motion from one video, no markers or green screen").parts.contrast).toEqual([]);
  });

  it("reads an acronym spelt out in parentheses as its long form, the acronym aside", () => {
    expect(parse("papers on sam (segment anything model)").parts).toMatchObject({ main: ["segment", "model"], aside: ["sam"] });
    // Letters that are not the words' initials are an example, not the acronym spelt out.
    expect(parse("papers on nas (evolutionary search)").parts.main).toEqual(["na"]);
  });

  it("reads 'hardly any labels' as few labels, not as 'hard labels'", () => {
    expect(parse("recognising activity from phone sensors with hardly any labels").parts.main).toEqual(["recogn", "activ", "phone", "sensor", "label"]);
  });

  it("says a phrase back with the small words inside it ('chain of thought', not 'chain thought')", () => {
    expect(questionPhrases("sequential chain-of-thought reasoning").map((phrase) => phrase.words)).toContain("chain of thought");
  });
});

describe("questions with no topic", () => {
  const parse = (text: string) => parseQuestion(text, new Date("2026-11-29T12:00:00Z"));
  it("lists by date or upvotes when only constraints or an order are asked", () => {
    expect(parse("papers from last month")).toMatchObject({ topic: "", listing: "newest", filters: { from: "2026-10-01", to: "2026-10-31" } });
    expect(parse("what is the newest paper in the library?")).toMatchObject({ topic: "", listing: "newest" });
    expect(parse("most recent paper in the whole library")).toMatchObject({ topic: "", listing: "newest", count: 1 });
    expect(parse("whole slide images in pathology").topic).toBe("whole slide images in pathology");
    // A clause after "for" says what is asked, not a setting: "none of them mentions *good*" had followed.
    expect(parse("is there a benchmark for how good LLMs are at writing CUDA kernels?").setting).toBeUndefined();
    expect(parse("recommend me a paper to read this weekend")).toMatchObject({ topic: "", listing: "newest" });
    expect(parse("papers with at least 10 upvotes")).toMatchObject({ topic: "", listing: "upvotes", filters: { minUpvotes: 10 } });
    expect(parse("top papers by upvotes")).toMatchObject({ topic: "", listing: "upvotes" });
    // Praise with no topic asks for the library's best, and upvotes are the only merit it records.
    expect(parse("what's the best paper in the library")).toMatchObject({ topic: "", listing: "upvotes" });
    expect(parse("which is the best paper")).toMatchObject({ topic: "", listing: "upvotes" });
    expect(parse("which is the best paper on pruning").topic).toBe("pruning");
    expect(parse("ok what about the most upvoted ones overall")).toMatchObject({ topic: "", listing: "upvotes" });
    // "what was published in …" asked "was" of the library.
    for (const question of ["what was published in october 2024", "which papers were published in october 2024", "are there papers from october 2024?"]) {
      expect(parse(question)).toMatchObject({ topic: "", listing: "newest", filters: { from: "2024-10-01", to: "2024-10-31" } });
    }
  });

  it("keeps a topic a topic, with an order's words taken out of it and kept as its order", () => {
    // The order said as a noun: "which papers have the most upvotes on sparse attention".
    expect(parse("which papers have the most upvotes on sparse attention")).toMatchObject({ topic: "sparse attention", order: "upvotes" });
    expect(parse("kv cache papers with the highest upvotes")).toMatchObject({ topic: "kv cache", order: "upvotes" });
    expect(parse("most upvoted papers on attention")).toMatchObject({ topic: "attention", order: "upvotes" });
    expect(parse("newest papers on diffusion")).toMatchObject({ topic: "diffusion", order: "newest" });
    expect(parse("latest diffusion papers")).toMatchObject({ topic: "diffusion", order: "newest" });
    expect(parse("earliest papers on neural architecture search")).toMatchObject({ topic: "neural architecture search", order: "oldest" });
    expect(parse("oldest papers")).toMatchObject({ topic: "", listing: "oldest" });
    expect(parse("which papers cover KV cache compression?").order).toBeUndefined();
    expect(parse("most upvoted papers on attention").listing).toBeUndefined();
    expect(parse("papers that compare bottom-up and top-down approaches").topic).toContain("top-down");
    expect(parse("new papers on speculative decoding").listing).toBeUndefined();
    expect(parse("top 5 papers on KV cache")).toMatchObject({ topic: "kv cache", order: "upvotes" });
    expect(parse("KV cache papers, newest first")).toMatchObject({ topic: "kv cache", order: "newest" });
    expect(parse("diffusion papers sorted by date")).toMatchObject({ topic: "diffusion", order: "newest" });
    expect(parse("what's the latest work on speculative decoding")).toMatchObject({ topic: "speculative decoding", order: "newest" });
    // "anything recent on X", "any recent papers on X" ask for the newest too.
    expect(parse("anything recent on sparse attention?")).toMatchObject({ topic: "sparse attention", order: "newest" });
    expect(parse("any recent papers on diffusion?")).toMatchObject({ topic: "diffusion", order: "newest" });
  });

  it("reads contractions typed without apostrophes and 'anyone seen a paper on X' as framing", () => {
    expect(parse(withApostrophes("hows pruning done for diffusion models")).topic).toBe("pruning done for diffusion models");
    expect(parse(withApostrophes("whats new on grokking")).topic).toBe("grokking");
    // Chat's "w/" and "w/o" are with and without; its shorthand around a question is none of it.
    expect(parse(withApostrophes("whats the deal w/ grokking")).topic).toBe("grokking");
    expect(parse(withApostrophes("pruning w/o retraining")).topic).toBe("pruning without retraining");
    // "yr" after a word that counts or points is a year, and dates the question.
    expect(parse(withApostrophes("pruning papers from the last 2 yrs")).topic).toBe("pruning");
    expect(parse(withApostrophes("kv cache from this yr")).filters.from).toBeDefined();
    expect(parse("btw anything on swin transformers lol").topic).toBe("swin transformers");
    expect(parse("ngl i need papers on speculative decoding rn").topic).toBe("speculative decoding");
    expect(parse("lmk if there's anything on model merging").topic).toBe("model merging");
    expect(parse("idk if this exists but anything on neural architecture search?").topic).toBe("neural architecture search");
    // "can u find me", "hmm, maybe something on", "send re:", "by the X folks", "with X in the title": the asking.
    expect(parse(withApostrophes("can u find me something about ternary models")).topic).toBe("ternary models");
    expect(parse(withApostrophes("u net for brain tumors")).topic).toBe("u net for brain tumors");
    expect(parse("hmm, maybe something on knowledge distillation").topic).toBe("knowledge distillation");
    expect(parse("send re: time series forecasting").topic).toBe("time series forecasting");
    expect(parse("anything by the hazyresearch folks on long convolutions").topic).toBe("long convolutions");
    expect(parse("papers with hogwild in the title").topic).toBe("hogwild");
    expect(parse("anyone seen a paper on hypergraph neural nets").topic).toBe("hypergraph neural nets");
    expect(parse("who's working on 1-bit LLMs").topic).toBe("1-bit llms");
    // Others doing the work, or a paper remembered, is the ask: "else uses nested embeddings" was searched.
    expect(parse("who else uses nested embeddings").topic).toBe("nested embeddings");
    expect(parse("there was one about idioms dataset").topic).toBe("idioms dataset");
    expect(parse("there's a paper on hnsw graphs").topic).toBe("hnsw graphs");
    expect(parse("i'm trying to find anything on fake news").topic).toBe("fake news");
    expect(parse("i work on speaker verification, anything for me?").topic).toBe("speaker verification");
    // A closing "instead" of a short follow-up is how it was put.
    expect(parse("anything for gaussian splatting instead?").topic).toBe("gaussian splatting");
    expect(parse("there was a paper estimating benchmark scores from descriptions").topic).toBe("estimating benchmark scores from descriptions");
    expect(parse("the one with the gumbel trick for concept bottlenecks").topic).toBe("gumbel trick for concept bottlenecks");
    expect(parse("whats in here about hyperbolic embeddings").topic).toBe("hyperbolic embeddings");
    // The words that led to a date go with it: "llm serving systems which are" was said back.
    expect(parse("papers on llm serving systems which are from 2025").topic).toBe("llm serving systems");
    expect(parse("papers that came out in 2024 on pruning").topic).toBe("pruning");
    expect(parse("which papers were published in 2024 about pruning").topic).toBe("pruning");
    // "the transformer-xl one" on its own is "the transformer-xl paper"; "the second one" is no name.
    expect(parse("the transformer-xl one")).toMatchObject({ text: "the transformer-xl one", topic: "transformer-xl" });
    expect(parse("the second one").topic).toBe("second one");
    // "the Keyformer paper - what does it do?": "it" is the name before the dash; "ok, what does it do" names nothing.
    expect(parse("the Keyformer paper - what does it do?")).toMatchObject({ detail: "content", paperName: "the Keyformer paper" });
    expect(parse("what does the Keyformer paper do?")).toMatchObject({ detail: "content", paperName: "the Keyformer paper" });
    expect(parse("the OneRec paper - what's it about")).toMatchObject({ detail: "content", paperName: "the OneRec paper", topic: "onerec" });
    expect(parse("ok, what does it do").paperName).toBeUndefined();
    // "the original pointnet paper" names "pointnet" ("original pointnet" was said to be missing and searched).
    expect(parse("the original pointnet paper").paperName).toBe("the pointnet paper");
    expect(parse("the first paper on pruning").paperName).toBeUndefined();
    expect(parse("trying to understand sparse attention").topic).toBe("sparse attention");
    expect(parse("cant find anything on graph neural net explainability").topic).toBe("graph neural net explainability");
    expect(parse("main result of Kinetics?")).toMatchObject({ paperName: "Kinetics", detail: "content" });
    // Asked whether a topic is here, the topic is what is searched; a lower-case title long as titles are is a paper asked for.
    expect(parse("is pruning in the library?").topic).toBe("pruning");
    // The number an order comes with is how many papers to give, not a word of the topic.
    expect(parse("top 3 papers on KV cache")).toMatchObject({ topic: "kv cache", order: "upvotes", count: 3 });
    expect(parse("the 5 newest papers on diffusion")).toMatchObject({ topic: "diffusion", order: "newest", count: 5 });
    expect(parse("newest papers on diffusion").count).toBeUndefined();
    // The number after the order, or with no order at all, is the number of papers too (not a topic "3").
    expect(parse("most upvoted 3 papers on attention")).toMatchObject({ topic: "attention", order: "upvotes", count: 3 });
    expect(parse("show me the newest 3 papers")).toMatchObject({ topic: "", listing: "newest", count: 3 });
    expect(parse("newest 3")).toMatchObject({ topic: "", listing: "newest", count: 3 });
    expect(parse("give me 2 recent papers on quantization")).toMatchObject({ topic: "quantization", count: 2 });
    expect(parse("papers on 3d point clouds").count).toBeUndefined();
    // One asked for in an order, with no number: "the most upvoted paper on attention" listed five.
    expect(parse("most upvoted paper on attention")).toMatchObject({ topic: "attention", order: "upvotes", count: 1 });
    expect(parse("newest papers on attention").count).toBeUndefined();
    expect(parse("llama 2 papers on quantization").count).toBeUndefined();
    expect(parse("is attention is all you need in the library")).toMatchObject({ topic: "attention is all you need", asksPresence: true });
    // Words of their own stay: "its", and "cant" or "wont" with no verb after them.
    expect(withApostrophes("its weights")).toBe("its weights");
    expect(withApostrophes("as is his wont.")).toBe("as is his wont.");
    expect(withApostrophes("thieves' cant and slang")).toBe("thieves' cant and slang");
    // Before a verb they are chat's can't and won't: "the data cant leave each site" names no missing "cant".
    expect(withApostrophes("the data cant leave each site")).toBe("the data can't leave each site");
    expect(withApostrophes("it wont run")).toBe("it won't run");
    expect(withApostrophes("Cant find it")).toBe("Can't find it");
    // Only those two: "want", "cont" and "don't" are left as they are.
    expect(withApostrophes("i want papers on cont learning")).toBe("i want papers on cont learning");
  });

  it("reads 'what does X measure?' with a name-like X as a question about that paper", () => {
    expect(parse("what does KernelBench measure?").paperName).toBe("KernelBench");
    expect(parse("What did FlashAttention-2 improve?").paperName).toBe("FlashAttention-2");
    // A word of chat before it changes nothing (it hedged over FlashAttention-2 for "ok what does … improve over v1").
    expect(parse("ok what does flashattention-2 improve over v1")).toMatchObject({ paperName: "flashattention-2", detail: "content" });
    // Authors cited as "X et al" are people the library does not record: "no paper mentions jacot".
    // …but a paper cited by them is that paper, named by what follows (its NTK paper had ranked second).
    expect(parse("jacot et al neural tangent kernel")).toMatchObject({ topic: "neural tangent kernel", paperName: "neural tangent kernel" });
    // With the citation gone, an "e.g." it followed leads nothing.
    expect(parse("neural tangent kernel papers, e.g. jacot et al").topic).toBe("neural tangent kernel");
    // "what's the arxiv id of pyramidkv" said nothing covers "arxiv id of pyramidkv".
    expect(parse("what's the arxiv id of pyramidkv")).toMatchObject({ paperName: "pyramidkv", detail: "id" });
    expect(parse("arxiv link for flashattention-2?")).toMatchObject({ paperName: "flashattention-2", detail: "id" });
    // "whats the grokking paper say" said "Nothing in the library covers grokking say".
    expect(parse("whats the grokking paper say")).toMatchObject({ paperName: "the grokking paper", detail: "content" });
    // A lone word in lower case may be a name, which only a paper going by it tells (search.test.ts).
    expect(parse("what does pruning do?")).toMatchObject({ paperName: "pruning", nameGuessed: true });
    expect(parse("summarize distserve")).toMatchObject({ paperName: "distserve", nameGuessed: true, detail: "content" });
    expect(parse("what does KernelBench measure?").nameGuessed).toBeUndefined();
    // Any question about what a named paper does asks for that paper's own words.
    expect(parse("what hardware does MARLIN target?")).toMatchObject({ paperName: "MARLIN", detail: "content" });
    expect(parse("What metric does KernelBench introduce?")).toMatchObject({ paperName: "KernelBench", detail: "content", topic: "metric kernelbench" });
    expect(parse("what do people use to model long sequences?").detail).toBeUndefined();
    // "does X beat Y?" asks what X reports against Y (it searched "spann actually beat diskann" and hedged over SPANN).
    expect(parse("does spann actually beat diskann?")).toMatchObject({ paperName: "spann", nameGuessed: true, detail: "content" });
    expect(parse("Does MARLIN outperform ExLlama?")).toMatchObject({ paperName: "MARLIN", detail: "content" });
    expect(parse("how big is the ShareGPT4V dataset?")).toMatchObject({ paperName: "ShareGPT4V", detail: "content" });
    expect(parse("does marlin work with vllm?")).toMatchObject({ paperName: "marlin", nameGuessed: true, detail: "content" });
    // A paper named, then what is asked of it ("the glocal one - how many datasets?" in a thread).
    expect(parse("the glocal paper - how many datasets?")).toMatchObject({ paperName: "the glocal paper", detail: "content" });
    expect(parse("distserve - how much better than vllm")).toMatchObject({ paperName: "distserve", nameGuessed: true, detail: "content" });
    // Chat before a question and "other papers" are how it was asked ("no paper in it mentions hm").
    expect(parse("hm ok, what about converting existing models to MLA?").topic).toBe("converting existing models to mla");
    expect(parse("which other papers quantize the kv cache").topic).toBe("quantize the kv cache");
    // "the main finding of the X paper" / "key contributions of KernelBench" ask one paper; "results of <topic>" a topic.
    expect(parse("what's the main finding of the grokking paper?")).toMatchObject({ paperName: "grokking", detail: "content" });
    expect(parse("key contributions of KernelBench")).toMatchObject({ paperName: "KernelBench", detail: "content" });
    expect(parse("results of sparse attention on long context").detail).toBeUndefined();
    expect(parse("what are the limitations of Performers?")).toMatchObject({ paperName: "Performers", detail: "content" });
    expect(parse("limitations of sparse attention").detail).toBeUndefined();
    expect(parse("how many authors wrote the BIG-bench paper?")).toMatchObject({ paperName: "BIG-bench", detail: "authors" });
    // "is X in the library?" asks whether a named paper is here; "do you have papers on X?" asks for a topic.
    expect(parse("is the FlashAttention-3 paper in the library?")).toMatchObject({ topic: "flashattention-3", paperName: "FlashAttention-3", asksPresence: true });
    expect(parse("do you have the HNSW paper?")).toMatchObject({ paperName: "HNSW", asksPresence: true });
    expect(parse("do you have papers on KV cache?")).toMatchObject({ topic: "kv cache" });
    expect(parse("do you have papers on KV cache?").asksPresence).toBeUndefined();
    expect(parse("is Attention Is All You Need in the library?")).toMatchObject({ paperName: "Attention Is All You Need", asksPresence: true });
    // Where the asker looks is no part of the topic; "how does X differ from Y?" compares, it asks no detail of X.
    expect(parse("are there papers about pruning in the library?").topic).toBe("pruning");
    expect(parse("does the library have anything on quantization?").topic).toBe("quantization");
    expect(parse("how does TransMLA differ from X-EcoMLA?").detail).toBeUndefined();
  });

  it("takes the asker's framing and verbs off a topic: 'I want to understand why X happens', 'what came out in March 2025?'", () => {
    expect(parse("I want to understand why grokking happens").topic).toBe("grokking");
    expect(parse("how does attention work?").topic).toBe("attention");
    expect(parse("what came out in March 2025?")).toMatchObject({ topic: "", listing: "newest", filters: { from: "2025-03-01", to: "2025-03-31" } });
  });

  it("reads order words that describe something else as no order", () => {
    expect(parse("hierarchical clustering: when is bottom-up better than top-down?").order).toBeUndefined();
    expect(parse("a popular approach to pruning").order).toBeUndefined();
    // A pasted abstract's "most recent" methods are no request for the newest papers.
    expect(parse("We adapt the most recent few-shot learning methods for relation classification").order).toBeUndefined();
    expect(parse("the most recent work shows that pruning helps").order).toBeUndefined();
  });
});

describe("papers asked for against a baseline", () => {
  it.each([
    ["papers that benchmark against FlashAttention-2", "FlashAttention-2"],
    ["which papers outperform FlashAttention-2?", "FlashAttention-2"],
    ["anything with speedups over FlashAttention-2 on long context", "FlashAttention-2"],
    ["any papers that compare against Mamba?", "Mamba"],
    ["what uses HNSW as a baseline?", "HNSW"],
    ["papers with baselines like PyramidKV", "PyramidKV"],
  ])("%s is compared against %s", (question, name) => {
    expect(parse(question).baseline).toBe(name);
  });

  it.each([
    // One thing compared with another is a comparison, not papers asked for.
    "is FlashAttention-3 faster than FlashAttention-2?",
    "does LAWCAT beat FlashAttention-2?",
    "papers like FlashAttention-2",
    "which papers cover KV cache compression?",
  ])("%s asks for no baseline", (question) => {
    expect(parse(question).baseline).toBeUndefined();
  });
});

describe("a topic named before what describes it", () => {
  it("keeps the two or three words that name it, before a colon, dash, parenthesis or comma", () => {
    expect(parse("federated learning: training one model across many phones").heading).toBe("federated learning");
    expect(parse("machine unlearning — removing one user's data from a trained model").heading).toBe("machine unlearning");
    expect(parse("sparse autoencoders (SAEs) for interpreting llm features").heading).toBe("sparse autoencoders");
    // Longer, it is a description already; with nothing after it, nothing is described.
    expect(parse("ml methods for spreadsheet-style data, rows of records with mixed columns").heading).toBeUndefined();
    expect(parse("federated learning").heading).toBeUndefined();
  });

  it("keeps the two or three words before a clause as the topic's lead", () => {
    expect(parse("federated learning where hospitals train one model without sharing patient data").lead).toBe("federated learning");
    expect(parse("watermarking LLM outputs so machine-generated text can be detected").lead).toBe("watermarking llm outputs");
    expect(parse("software helpers that click around websites for you").lead).toBe("software helpers");
    expect(parse("kv cache compression").lead).toBeUndefined();
    expect(parse("running a really big language model on weak hardware").lead).toBeUndefined();
  });
});
