import { beforeAll, describe, expect, it } from "vitest";
import type { Library } from "../../src/library/library.ts";
import { TODAY, useSampleLibrary } from "../helpers/library.ts";

const samples = useSampleLibrary();
let library: Library;
beforeAll(() => {
  library = samples();
});

const titles = async (question: string, k = 10) => (await library.search(question, { k, today: TODAY })).results.map((hit) => hit.paper.title);

describe("hybrid search over the samples", () => {
  it("answers a keyword question with the papers on it", async () => {
    const top = await titles("which papers cover KV cache compression?", 5);
    expect(top.every((title) => /KV|Discard/.test(title))).toBe(true);
  });

  it("finds the KV-cache papers for a plain-language question without those words", async () => {
    const top = await titles("how can I shrink the memory used by cached keys and values during decoding?", 5);
    expect(top.filter((title) => /KV Cache|TransMLA|X-EcoMLA|Scissorhands/i.test(title)).length).toBeGreaterThanOrEqual(3);
  });

  it("lists papers whose titles name what the question rules out after the rest, and never cites them", async () => {
    const result = await library.search("speeding up MoE inference, not MoE training systems", { today: TODAY });
    const at = (pattern: RegExp) => result.results.findIndex((hit) => pattern.test(hit.paper.title));
    expect(at(/Inter-Layer Expert Affinity/)).toBeGreaterThanOrEqual(0);
    expect(at(/HetuMoE/)).toBeGreaterThan(at(/Inter-Layer Expert Affinity/));
    expect(result.results.filter((hit) => hit.relevant && /Training System/.test(hit.paper.title))).toEqual([]);
    // "X but not for Y": a paper on X for Y is what is ruled out, not a bridge between the two.
    const sparse = await library.search("sparse attention but not for diffusion", { today: TODAY });
    expect(sparse.results.filter((hit) => hit.relevant && /Diffusion/.test(hit.paper.title))).toEqual([]);
    // A word too common for titles alone to settle ("LLMs") rules out the papers that keep writing it; an alternative
    // weighed against ("CPUs rather than GPUs") does not, as papers on one side write the other too.
    const leavingLlms = await library.search("sparse attention but not for LLMs", { today: TODAY });
    const writesLlms = (hit: { paper: { title: string; abstract: string } }) => (`${hit.paper.title} ${hit.paper.abstract}`.match(/\bLLMs?\b|\blarge language models?\b/gi) ?? []).length >= 2;
    expect(leavingLlms.results.filter((hit) => hit.relevant).length).toBeGreaterThan(0);
    expect(leavingLlms.results.filter((hit) => hit.relevant && writesLlms(hit))).toEqual([]);
    const onCpus = await library.search("llm inference on CPUs rather than GPUs", { today: TODAY });
    expect(onCpus.results.filter((hit) => hit.relevant && /CPU/.test(hit.paper.title)).length).toBeGreaterThan(0);
    // Another form of the word ruled out ("molecules": "Molecular Relational Learning") is ruled out too.
    const graphs = await library.search("graph neural networks but not for molecules", { today: TODAY });
    expect(graphs.results.filter((hit) => hit.relevant && /Molecular/.test(hit.paper.title))).toEqual([]);
    // Exclusions said as "aren't about", "nothing about", "apart from" rule out as "not" does, even a title naming
    // both sides; an acronym ruled out rules out the title spelling it out ("not HNSW").
    const notPyramids = await library.search("kv cache papers that aren't about pyramids", { today: TODAY });
    expect(notPyramids.results.filter((hit) => hit.relevant && /Pyramid/.test(hit.paper.title))).toEqual([]);
    const notHnsw = await library.search("approximate nearest neighbor search not HNSW", { today: TODAY });
    expect(notHnsw.results.filter((hit) => hit.relevant && /Hierarchical Navigable Small World/.test(hit.paper.title))).toEqual([]);
    const apart = await library.search("LLM serving papers apart from prefill/decode disaggregation", { today: TODAY });
    expect(apart.results.filter((hit) => hit.relevant && /Disaggregat/.test(hit.paper.title))).toEqual([]);
    // "telling X apart from Y" describes, and rules nothing out.
    expect((await library.search("telling a fungal crop disease apart from fertiliser shortage", { today: TODAY })).query.parts.contrast).toEqual([]);
    // Words too common to rule a paper out alone still make a telling phrase, written out or as its acronym ("LLMs"),
    // and "doesn't rely on" rules out as "not" does.
    const notLlm = await library.search("kv cache compression but not for large language models", { today: TODAY });
    expect(notLlm.results.filter((hit) => hit.relevant && /\bLLMs?\b|Language Model/.test(hit.paper.title))).toEqual([]);
    // ... and an acronym common enough to be a side of a topic ("LLMs") rules out its long form as a phrase only:
    // "Large Vision-Language Models" holds its words and is not ruled out. An acronym of the topic itself
    // ("mixture-of-experts serving, not MoE training") rules out nothing.
    const notLlms = await library.search("quantization but not for llms", { today: TODAY });
    expect(notLlms.results.filter((hit) => hit.relevant && /Large Language Model/.test(hit.paper.title))).toEqual([]);
    expect(notLlms.results.some((hit) => hit.relevant && /Large Vision-Language Models/.test(hit.paper.title))).toBe(true);
    const moe = await library.search("mixture-of-experts serving/inference optimizations (not MoE training systems)", { today: TODAY });
    expect(moe.results[0]?.paper.title).toMatch(/^Exploiting Inter-Layer Expert Affinity for Accelerating Mixture-of-Experts/);
    expect(moe.query.parts.contrast).toContain("moe");
    const noLanguage = await library.search("autonomous driving perception that doesn't rely on language models", { today: TODAY });
    expect(noLanguage.results.filter((hit) => hit.relevant && /Language Model/.test(hit.paper.title))).toEqual([]);
    // A title naming what is ruled out as what it does without is the very paper asked for.
    expect((await library.search("how to train networks instead of backprop", { today: TODAY })).results[0]?.paper.title).toMatch(/^NoProp: Training Neural Networks without Back-propagation/);
  });

  it("cites the papers compared against a named baseline, not the baseline's own paper", async () => {
    const result = await library.search("papers that benchmark against FlashAttention-2", { today: TODAY });
    const cited = result.results.filter((hit) => hit.relevant);
    expect(cited.length).toBeGreaterThanOrEqual(3);
    expect(cited.every((hit) => /FlashAttention-2/.test(hit.paper.abstract) && !/^FlashAttention-2/.test(hit.paper.title))).toBe(true);
    expect(result.baseline?.own?.title).toMatch(/^FlashAttention-2:/);
    expect(result.results.map((hit) => hit.paper.title)).toContainEqual(expect.stringMatching(/^FlashAttention-2:/));
    // A name the abstracts give rather than the title ("HNSW") still finds its own paper, which is not cited.
    const hnsw = await library.search("what uses HNSW as a baseline?", { today: TODAY });
    expect(hnsw.baseline?.own?.title).toMatch(/Hierarchical Navigable Small World graphs/);
    expect(hnsw.results.filter((hit) => hit.relevant).map((hit) => hit.paper.title)).not.toContainEqual(expect.stringMatching(/Hierarchical Navigable Small World graphs/));
    // A benchmark or hardware the papers are run on is asked the same way.
    const longBench = await library.search("papers that evaluate on LongBench", { today: TODAY });
    expect(longBench.results.filter((hit) => hit.relevant).length).toBeGreaterThanOrEqual(2);
    expect(longBench.results.filter((hit) => hit.relevant).every((hit) => /LongBench/.test(hit.paper.abstract))).toBe(true);
    // A word most papers write is a topic, not a baseline.
    expect((await library.search("papers that are faster than attention", { today: TODAY })).baseline).toBeUndefined();
  });

  it("calls a topic the best papers write as a phrase at least a partial match, whatever the titles say", async () => {
    const transport = await library.search("which papers use optimal transport", { today: TODAY });
    expect(transport.verdict.decision).toBe("unsure");
    expect(transport.results.filter((hit) => hit.relevant).every((hit) => /optimal transport/i.test(hit.paper.abstract))).toBe(true);
  });

  it("applies date filters inside the query", async () => {
    const result = await library.search("papers from 2024 about KV cache compression", { today: TODAY });
    expect(result.query.filters).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(result.results.length).toBeGreaterThan(0);
    for (const hit of result.results) expect(hit.paper.publishedAt).toMatch(/^2024-/);
    expect(result.results[0]!.paper.title).toMatch(/Keyformer|ZipVL/);
  });

  it("cites the newest of the papers on a topic for 'newest papers on X', not the newest of the best few", async () => {
    const result = await library.search("newest papers on diffusion", { today: TODAY });
    const cited = result.results.filter((hit) => hit.relevant);
    const dates = cited.map((hit) => hit.paper.publishedAt ?? "");
    expect(cited.length).toBeGreaterThan(2);
    expect(dates).toEqual([...dates].sort().reverse());
    // The two newest on diffusion (RAE, 2025-10; SparseD, 2025-09), though SparseD ranks below the best five.
    expect(dates[0]! >= "2025-10-01" && dates[1]! >= "2025-09-01").toBe(true);
    // Every paper on the topic counts, not only the best few: ParaThinker ("… Scale LLM Test-time Compute", 2025-08-29)
    // ranks sixth for "test-time scaling"; a reward model that mentions test-time scaling in passing does not count.
    const scaling = (await library.search("newest papers on test-time scaling", { today: TODAY })).results.filter((hit) => hit.relevant).map((hit) => hit.paper.title);
    expect(scaling[1]).toMatch(/^ParaThinker/);
    expect(scaling.join(" ")).not.toMatch(/EditReward/);
    // A title writing the topic's acronym names it: "MoE-Lens: … MoE LLM Serving" (2025-04) is the newest on mixture
    // of experts, though it scores under half the best.
    const experts = (await library.search("newest papers on mixture of experts", { today: TODAY })).results.filter((hit) => hit.relevant);
    expect(experts[0]?.paper.title).toMatch(/^MoE-Lens/);
  });

  it("applies upvote filters inside the query", async () => {
    const result = await library.search("sparse attention papers with 2+ upvotes", { today: TODAY });
    expect(result.results.length).toBeGreaterThan(0);
    for (const hit of result.results) expect(hit.paper.upvotes).toBeGreaterThanOrEqual(2);
  });

  it("returns nothing rather than out-of-range papers when no paper passes the filters", async () => {
    const result = await library.search("KV cache compression papers from 1990", { today: TODAY });
    expect(result.results).toEqual([]);
    expect(result.relevant).toBe(false);
  });

  it("says a topic the library lacks is not covered, and names the word it could not match", async () => {
    const result = await library.search("blockchain smart contract verification", { today: TODAY });
    expect(result.relevant).toBe(false);
    expect(result.verdict.unmatched).toContain("blockchain");
    expect(result.results.length).toBeGreaterThan(0);
  });

  it("says a short 'X for Y' is not covered when none of the best papers holds X's key word", async () => {
    // The papers on graphs match "graph neural networks"; none of them is on weather or forecasting.
    expect((await library.search("weather forecasting with graph neural networks", { today: TODAY })).relevant).toBe(false);
    // Not an everyday word of it ("running"), and not a setting the best papers lack: that is a partial answer.
    expect((await library.search("running LLM inference on CPUs instead of GPUs", { today: TODAY })).verdict.decision).toBe("yes");
    // Nor is one whose X is words the papers use, but never two of them in a row ("automatic speech recognition")…
    expect((await library.search("automatic speech recognition for low-resource languages", { today: TODAY })).relevant).toBe(false);
    // …unless the best paper holds them all ("Beyond Inference: … DNN Server Overheads", preprocessing included), or X
    // describes a deed ("finding nested communities" is hierarchical community detection; "papers combine …").
    expect((await library.search("preprocessing overheads in vision inference servers", { today: TODAY })).verdict.decision).toBe("yes");
    expect((await library.search("finding nested communities in a network", { today: TODAY })).relevant).toBe(true);
    expect((await library.search("which papers combine hierarchy with hyperbolic geometry?", { today: TODAY })).relevant).toBe(true);
    const diffusion = await library.search("kv cache compression for diffusion language models", { today: TODAY });
    expect(diffusion.relevant).toBe(true);
    expect(diffusion.verdict.missing).toContain("diffusion language models");
  });

  it("says a topic the papers only mention in passing is not covered", async () => {
    const result = await library.search("stock price prediction", { today: TODAY });
    expect(result.verdict.signals.dominance).toBeGreaterThan(0.9);
    expect(result.relevant).toBe(false);
  });

  it("covers a one-word topic that the best papers' titles name", async () => {
    for (const topic of ["interpretability", "grokking", "quantization"]) {
      const result = await library.search(topic, { today: TODAY });
      expect(result.verdict.signals.titleNamed, topic).toBe(1);
      expect(result.verdict.decision, topic).toBe("yes");
    }
    // So does a title holding every word of the topic but the everyday ones ("reading" is the asker's word).
    const charts = await library.search("is there anything about VLMs reading charts?", { today: TODAY });
    expect(charts.verdict.decision).toBe("yes");
    expect(charts.results[0]?.paper.title).toMatch(/Chart Understanding/);
  });

  it("names no comparative, acronym held by its long form, or word the papers write as a longer one as a part left out", async () => {
    // "faster" says how well; "LLM" is held by "Large Language Models (LLMs)".
    expect((await library.search("speculative decoding methods for faster LLM generation", { today: TODAY })).verdict.missing).toEqual([]);
    // WebLINX's agent "controls a web browser": "browse" is no word the library lacks.
    expect((await library.search("prompt injection attacks against LLM agents that browse the web", { today: TODAY })).verdict.unknown).not.toContain("browse");
    // Nor is a slip of a word the best paper's title writes ("mixr" of Monarch Mixer).
    const slip = await library.search("monarch mixr simple sub-quadratic gemm archtecture", { today: TODAY });
    expect(slip.results[0]?.paper.title).toMatch(/^Monarch Mixer/);
    expect(slip.verdict.unknown).toEqual([]);
    // …or a clipping of one ("dims" of ARD-VAE's "Latent Dimensions").
    const dims = await library.search("how do i figure out how many of the latent dims in my VAE are actually being used?", { today: TODAY });
    expect(dims.results[0]?.paper.title).toMatch(/^ARD-VAE/);
    expect(dims.verdict.unknown).not.toContain("dims");
    // "restyling" is styling again, which the papers write ("unlearning" is no learning again).
    expect((await library.search("restyling a video with an image generator without flicker", { today: TODAY })).verdict.unknown).not.toContain("restyling");
  });

  it("names a setting's alternatives as asked when none of the cited papers holds them", async () => {
    expect((await library.search("time series anomaly detection", { today: TODAY })).verdict.missing).toEqual(["time series"]);
    expect((await library.search("KV cache compression for vision or multimodal models", { today: TODAY })).verdict.missing).not.toContain("vision multimodal models");
  });

  it("names only the parts of a question that none of the cited papers hold", async () => {
    for (const question of ["approximate nearest neighbor search on GPUs", "KV cache compression for vision or multimodal models", "speculative decoding with a draft model"]) {
      const result = await library.search(question, { today: TODAY });
      const cited = result.results.filter((hit) => hit.relevant).map((hit) => `${hit.paper.title} ${hit.paper.abstract}`.toLowerCase());
      expect(cited.length).toBeGreaterThan(0);
      for (const missing of result.verdict.missing) expect(cited.some((text) => text.includes(missing.toLowerCase()))).toBe(false);
    }
  });

  it("cites only papers holding the question's rarest word when the best paper holds it", async () => {
    const result = await library.search("pruning for latent diffusion models", { today: TODAY });
    const cited = result.results.filter((hit) => hit.relevant);
    expect(cited[0]!.paper.title).toMatch(/LD-Pruner/);
    for (const hit of cited) expect(`${hit.paper.title} ${hit.paper.abstract}`.toLowerCase()).toMatch(/prun/);
    // The rarest word of the topic, not of the setting it is asked for: "medical" is rarer than "diffusion" here.
    const medical = (await library.search("diffusion models for medical imaging", { today: TODAY })).results.filter((hit) => hit.relevant);
    expect(medical.length).toBeGreaterThan(0);
    for (const hit of medical) expect(`${hit.paper.title} ${hit.paper.abstract}`.toLowerCase()).toMatch(/diffusion/);
    // ... and a word of the setting when the best paper holds one: concept bottleneck papers on other images are not cited.
    const bottleneck = (await library.search("concept bottleneck models applied to medical images", { today: TODAY })).results.filter((hit) => hit.relevant);
    expect(bottleneck.length).toBeGreaterThan(0);
    for (const hit of bottleneck) expect(`${hit.paper.title} ${hit.paper.abstract}`.toLowerCase()).toMatch(/medical/);
    // What a question rules out is not expanded: "not gpu kernels" listed papers defining "Graphic Processing Units (GPUs)" first.
    const kernels = await library.search("kernel methods, not gpu kernels", { today: TODAY });
    for (const hit of kernels.results.slice(0, 3)) expect(`${hit.paper.title} ${hit.paper.abstract}`.toLowerCase()).toMatch(/kernel/);
    // A paper writing the rarest word as another acronym of the library's holds it: LeYOLO's "Efficient CNN" for "convnets".
    const convnets = (await library.search("efficient convnets for object detection", { today: TODAY })).results.filter((hit) => hit.relevant);
    expect(convnets.map((hit) => hit.paper.title)).toContainEqual(expect.stringMatching(/^LeYOLO/));
    // The setting is read off the best paper on the topic, not the first: a "bird's eye view" paper ranked first does
    // not ask FunBench, on photos of the back of the eye, to write "eye".
    const fundus = (await library.search("can multimodal chatbots read photos of the back of the eye for diagnosing eye disease?", { today: TODAY })).results;
    expect(fundus.filter((hit) => hit.relevant).map((hit) => hit.paper.title)).toContainEqual(expect.stringMatching(/^FunBench/));
  });

  it("searches each side of a comparison no paper covers whole, and cites both sides' papers", async () => {
    const result = await library.search("HNSW vs product quantization", { today: TODAY });
    expect(result.relevant).toBe(true);
    const [hnsw, pq] = result.sides!;
    expect(hnsw.topic).toBe("HNSW");
    const titleOf = (id: string) => result.results.find((hit) => hit.paper.id === id)?.paper.title;
    expect(titleOf(hnsw.ids[0]!)).toMatch(/Hierarchical Navigable Small World/);
    expect(titleOf(pq.ids[0]!)).toBe("Billion-scale similarity search with GPUs");
    // The two sides' best come first, in turn.
    expect(result.results.slice(0, 2).map((hit) => hit.paper.id)).toEqual([hnsw.ids[0], pq.ids[0]]);
    // A side the library lacks leaves the question to its own search.
    expect((await library.search("HNSW vs quantum annealing", { today: TODAY })).sides).toBeUndefined();
    // A side that is a name no paper is about but the best papers all write ("Mamba") is those papers.
    const mamba = await library.search("mamba vs transformers", { today: TODAY });
    const mambaSide = mamba.results.filter((hit) => mamba.sides?.[0]!.ids.includes(hit.paper.id));
    expect(mambaSide.length).toBeGreaterThan(0);
    expect(mambaSide.every((hit) => /Mamba/.test(hit.paper.abstract))).toBe(true);
    // A paper on both sides only partly on topic (SpAtten prunes and quantizes) no longer makes the answer: each side is
    // searched, and the answer does not say no paper covers both.
    const both = await library.search("difference between pruning and quantization", { today: TODAY });
    expect(both.sides?.map((side) => side.topic)).toEqual(["pruning", "quantization"]);
    expect(both.sidesMeet).toBe(true);
    // Judged covered whole, but citing one side only (concept bottleneck papers that also say "information"): each side.
    const lopsided = await library.search("information bottleneck vs concept bottleneck", { today: TODAY });
    expect(lopsided.sides?.map((side) => side.ids.length > 0)).toEqual([true, true]);
    expect(lopsided.sidesMeet).toBe(true);
  });

  it("answers two requests in one message each on its own, and says which one nothing covers", async () => {
    const both = await library.search("papers on concept bottleneck models and also papers on hyperbolic embeddings", { today: TODAY });
    expect(both.sidesApart).toBe(true);
    const cited = both.results.filter((hit) => hit.relevant).map((hit) => hit.paper.title);
    expect(cited.some((title) => /Concept Bottleneck/.test(title)) && cited.some((title) => /Hyperbolic/.test(title))).toBe(true);
    const one = await library.search("hyperbolic embeddings, and are there any on quantum error correction", { today: TODAY });
    expect(one.sides?.map((side) => side.ids.length > 0)).toEqual([true, false]);
    expect(one.results.filter((hit) => hit.relevant).every((hit) => /Hyperbolic|Poincar/.test(hit.paper.title))).toBe(true);
  });

  it("says a covered topic is covered", async () => {
    expect((await library.search("anything on concept bottleneck models?", { today: TODAY })).relevant).toBe(true);
    // A name inside another ("LoRA" in MSPLoRA, "NeRF" in ScatterNeRF) is a word of that paper's title.
    for (const [name, title] of [["LoRA", /^MSPLoRA/], ["NeRF", /^ScatterNeRF/]] as const) {
      const found = await library.search(name, { today: TODAY });
      expect(found.relevant).toBe(true);
      expect(found.results[0]?.paper.title).toMatch(title);
    }
  });

  it("reports what a filtered search covered", async () => {
    expect(await library.coverage({ from: "2024-01-01", to: "2024-12-31" })).toMatchObject({ earliest: expect.stringMatching(/^2024-/), latest: expect.stringMatching(/^2024-/) });
    expect((await library.coverage()).papers).toBe(387);
  });
});

