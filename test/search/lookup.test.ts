import { describe, expect, it } from "vitest";
import { PaperLookup, stripFraming } from "../../src/search/lookup.ts";
import { namesOf } from "../../src/search/names.ts";
import { storedPaper } from "../store/paper-store.case.ts";

const paper = (title: string, abstract: string, id?: string) => ({ ...storedPaper(title), abstract, ...(id && { id }) });

const papers = [
  paper("PyramidKV: Dynamic KV Cache Compression based on Pyramidal Information Funneling", "We propose PyramidKV, a novel and effective KV cache compression method.", "2406.02069"),
  paper("PyramidInfer: Pyramid KV Cache Compression for High-throughput LLM Inference", "We propose PyramidInfer, a method that compresses the KV cache by layer-wise retaining crucial context."),
  paper("Fast Matrix Multiplications for Lookup Table-Quantized LLMs", "This paper describes FLUTE, a flexible lookup table engine for LUT-quantized LLMs. We also use LoRA adapters."),
  paper("MSPLoRA: A Multi-Scale Pyramid Low-Rank Adaptation", "Among PEFT methods, LoRA reduces trainable parameters. We propose MSPLoRA (Multi-Scale Pyramid LoRA)."),
  paper("Model Tells You What to Discard: Adaptive KV Cache Compression for LLMs", "FastGen can be deployed without fine-tuning. FastGen reduces GPU memory."),
  paper("Model Tells You Where to Merge: Adaptive KV Cache Merging for LLMs on Long-Context Tasks", "We propose KVMerger for merging."),
  paper("FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning", "We propose FlashAttention-2, with better work partitioning than FlashAttention. FlashAttention is 2x faster."),
  paper("TransMLA: Multi-head Latent Attention Is All You Need", "We introduce TransMLA, a method that converts models (e.g., LLaMA, Qwen) to multi-head latent attention."),
  paper("PointNet++: Deep Hierarchical Feature Learning on Point Sets in a Metric Space", "PointNet is a pioneer. PointNet does not capture local structure. We introduce a hierarchical network."),
  paper("1-bit AI Infra: Part 1.1, Fast and Lossless BitNet b1.58 Inference on CPUs", "In this work, we introduce bitnet.cpp, a tailored software stack for 1-bit LLMs on CPUs."),
  paper("Language in a Bottle: Language Model Guided Concept Bottlenecks for Interpretable Image Classification", "Our approach, Language Guided Bottlenecks (LaBo), uses a language model to define concepts."),
  paper("M^3ViT: Mixture-of-Experts Vision Transformer for Efficient Multi-task Learning with Model-Accelerator Co-design", "We propose M3ViT, which customizes mixture-of-experts layers."),
  paper("HyperZ·Z·W Operator Connects Slow-Fast Networks for Full Context Interaction", "The operator connects hyper-kernels with slow and fast networks."),
  paper("Efficient and robust approximate nearest neighbor search using Hierarchical Navigable Small World graphs", "We present a new approach based on navigable small world graphs with controllable hierarchy (Hierarchical NSW, HNSW)."),
  paper("The Impacts of Data, Ordering, and Intrinsic Dimensionality on Recall in Hierarchical Navigable Small World Graphs", "Vector search with HNSW depends on the data. HNSW recall varies."),
  paper("Head-Aware KV Cache Compression for Efficient Visual Autoregressive Modeling", "We study visual autoregressive models and their cache."),
  paper("You are caught stealing my winning lottery ticket! Making a lottery ticket claim its ownership", "We protect the winning tickets of sparse networks."),
  paper("Matryoshka Representation Learning", "Learned representations serve many downstream tasks. We encode embeddings at several granularities in one vector."),
  paper("MobileSAMv2: Faster Segment Anything to Everything", "The segment anything model (SAM) addresses two tasks. We propose MobileSAMv2, which makes SAM faster."),
  paper("Hierarchically Gated Recurrent Neural Network for Sequence Modeling", "We propose a gated linear RNN, HGRN, with forget gates bounded by a learnable value."),
  paper("Diffusion-Based Hierarchical Multi-Label Object Detection to Analyze Panoramic Dental X-rays", "We detect abnormal teeth in panoramic radiographs."),
];
const lookup = PaperLookup.over(papers);
const title = async (query: string) => (await (await lookup.find(query))).match?.title ?? null;

describe("paper lookup", () => {
  it.each([
    ["PyramidKV: Dynamic KV Cache Compression based on Pyramidal Information Funneling", /^PyramidKV/],
    ["pyramidkv dynamic kv cache compression based on pyramidal information funneling", /^PyramidKV/],
    ["PyramidKV", /^PyramidKV/],
    ["pyramid kv", /^PyramidKV/],
    ["PyramdKV", /^PyramidKV/],
    ["the PyramidInfer paper", /^PyramidInfer/],
    ["FLUTE", /^Fast Matrix/],
    ["FastGen", /^Model Tells You What/],
    ["pyramidal information funneling", /^PyramidKV/],
    ["lottery ticket claim its ownership", /^You are caught/],
    ["lookup table quantized", /^Fast Matrix/],
    ["2406.02069", /^PyramidKV/],
    ["https://arxiv.org/abs/2406.02069v3", /^PyramidKV/],
    ["https://huggingface.co/papers/2406.02069", /^PyramidKV/],
    ["the original HNSW paper", /^Efficient and robust/],
    // Which version, said after the name, rules the other out.
    ["PyramidKV, not PyramidInfer", /^PyramidKV/],
    ["HGRN, the first one", /^Hierarchically Gated Recurrent/],
    ["the FastGen KV cache paper from Microsoft", /^Model Tells You What/],
    ["something like 'pyramidal information funneling'", /^PyramidKV/],
    ["bitnet.cpp", /^1-bit AI Infra/],
    ["LaBo concept bottleneck", /^Language in a Bottle/],
    ["FLUTE (the lookup-table quantized matmul kernel)", /^Fast Matrix/],
    ["m3vit mixture of experts vision transformer for multitask learning", /^M\^3ViT/],
    ["hyperzzw operator", /^HyperZ/],
    // Written together and singular ("xray" for "X-rays").
    ["that dental xray paper", /Panoramic Dental X-rays$/],
    ["flashatention 2 faster attention", /^FlashAttention-2/],
    // The version after the name, with a v or without ("FlashAttention-2", "LLaVA-UHD v2").
    ["flash attention v2", /^FlashAttention-2/],
    ["PointNet++", /^PointNet\+\+/],
    ["the paper about multi-head latent attention is all you need", /^TransMLA/],
    // The title's first word, and words of its abstract: a name with a description.
    ["matryoshka embeddings paper", /^Matryoshka/],
    // A long title remembered with one word swapped is that title.
    ["You are caught stealing my winning lottery ticket! Making a lottery ticket claim its property", /^You are caught stealing/],
    // "Network" ends in the letters of the framing word "work", which is no reason to cut it.
    ["Hierarchically Gated Recurrent Neural Network", /^Hierarchically Gated Recurrent Neural Network for Sequence Modeling/],
  ])("%s", async (query, expected) => {
    expect(await title(query)).toMatch(expected);
  });

  it.each(["LoRA", "AlphaFold", "2501.99999", "zxqv blorp", "", "   ", "LLaMA", "PointNet", "SAM", "the original SAM paper", "You are caught borrowing my winning lottery ticket! Making a lottery ticket claim its property", "FlashAttention-3", "FlashAttention", "GPT-4"])("says no match for %j", async (query) => {
    expect((await lookup.find(query)).match).toBeNull();
  });

  it("does not take a famous title for a longer one that ends with it, and offers that one as closest", async () => {
    const found = (await lookup.find("Attention Is All You Need"));
    expect(found.match).toBeNull();
    expect(found.alternatives).toEqual([]);
    expect(found.closest.map((candidate) => candidate.title)).toContain("TransMLA: Multi-head Latent Attention Is All You Need");
    // Two words written as a title are one too: "Segment Anything" inside "Faster Segment Anything to Everything" is another paper.
    const segment = await lookup.find("Segment Anything (Kirillov et al.)");
    expect(segment.match).toBeNull();
    expect(segment.closest.map((candidate) => candidate.title)).toContain("MobileSAMv2: Faster Segment Anything to Everything");
  });

  it("offers the other version as closest, never as the match", async () => {
    const found = (await lookup.find("FlashAttention-3"));
    expect(found.closest.map((candidate) => candidate.title)).toContain("FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning");
    expect((await lookup.find("flash attention v3")).match).toBeNull();
  });

  it("refuses a full title that differs in a word, even one its abstract uses", async () => {
    expect((await lookup.find("Head-Aware KV Cache Compression for Efficient Visual Autoregressive Models of Language")).match).toBeNull();
  });

  it("lets a description in parentheses refute a name it does not fit", async () => {
    expect((await lookup.find("FLUTE (a protein folding model for drug discovery)")).match).toBeNull();
  });

  it("takes a description whose words a title singles out for that paper, and no other", async () => {
    expect(await title("the paper about proving ownership of a winning lottery ticket")).toMatch(/^You are caught stealing/);
    expect(await title("the paper studying how data ordering affects recall in hierarchical navigable small world graphs")).toMatch(/^The Impacts of Data/);
    expect(await title("the paper protecting the ownership of winning lottery tickets")).toMatch(/^You are caught stealing/);
    expect(await title("the hierarchical navigable small world graphs paper that says recall depends on data ordering")).toMatch(/^The Impacts of Data/);
    // Too few words to single a paper out, or words the paper does not bear out.
    expect(await title("the paper that introduced the transformer architecture")).toBeNull();
    expect(await title("the paper about proving ownership of a winning lottery ticket with blockchain smart contracts")).toBeNull();
  });

  it("reads 'that X one with Y' as a name and what the paper has", async () => {
    expect(await title("that dynamic kv cache compression one with the information funneling")).toMatch(/^PyramidKV/);
  });

  it("takes a name-like fragment from inside a title for that paper", async () => {
    expect(await title("bitnet b1.58 cpu inference")).toMatch(/^1-bit AI Infra/);
    expect(await title("bitnet b1.58 cpu inference paper by microsoft")).toMatch(/^1-bit AI Infra/);
  });

  it("offers a paper whose name is the asked one with another version first among the closest, never as the match", async () => {
    const more = PaperLookup.over([
      ...papers,
      paper("MCUNetV2: Memory-Efficient Patch-based Inference for Tiny Deep Learning", "We propose MCUNetV2."),
      paper("MobileNetV2: Inverted Residuals and Linear Bottlenecks", "We describe MobileNetV2, a mobile architecture."),
      paper("MobileDets: Searching for Object Detection Architectures for Mobile Accelerators", "We search for detectors."),
      paper("TidalDecode: Fast and Accurate LLM Decoding with Position Persistent Sparse Attention", "We decode fast."),
    ]);
    for (const [asked, version] of [["MCUNet: Tiny Deep Learning on IoT Devices", /^MCUNetV2/], ["Searching for MobileNetV3", /^MobileNetV2/], ["FlashAttention-3: Fast and Accurate Attention with Asynchrony and Low-precision", /^FlashAttention-2/]] as const) {
      const found = await more.find(asked);
      expect(found.match, asked).toBeNull();
      expect(found.closest[0]?.title, asked).toMatch(version);
    }
  });

  it("reads an author citation as who wrote it, not as words of the name", async () => {
    expect(await title("the HNSW paper (Malkov et al.)")).toMatch(/^Efficient and robust approximate nearest neighbor search/);
    expect(await title("Matryoshka Representation Learning (Kusupati et al., 2022)")).toBe("Matryoshka Representation Learning");
  });

  it("flags a description so callers can search instead", async () => {
    const found = (await lookup.find("the paper that shows why sinks appear in attention maps"));
    expect(found.match).toBeNull();
    expect(found.description).toBe(true);
    expect((await lookup.find("PyramidKV")).description).toBeUndefined();
  });

  it("asks which one when a phrase is in several titles alike", async () => {
    const found = (await lookup.find("kv cache compression"));
    expect(found.match).toBeNull();
    expect(found.alternatives.length).toBeGreaterThan(1);
  });

  it("offers every equally good candidate instead of picking one", async () => {
    const found = (await lookup.find("Model Tells You"));
    expect(found.match).toBeNull();
    expect(found.alternatives.map((candidate) => candidate.title.slice(0, 30)).sort()).toEqual(["Model Tells You What to Discar", "Model Tells You Where to Merge"]);
  });

  it("strips the chat framing around a name", async () => {
    expect(stripFraming('look up "PyramidKV"')).toBe("PyramidKV");
    expect(stripFraming("the HNSW paper")).toBe("HNSW");
    expect(stripFraming("paper called TransMLA?")).toBe("TransMLA");
    // Asked as a question: "which paper introduced X" is "the paper that introduced X".
    expect(stripFraming("which paper introduced PyramidKV?")).toBe("PyramidKV");
    expect(stripFraming("what work first proposed HNSW")).toBe("HNSW");
  });
});