describe("lookup through the library", () => {
  it("finds by short name, answers no match, and offers alternatives", async () => {
    expect((await library.lookup("PyramidKV")).match?.title).toMatch(/^PyramidKV:/);
    // "the faiss one (billion-scale …)": "one" is "paper", and a name no paper uses leaves the description to decide.
    expect((await library.lookup("the faiss one (billion-scale similarity search with gpus)")).match?.title).toMatch(/^Billion-scale similarity search/);
    expect((await library.search("papers like the faiss one (billion-scale similarity search with gpus)", { today: TODAY })).example?.title).toMatch(/^Billion-scale/);
    // "that faiss paper on GPU similarity search": a name no paper uses, then what it is about, which is searched.
    const faiss = await library.search("that faiss paper on GPU similarity search", { today: TODAY });
    expect(faiss).toMatchObject({ relevant: true, unfoundTitle: "faiss" });
    expect(faiss.results[0]?.paper.title).toMatch(/^Billion-scale similarity search/);
    // Two names of one paper the library lacks are not two topics asked side by side.
    const vllm = await library.search("is the vLLM / PagedAttention paper in here?", { today: TODAY });
    expect(vllm.sides).toBeUndefined();
    expect(vllm.unfoundTitle).toMatch(/^vLLM \/ PagedAttention$/i);
    // So is a name glossed in parentheses ("the chinchilla paper (training compute-optimal LLMs)").
    const glossed = await library.search("the faiss paper (similarity search on GPUs)", { today: TODAY });
    expect(glossed).toMatchObject({ relevant: true, unfoundTitle: "faiss" });
    expect(glossed.results[0]?.paper.title).toMatch(/^Billion-scale similarity search/);
    // A word of the query written as a name that a paper lacks makes it another paper: "LLaVA-UHD" is not the
    // retrieval paper whose abstract defines UHD, and LLaVA-UHD v2 is another version.
    const uhd = await library.lookup("LLaVA-UHD");
    expect(uhd.match).toBeNull();
    expect(uhd.closest[0]?.title).toMatch(/^LLaVA-UHD v2/);
    // What follows a last comma describes the paper, as a parenthesis does.
    expect((await library.lookup("that corpus of possible idiomatic expressions, ~25k sentences")).match?.title).toMatch(/^EPIE Dataset/);
    expect(await library.lookup("AlphaFold")).toEqual({ match: null, alternatives: [], closest: [] });
    // A link to a paper the library lacks (or has without its id) names nothing: no closest papers on "https" or "abs".
    expect(await library.lookup("https://arxiv.org/abs/2009.14794")).toEqual({ match: null, alternatives: [], closest: [] });
    // A name no title comes close to, but some papers use: those papers are the closest there is.
    expect((await library.lookup("lora")).closest.map((paper) => paper.title)).toContainEqual(expect.stringMatching(/^MSPLoRA/));
    const ambiguous = await library.lookup("Model Tells You");
    expect(ambiguous.match).toBeNull();
    expect(ambiguous.alternatives.map((paper) => paper.title)).toHaveLength(2);
  });

  it("takes a description for the paper a search for it singles out, and a description of a paper it lacks for none", async () => {
    expect((await library.lookup("the paper where LLMs write GPU kernels and get scored with fast_p")).match?.title).toMatch(/^KernelBench/);
    expect((await library.lookup("the paper that converts GQA models into multi-head latent attention")).match?.title).toMatch(/^TransMLA/);
    // A name an abstract defines after "we explore", behind a font switch the page kept ("(tt KRISS)"), is the paper's.
    expect((await library.lookup("KRISS biomedical entity linking")).match?.title).toMatch(/^Knowledge-Rich Self-Supervision/);
    // "the method that …", "the benchmark where …" describe as "the paper that …" does.
    expect((await library.lookup("the method that converts GQA checkpoints like llama and qwen into MLA")).match?.title).toMatch(/^TransMLA/);
    expect((await library.lookup("the tile-based contrastive loss paper that scales batch size to millions")).match?.title).toMatch(/^Breaking the Memory Barrier/);
    expect((await library.lookup("the dermatology image dataset from south india")).match?.title).toMatch(/^DermaCon-IN/);
    // A sentence pasted from an abstract is the paper it is quoted from.
    expect((await library.lookup("This approach dynamically adjusts the KV cache size across different layers, allocating more cache in lower layers and less in higher ones")).match?.title).toMatch(/^PyramidKV:/);
    // An acronym whose long form is the library's vocabulary ("ML", machine learning) names no paper: the description stands.
    expect((await library.lookup("the gym-style framework for ML-assisted hardware architecture design")).match?.title).toMatch(/^ArchGym/);
    expect((await library.lookup("the paper that introduced the transformer architecture")).match).toBeNull();
    expect((await library.lookup("low rank adaptation of large language models")).match).toBeNull();
    expect((await library.lookup("the paper on sequence modeling with selective state spaces")).match).toBeNull();
    // A word written like a name that much of the library uses ("GPU", "AI") does not make a description a name.
    expect((await library.lookup("the faiss paper about GPU k-selection for billion scale similarity search")).match?.title).toBe("Billion-scale similarity search with GPUs");
    // A name no paper uses at all leaves the description beside it to decide; framing before a description is framing too.
    expect((await library.lookup("faiss paper — billion-scale similarity search with gpus")).match?.title).toBe("Billion-scale similarity search with GPUs");
    expect((await library.lookup("Mamba (selective state space models)")).match).toBeNull();
    // A number last is a version: "flash attention 3" names a paper the library lacks, not a description a search
    // singles "The I/O Complexity of Attention, or How Optimal is Flash Attention?" out for; nor is
    // "deep residual learning" the P3D paper, whose title opens "Learning" and says "Residual" later.
    expect((await library.lookup("flash attention 3")).match).toBeNull();
    expect((await library.lookup("deep residual learning")).match).toBeNull();
    expect((await library.lookup("seminal HNSW paper (small world graphs)")).match?.title).toMatch(/Hierarchical Navigable Small World/);
    // Unsure of a terse description's topic, the search must single a paper out by more: Mamba itself is not in the library.
    expect((await library.lookup("mamba selective state spaces")).match).toBeNull();
    // A bare phrase is a title remembered: a paper sharing two of its words is not it. "lora", an acronym the abstracts define, is a name however typed.
    expect((await library.lookup("deep residual learning for image recognition")).match).toBeNull();
    expect((await library.lookup("lora low-rank adaptation of large language models")).match).toBeNull();
    expect((await library.lookup("hierarchical transformers make language models more efficient")).match?.title).toBe("Hierarchical Transformers Are More Efficient Language Models");
    // "that X paper arguing for …": a name, then what the paper says.
    expect((await library.lookup("that deepseek v3 paper reflecting on hardware and scaling challenges")).match?.title).toMatch(/^Insights into DeepSeek-V3/);
    expect((await library.lookup("MobilNetV2 inverted residuals and linear bottlenecks")).match?.title).toMatch(/^MobileNetV2:/);
    // An acronym the title's first part spells out whole is that paper's own name, ahead of a title that uses the thing.
    expect((await library.lookup("the original NTK paper")).match?.title).toMatch(/^Neural Tangent Kernel:/);
    expect((await library.lookup("Performer")).match?.title).toBe("Rethinking Attention with Performers");
    // A plain word or number only one paper's abstract uses singles it out; a name it mentions once is another paper.
    expect((await library.lookup("the rail-only network paper")).match?.title).toMatch(/^Optimized Network Architectures/);
    expect((await library.lookup("the benchmark with 204 tasks contributed by 442 authors")).match?.title).toMatch(/^Beyond the Imitation Game/);
    expect((await library.lookup("the colbert paper")).match).toBeNull();
    expect((await library.lookup("that paper proposing a 'rail-only' network for LLM training clusters instead of any-to-any Clos")).match?.title).toMatch(/^Optimized Network Architectures for Large Language Model Training/);
  });

  it("offers what a search finds for a description no paper stands out for, flagged as a description", async () => {
    // DistServe and Nexus both disaggregate prefill and decode, too close together to call it either.
    const found = await library.lookup("that paper where they disaggregate prefill and decoding onto different GPUs");
    expect(found).toMatchObject({ match: null, alternatives: [], description: true });
    expect(found.closest.map((paper) => paper.title)).toEqual(expect.arrayContaining([expect.stringMatching(/^DistServe/), expect.stringMatching(/^Nexus/)]));
    // "goodput", a word only DistServe uses (in its title), singles it out.
    expect((await library.lookup("that paper where they disaggregate prefill and decoding onto different GPUs to optimize goodput")).match?.title).toMatch(/^DistServe/);
    // A thing and a clause on what it does, at length, is a description whatever names it uses ("ANN", "RAM", "SSD").
    expect((await library.lookup("the memory-disk hybrid billion-scale ANN index that keeps centroids in RAM and posting lists on SSD")).match?.title).toMatch(/^SPANN/);
    // The one paper the search judges on topic, not a title sharing a word ("SparseD" for "sparse").
    expect((await library.lookup("that paper on recommendation systems with sparse training")).match?.title).toMatch(/^Dynamic Sparse Learning/);
    // The search is unsure of the topic and the next paper scores 0.68 of it, yet both lists put it first (it was "no
    // match; closest: …").
    expect((await library.lookup("that paper on figuring out which GPU and software stack an LLM provider is actually serving from")).match?.title).toBe("Hardware and Software Platform Inference");
  });

  it("knows a name the abstract gives, even when its code link spells it in lower case", async () => {
    expect((await library.lookup("HLIP")).match?.title).toMatch(/^Towards Scalable Language-Image Pre-training/);
    expect((await library.lookup("that HDBSCAN speedup paper")).match?.title).toBe("Accelerated Hierarchical Density Clustering");
  });
});

describe("judged results", () => {
  it("marks only papers on the topic as citable", async () => {
    const result = await library.search("which papers cover KV cache compression?", { today: TODAY });
    const cited = result.results.filter((hit) => hit.relevant);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.length).toBeLessThanOrEqual(5);
    for (const hit of cited) expect(`${hit.paper.title} ${hit.paper.abstract}`).toMatch(/KV|cache/i);
    // A paper whose title names the topic's rarest word, its text every word, is cited though the best stands well ahead.
    const long = await library.search("long convolutions for sequence modeling", { today: TODAY });
    expect(long.results.filter((hit) => hit.relevant).map((hit) => hit.paper.title)).toContain("What Makes Convolutional Models Great on Long Sequence Modeling?");
  });

  it("leaves out a paper the question rules out by name ('other than Swin'), though its title names the topic too", async () => {
    const result = await library.search("hierarchical vision transformers other than Swin", { today: TODAY });
    const swin = result.results.findIndex((hit) => hit.paper.title.startsWith("Swin Transformer"));
    expect(swin === -1 || swin >= result.results.filter((hit) => hit.relevant).length).toBe(true);
    expect(result.results.filter((hit) => hit.relevant).some((hit) => hit.paper.title.startsWith("Swin"))).toBe(false);
    // A "-Free" before the word ruled out belongs to another word: "Inversion-Free Image Editing" edits images.
    const editing = await library.search("papers on diffusion models but not image editing", { today: TODAY });
    expect(editing.results.filter((hit) => hit.relevant && /Image Editing/.test(hit.paper.title))).toEqual([]);
    // A title writing the name as two words names it too: "… How Optimal is Flash Attention?" is out of "excluding flashattention".
    const flash = await library.search("attention kernels on gpu excluding flashattention", { today: TODAY });
    expect(flash.results.filter((hit) => hit.relevant && /Flash ?Attention/i.test(hit.paper.title))).toEqual([]);
  });

  it("takes either side of an alternative the question offers as its rarest word ('compression / eviction')", async () => {
    const result = await library.search("kv cache compression / eviction for long-context llm inference", { today: TODAY });
    const cited = result.results.filter((hit) => hit.relevant);
    expect(cited.length).toBeGreaterThanOrEqual(4);
    for (const hit of cited) expect(`${hit.paper.title} ${hit.paper.abstract}`).toMatch(/KV cache/i);
  });

  it("is unsure, not absent, when the best papers match part of a question", async () => {
    const result = await library.search("sparse attention for robotics", { today: TODAY });
    expect(result.verdict.decision).toBe("unsure");
    expect(result.relevant).toBe(true);
    expect(result.results.filter((hit) => hit.relevant).length).toBeLessThanOrEqual(3);
  });

  it("calls a topic named in a few words absent when the papers hold its key word only in passing, and weighs a long description's unmatched words less", async () => {
    for (const topic of ["quantum error correction", "quantum machine learning"]) {
      const result = await library.search(topic, { today: TODAY });
      expect(result.verdict.decision, topic).toBe("no");
      expect(result.verdict.signals.wordiness).toBeLessThan(0.35);
    }
    const described = await library.search("how can I shrink the memory that the cached keys and values take up while a language model generates text?", { today: TODAY });
    expect(described.verdict.signals.wordiness).toBeGreaterThan(0.7);
    expect(described.relevant).toBe(true);
    // …but a long everyday description that the best papers hold little of, and no paper's vector comes near, is absent.
    const pigeons = await library.search("my neighbour keeps pigeons and wonders whether a program could tell from recordings of their cooing which bird is getting sick before the rest of the flock catches it - anything on that?", { today: TODAY });
    expect(pigeons.verdict.signals.wordiness).toBeGreaterThanOrEqual(0.8);
    expect(pigeons.verdict.decision).toBe("no");
    // …unless the best paper's title names several of its words that few papers use ("Wheat Yellow Rust …").
    const wheat = await library.search("can satellite pictures taken through the growing season tell a farmer if yellowing wheat has rust or is hungry for fertilizer?", { today: TODAY });
    expect(wheat.verdict.signals.wordiness).toBeGreaterThanOrEqual(0.8);
    expect(wheat.verdict.decision).toBe("yes");
    expect(wheat.results[0]!.paper.title).toMatch(/Wheat Yellow Rust/);
  });

  it("finds papers like a named one by its own words, leaving it out", async () => {
    // "… but for convnets": only papers like it that are about convnets are cited, the first one too.
    const convnets = await library.search("stuff like swin transformer but for convnets", { today: TODAY });
    const cited = convnets.results.filter((hit) => hit.relevant);
    expect(cited.length).toBeGreaterThan(0);
    for (const hit of cited) expect(`${hit.paper.title} ${hit.paper.abstract}`).toMatch(/convnet/i);
    // …also when the papers most like it are not in the setting: how close the others come is measured from the first that is.
    const moe = await library.search("stuff like DistServe but for mixture-of-experts serving", { today: TODAY });
    expect(moe.results.filter((hit) => hit.relevant).map((hit) => hit.paper.title)).toEqual(expect.arrayContaining([expect.stringMatching(/^MoE-Lens/)]));
    const result = await library.search("anything similar to PyramidKV?", { today: TODAY });
    expect(result.example?.title).toMatch(/^PyramidKV:/);
    const titles = result.results.map((hit) => hit.paper.title);
    expect(titles.some((title) => title.startsWith("PyramidKV:"))).toBe(false);
    expect(titles.slice(0, 5).filter((title) => /KV Cache/i.test(title)).length).toBeGreaterThanOrEqual(3);
  });

  it("puts the paper first when the question is its title, then papers like it", async () => {
    const result = await library.search("pyramidkv: dynamic KV cache compression based on pyramidal information funneling", { today: TODAY });
    expect(result.named?.title).toMatch(/^PyramidKV:/);
    expect(result.example).toBeUndefined();
    const titles = result.results.map((hit) => hit.paper.title);
    expect(titles[0]).toMatch(/^PyramidKV:/);
    expect(titles.filter((title) => title.startsWith("PyramidKV:"))).toHaveLength(1);
    expect(titles.slice(1, 6).filter((title) => /KV Cache/i.test(title)).length).toBeGreaterThanOrEqual(3);
  });

  it("reads a passage quoted from a paper's abstract as that paper, then papers like it, and a passage of its own words as a topic", async () => {
    // Pasted as copied (case and punctuation aside, a word changed): PyramidKV's sentence on how it sizes the cache.
    const quoted = await library.search("This approach dynamically adjusts the KV-cache size across different layers, allocating more cache in lower layers and less in higher ones, unlike traditional methods that maintain a uniform KV cache size", { today: TODAY });
    expect(quoted.named?.title).toMatch(/^PyramidKV:/);
    expect(quoted.quoted).toBe(true);
    const titles = quoted.results.map((hit) => hit.paper.title);
    expect(titles[0]).toMatch(/^PyramidKV:/);
    expect(titles.slice(1, 6).filter((title) => /KV Cache/i.test(title)).length).toBeGreaterThanOrEqual(3);
    // Asked about in the message, or as the example of "papers like this: …", it is quoted all the same.
    const asked = await library.search("we investigate whether attention-based information flow inside large language models is aggregated through noticeable patterns for long context processing. which other papers do that?", { today: TODAY });
    expect(asked.named?.title).toMatch(/^PyramidKV:/);
    const like = await library.search("papers like this: allocating more cache in lower layers and less in higher ones, diverging from traditional methods that maintain a uniform KV cache size", { today: TODAY });
    expect([like.example?.title, like.unfoundExample]).toEqual([expect.stringMatching(/^PyramidKV:/), undefined]);
    expect(like.results.map((hit) => hit.paper.title)).not.toContainEqual(expect.stringMatching(/^PyramidKV:/));
    // The same topic in the asker's own words is no quotation.
    const own = await library.search("a method that changes how much KV cache each layer keeps, more in the lower layers and less in the higher ones", { today: TODAY });
    expect(own.quoted).toBeUndefined();
    // Nor is a short phrase the abstract holds.
    expect((await library.search("KV cache compression method", { today: TODAY })).quoted).toBeUndefined();
  });

  it("answers a bare name, acronym or typo'd name that no topic matches with the paper it names", async () => {
    for (const [question, title] of [["HNSW", /Hierarchical Navigable Small World/], ["tell me about the HNSW paper", /Hierarchical Navigable Small World/], ["which paper introduced FAVOR+?", /Performers/]] as const) {
      const result = await library.search(question, { today: TODAY });
      expect(result.named?.title, question).toMatch(title);
      expect(result.results[0]!.paper.title).toMatch(title);
    }
    // A lone word in lower case asked about is a name when a paper goes by it ("summarize distserve" listed papers like
    // it); a topic word stays a topic.
    for (const [question, title] of [["summarize distserve", /^DistServe:/], ["what does kernelbench measure?", /^KernelBench:/], ["does spann actually beat diskann?", /^SPANN:/]] as const) {
      const result = await library.search(question, { today: TODAY });
      expect(result.named?.title, question).toMatch(title);
      expect(result.query.detail).toBe("content");
    }
    // One name of several words a paper goes by is that paper ("we introduce bitnet.cpp", "(BIG-bench)"); a topic written
    // as one is not ("text-to-SQL").
    for (const [question, title] of [["BIG-bench", /^Beyond the Imitation Game/], ["bitnet.cpp", /^1-bit AI Infra/]] as const) {
      expect((await library.search(question, { today: TODAY })).named?.title, question).toMatch(title);
    }
    expect((await library.search("text-to-SQL", { today: TODAY })).named).toBeUndefined();
    // "performers paper" with no "the" names it as "the performers paper" does (it cited papers on "performance").
    expect((await library.search("performers paper", { today: TODAY })).named?.title).toMatch(/^Rethinking Attention with Performers/);
    expect((await library.search("attention paper", { today: TODAY })).named).toBeUndefined();
    for (const question of ["what does pruning do?", "what does attention do?"]) expect((await library.search(question, { today: TODAY })).named, question).toBeUndefined();
    // A name typed as an everyday word, beside a word its title lacks, is no name: "chess engines" is not CHESS (text-to-SQL).
    expect((await library.search("chess engines", { today: TODAY })).named).toBeUndefined();
    expect((await library.search("CHESS", { today: TODAY })).named?.title).toMatch(/^CHESS:/);
    // An acronym the abstracts define in two senses (ANN: artificial neural networks, approximate nearest neighbours) is read in
    // the sense the library writes most, and a title spelling it out holds it.
    const ann = await library.search("ANN search with filters", { today: TODAY });
    expect(ann.relevant).toBe(true);
    expect(ann.results[0]!).toMatchObject({ relevant: true, paper: { title: expect.stringMatching(/^Approximate Nearest Neighbor Search with Window Filters/) } });
    // An acronym ending in "s" is looked up as written, not as the plural stemming takes it for ("NAS" is not "na").
    expect((await library.search("NAS for mobile", { today: TODAY })).relevant).toBe(true);
    // …and a title writing the acronym ("… Offline RLHF") names the long form a question spells out.
    expect((await library.search("does anything cover reinforcement learning from human feedback?", { today: TODAY })).verdict.decision).toBe("yes");
    // …and a title holding the topic's rarest word, a name few papers write, with the rest in its abstract
    // ("matryoshka embeddings" hedged over Matryoshka Representation Learning).
    expect((await library.search("matryoshka embeddings", { today: TODAY })).verdict.decision).toBe("yes");
    // A typo'd name is respelt first, and then its title matches as a topic.
    expect((await library.search("pyramdkv", { today: TODAY })).results[0]!.paper.title).toMatch(/^PyramidKV:/);
  });

  it("corrects words no paper and no dictionary knows to the library's spelling, and leaves real words alone", async () => {
    expect((await library.search("testtime scaling", { today: TODAY })).query.topic).toBe("test time scaling");
    const typo = await library.search("KV cashe compresion", { today: TODAY });
    expect(typo.query.topic).toBe("kv cache compression");
    const right = await library.search("KV cache compression", { today: TODAY });
    expect(typo.results.map((hit) => hit.paper.id)).toEqual(right.results.map((hit) => hit.paper.id));
    // An adverb no paper writes is read as the adjective papers do write; one the papers write too stays as it is.
    expect((await library.search("networks that suddenly start generalising", { today: TODAY })).query.topic).toBe("networks that sudden start generalising");
    expect((await library.search("highly sparse attention", { today: TODAY })).query.topic).toBe("highly sparse attention");
    // So is a noun whose adjective the papers write, the same stem longer: "idioms" are EPIE's "Idiomatic Expressions".
    const idioms = await library.search("idioms dataset", { today: TODAY });
    expect(idioms.query.topic).toBe("idiomatic dataset");
    expect(idioms.results[0]?.paper.title).toMatch(/^EPIE Dataset/);
    // …and only as a word English knows: the stemmer splitting "character" from "characterize" makes no "characteric".
    expect((await library.search("optical character recognition", { today: TODAY })).query.topic).toBe("optical character recognition");
    // A doer no paper names, jargon rather than English, is what it does as a title names it; an everyday one is itself.
    const rankers = await library.search("knowledge distillation for rankers", { today: TODAY });
    expect(rankers.query.topic).toBe("knowledge distillation for ranking");
    expect(rankers.verdict.decision).not.toBe("no");
    expect((await library.search("llm inference on a laptop processor", { today: TODAY })).query.topic).toContain("processor");
    // Two neighbouring letters swapped in a short word is one slip, not two letters away.
    expect((await library.search("kv cahce evicton", { today: TODAY })).query.topic).toBe("kv cache eviction");
    // A word the papers write joined to the next ("MobileNetV2") takes that next word in, not repeats it.
    expect((await library.search("the mobilenet v2 paper", { today: TODAY })).named?.title).toMatch(/^MobileNetV2:/);
    expect((await library.search("proxyless nas", { today: TODAY })).query.topic).toBe("proxylessnas");
    expect((await library.search("teaching a small student model to imitate a bigger teacher", { today: TODAY })).query.topic).toContain("teaching");
    // A rare word English knows is a word the library lacks, not a typo two letters from one it has ("unleashing").
    const absent = await library.search("papers on machine unlearning", { today: TODAY });
    expect(absent.query.topic).toBe("machine unlearning");
    expect(absent.verdict.unmatched).toContain("unlearning");
    // A specialised word no paper uses is named in the answer; an everyday word's rarer form is not ("eats": "eat").
    expect((await library.search("federated learning across hospitals", { today: TODAY })).verdict.unknown).toEqual(["federated"]);
    // A topic named first by such a word is absent, however much of the description after it other papers match.
    const described = await library.search("federated learning: training one shared model across many phones or hospitals without their raw data ever leaving the device", { today: TODAY });
    expect(described.verdict.decision).toBe("no");
    // So is one whose first words, before a clause, qualify it by such a word: a kind of the thing the library lacks…
    expect((await library.search("federated learning where several hospitals train one model without sharing patient data", { today: TODAY })).verdict.decision).toBe("no");
    // …but an unknown last word of them may be the asker's own name for what the papers call otherwise.
    expect((await library.search("software helpers that click around websites to finish tasks a person asks for", { today: TODAY })).verdict.decision).not.toBe("no");
    // So is one named by words the papers use, but never together; "improve on PyramidKV: …" names no topic that way.
    expect((await library.search("automatic speech recognition: turning recorded speech into text transcripts", { today: TODAY })).verdict.decision).toBe("no");
    expect((await library.search("knowledge tracing - modelling what a student knows from their answers over time", { today: TODAY })).verdict.decision).toBe("no");
    // …unless the best paper holds every word of the heading, an acronym by its long form ("GNN": TempME's "Graph
    // Neural Networks").
    expect((await library.search("explaining GNN predictions - which subgraph or motif drove the output", { today: TODAY })).verdict.decision).not.toBe("no");
    // A topic whose every word outside the library's background phrases ("machine learning", "neural networks") no
    // paper uses is absent; a question with words the papers use besides an unknown one is not ("shrink").
    expect((await library.search("what is there on quantum machine learning or quantum neural networks?", { today: TODAY })).verdict.decision).toBe("no");
    expect((await library.search("how can I shrink the memory used by cached keys and values during decoding?", { today: TODAY })).verdict.decision).toBe("yes");
    // "figuring" is as everyday as "figure", whose silent e it drops: no word to name as one no paper uses.
    expect((await library.search("figuring out what someone is doing from their phone", { today: TODAY })).verdict.unknown).not.toContain("figuring");
    expect((await library.search("contrastive loss eats all my GPU memory", { today: TODAY })).verdict.unknown).toEqual([]);
    // A phrase a cited paper writes with one word in two ("Hyper-Parameter Tuning") is not a part left out.
    expect((await library.search("retrieval augmented generation hyperparameter tuning", { today: TODAY })).verdict.missing).toEqual([]);
    // A topic of one word English does not know, which the best paper writes, is at least a partial match: MCUNetV2's
    // abstract says "tinyML" (its title "Tiny Deep Learning"), which had been "Nothing in the library covers tinyml".
    expect((await library.search("tinyml", { today: TODAY })).verdict.decision).toBe("unsure");
    // Nor is a setting's word the cited titles write in two ("Fine-tuning" for "finetuning").
    expect((await library.search("zeroth order optimization for finetuning", { today: TODAY })).verdict.missing).toEqual([]);
    // A setting whose rarest word the cited papers lack is the part left out, though they hold another of its words
    // (TempME's "Motif Discovery" for "drug discovery").
    expect((await library.search("graph neural networks for drug discovery", { today: TODAY })).verdict.missing).toEqual(["drug discovery"]);
    // …but two neighbouring letters swapped is one slip, however rare the word it makes in English.
    expect((await library.search("vision langauge models for self-driving cars", { today: TODAY })).query.topic).toBe("vision language models for self-driving cars");
    // A typo of an everyday word no title holds is taken for that word; a short unknown name is left alone.
    expect((await library.search("letting a chatbot remeber earlier conversations", { today: TODAY })).query.topic).toBe("letting a chatbot remember earlier conversations");
    expect((await library.search("qlora papers", { today: TODAY })).query.topic).toBe("qlora");
    // One slip away, the nearest word; a term two letters from a common word is a term the library lacks.
    expect((await library.search("training keeps chrashing", { today: TODAY })).query.topic).toBe("training keeps crashing");
    expect((await library.search("deepfake detection", { today: TODAY })).query.topic).toBe("deepfake detection");
    // A wrong letter is a slip to a neighbouring key ("backprop" is no typo of "backdrop", but a clipped
    // "back-propagation"); jargon written with capitals inside is meant as written.
    const clipped = await library.search("training without backprop", { today: TODAY });
    expect(clipped.query.topic).toBe("training without back propagation");
    expect(clipped.results[0]?.paper.title).toMatch(/^NoProp:/);
    expect((await library.search("cheap conv building blocks for phones", { today: TODAY })).query.topic).toBe("cheap convolutional building blocks for phones");
    expect((await library.search("CONV layers", { today: TODAY })).query.topic).toBe("conv layers");
    // An everyday word is never a clipped one ("sent" is not "sentence").
    expect((await library.search("no error signal sent backwards", { today: TODAY })).query.topic).toBe("no error signal sent backwards");
    // A clipped word made plural is read in full too.
    expect((await library.search("clustering algos", { today: TODAY })).query.topic).toMatch(/^clustering algorithms?$/);
    // A word shortened to its consonants is the word the papers write, though one paper writes it so ("attn"); an
    // acronym whose letters a longer word holds is not that word ("rnn" is no "representation").
    expect((await library.search("sparse attn for video diffusion", { today: TODAY })).query.topic).toBe("sparse attention for video diffusion");
    expect((await library.search("rnn papers", { today: TODAY })).query.topic).toBe("rnn");
    // Two words clipped into one are the pair the papers write ("recsys": recommender systems).
    expect((await library.search("recsys embedding tables", { today: TODAY })).query.topic).toMatch(/^recommend\w+ systems? embedding tables$/);
    expect((await library.search("papers on retina photos", { today: TODAY })).query.topic).toBe("retina photos");
    expect((await library.search("long prompts keep OOMing", { today: TODAY })).query.topic).toBe("long prompts keep ooming");
    expect((await library.search("training keeps crashimg", { today: TODAY })).query.topic).toBe("training keeps crashing");
    // Two letters away at a name's start, not as fingers slip (w is nowhere near n), is another name: Linformer is not LowFormer.
    expect((await library.search("linformer", { today: TODAY })).query.topic).toBe("linformer");
  });

  it("searches a question nothing covers again with words written whole read as the papers write them apart, when that is a sure answer", async () => {
    const finetuning = await library.search("efficient finetuning", { today: TODAY });
    expect(finetuning).toMatchObject({ relevant: true, query: { topic: "efficient fine tuning" } });
    expect((await library.search("alternatives to backpropagation", { today: TODAY })).results[0]?.paper.title).toMatch(/^NoProp:/);
    // "hand-written" GPU kernels do not make handwriting recognition covered.
    expect((await library.search("handwritten text recognition for old scanned letters", { today: TODAY })).relevant).toBe(false);
  });

  it("reads a word no paper uses as the one a slip away that the papers write beside its neighbour, when nothing covers it as written", async () => {
    // "swim" is English and "lon" short, so neither is a typo by itself; "swin transformer" and "long context" are phrases of the papers.
    expect((await library.search("the swim transformer", { today: TODAY })).results[0]?.paper.title).toMatch(/^Swin Transformer/);
    expect(await library.search("sparse atention for lon context", { today: TODAY })).toMatchObject({ relevant: true, query: { topic: "sparse attention for long context" } });
    // A topic the library lacks stays absent: no phrase of the papers is a slip from its words.
    expect((await library.search("protein folding", { today: TODAY })).relevant).toBe(false);
    // Two words the papers write only as one: "thunder kittens" is ThunderKittens.
    const kittens = await library.search("thunder kittens", { today: TODAY });
    expect(kittens.relevant).toBe(true);
    expect(kittens.results[0]?.paper.title).toMatch(/^ThunderKittens/);
    // A word in capitals is a name the library lacks, not a slip: "SAE features" is not "same features".
    expect((await library.search("SAE features", { today: TODAY })).query.topic).toBe("sae features");
  });

  it("searches British and American spellings alike", async () => {
    // The words match alike; only the vectors (the embedder keeps each spelling) may reorder the tail.
    const ids = async (question: string) => (await library.search(question, { today: TODAY })).results.slice(0, 5).map((hit) => hit.paper.id);
    expect(await ids("approximate nearest neighbour search")).toEqual(await ids("approximate nearest neighbor search"));
    expect((await ids("domain generalisation")).slice(0, 3)).toEqual((await ids("domain generalization")).slice(0, 3));
  });

  it("takes a name with digits as one word and corrects a question at most once (no endless respelling)", async () => {
    for (const question of ["MobileNetV2", "mobilenetv2", "GhostNetV2 and MCUNetV2"]) {
      const result = await library.search(question, { today: TODAY });
      expect(result.query.text.toLowerCase()).not.toMatch(/v22/);
      expect(result.results.length).toBeGreaterThan(0);
    }
    expect((await library.search("MobileNetV2", { today: TODAY })).results[0]!.paper.title).toMatch(/^MobileNetV2/);
  }, 10_000);

  it("reads an acronym several abstracts define as a topic, and an English word one paper goes by as that paper", async () => {
    // "NAS papers" had been ProxylessNAS (whose abstract defines NAS too) and papers like it, one on similarity search.
    const nas = await library.search("NAS papers", { today: TODAY });
    expect(nas.named).toBeUndefined();
    expect(nas.results.filter((hit) => hit.relevant).every((hit) => /architecture|NAS/i.test(`${hit.paper.title} ${hit.paper.abstract}`))).toBe(true);
    // "HNSW", defined by its own paper alone, still names it.
    expect((await library.search("HNSW", { today: TODAY })).named?.title).toMatch(/Hierarchical Navigable Small World graphs$/);
    // So does "moe", lower case and an English word: several abstracts define it.
    expect((await library.search("moe papers", { today: TODAY })).named).toBeUndefined();
    // A term one abstract spells out that other papers write too names no paper, unless a title holds it or its long
    // form: "GANs" had been the diffusion paper comparing itself with Generative Adversarial Networks (GANs).
    expect((await library.search("papers on GANs", { today: TODAY })).named).toBeUndefined();
    expect((await library.search("hnsw papers", { today: TODAY })).named?.title).toMatch(/Hierarchical Navigable Small World graphs$/);
    // "Performers" had cited papers on performance (the stem "perform"), after the Performers paper.
    for (const question of ["Performers", "performers"]) expect((await library.search(question, { today: TODAY })).named?.title).toBe("Rethinking Attention with Performers");
  });

  it("reads a short title or a title inside a longer question as a topic", async () => {
    expect((await library.search("KV cache compression", { today: TODAY })).named).toBeUndefined();
    expect((await library.search("papers that improve on PyramidKV: Dynamic KV Cache Compression based on Pyramidal Information Funneling", { today: TODAY })).named).toBeUndefined();
  });

  it("searches by topic when the named paper is not in the library", async () => {
    const result = await library.search("papers like Attention Is All You Need", { today: TODAY });
    expect(result.example).toBeUndefined();
    // Lower case too: a title's words held by a longer title ("TransMLA: … Attention Is All You Need") are not that paper.
    const lower = await library.search("similar to attention is all you need", { today: TODAY });
    expect(lower.example).toBeUndefined();
    expect(lower.unfoundExample).toBe("attention is all you need");
    // A plain phrase several titles hold is a topic, not the name of the one lookup matched ("SparseD: Sparse Attention …").
    const topic = await library.search("papers building on sparse attention", { today: TODAY });
    expect(topic.example).toBeUndefined();
    expect(topic.unfoundExample).toBeUndefined();
    expect(topic.results.slice(0, 5).every((hit) => /spars/i.test(hit.paper.title))).toBe(true);
    // A name inside a description of the paper is looked up alone.
    expect((await library.search("papers like the MADRIGAL drug combo one", { today: TODAY })).example?.title).toMatch(/drug combinations/);
    // "do we have llama 2?", "the resnet paper?": a paper asked for by name, said to be missing before the papers on its words.
    expect((await library.search("do we have llama 2", { today: TODAY })).unfoundTitle).toBe("llama 2");
    expect((await library.search("the resnet paper?", { today: TODAY })).unfoundTitle).toBe("resnet");
    // A lone lower-case word titles write as a name is one: "is flashattention in the library" listed FlashAttention-2
    // with no word that the original is missing; "is pruning in the library?" asks a topic.
    expect((await library.search("is flashattention in the library", { today: TODAY })).unfoundTitle).toBe("flashattention");
    expect((await library.search("is pruning in the library?", { today: TODAY })).unfoundTitle).toBeUndefined();
    // A topic after "similar to" is no paper said to be missing; a loose name one title alone holds is that paper.
    expect((await library.search("stuff similar to concept bottleneck models", { today: TODAY })).unfoundExample).toBeUndefined();
    expect((await library.search("do we have the grokking paper", { today: TODAY })).named?.title).toMatch(/Grokking/);
  });

  it("looks a paper up for `similar`, and says when it cannot", async () => {
    const found = await library.similar("the HNSW paper");
    expect(found.paper?.title).toMatch(/Hierarchical Navigable Small World/);
    const missing = await library.similar("AlphaFold");
    expect(missing.paper).toBeNull();
  });
});