describe("names a paper goes by", () => {
  it("reads the short name, its own names, and not names every paper uses", async () => {
    const names = namesOf(papers[3]!, (name) => name !== "LoRA");
    expect(names.shortName).toBe("MSPLoRA");
    expect(names.own).toContain("MSPLoRA");
    expect(names.own).not.toContain("LoRA");
  });

  it("takes the name a proposing verb introduces, not the examples after it", async () => {
    const names = namesOf(papers[7]!);
    expect(names.own).toContain("TransMLA");
    expect(names.own).not.toContain("LLaMA");
    expect(namesOf(papers[9]!).own).toContain("bitnet.cpp");
    expect(namesOf(papers[10]!).own).toContain("LaBo");
    // "we compare our method with …, including H2O": a baseline, not the method ("the h2o paper" found KVMerger).
    const merger = paper("Model Tells You Where to Merge", "We propose KVMerger, a merging method. Using LongBench, we compare our method with other KV cache compression techniques, including H2O and CaM.");
    expect(namesOf(merger).own).toContain("KVMerger");
    expect(namesOf(merger).own).not.toContain("H2O");
  });

  it("takes the version an abstract gives its own name as a name, so asking for that version finds it", async () => {
    const kernels = paper("Toward Large Kernel Models", "Specifically, we introduce EigenPro 3.0, an algorithm based on projected dual preconditioned SGD.");
    expect(namesOf(kernels).own).toEqual(expect.arrayContaining(["EigenPro", "EigenPro 3.0"]));
    const found = await PaperLookup.over([...papers, kernels]).find("EigenPro 3.0");
    expect(found.match?.title).toBe("Toward Large Kernel Models");
    // Another version is still no match.
    expect((await PaperLookup.over([...papers, kernels]).find("EigenPro 4")).match).toBeNull();
  });

  it("does not take an acronym's marked letter for a name", async () => {
    const names = namesOf({ title: "Less is More: Pay Less Attention in Vision Transformers", abstract: "In computer vision, we present a Less attention vIsion Transformer (LIT)." });
    expect(names.own).toContain("LIT");
    expect(names.own).not.toContain("vIsion");
    // A name in capitals is a name, however often the abstract uses the word in lower case.
    const based = namesOf({ title: "Simple linear attention language models", abstract: "We propose BASED a simple architecture combining linear and sliding window attention. BASED matches attention-based models." });
    expect(based.own).toContain("BASED");
  });

  it("takes a name defined in parentheses in the proposing sentence, even if others use it, when the title spells it out", async () => {
    const names = namesOf({ title: "Efficient and robust approximate nearest neighbor search using Hierarchical Navigable Small World graphs", abstract: "We present a new approach based on navigable small world graphs with controllable hierarchy (Hierarchical NSW, HNSW)." }, () => false);
    expect(names.own).toContain("HNSW");
    // Defined while proposing but neither unique nor spelled out by the title: an acronym the paper uses.
    expect(namesOf({ title: "Pay Less Attention in Vision Transformers", abstract: "We propose a hierarchical Transformer where we use multi-layer perceptrons (MLPs)." }, () => false).own).not.toContain("MLPs");
  });
});
