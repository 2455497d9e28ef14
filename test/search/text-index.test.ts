import { describe, expect, it } from "vitest";
import { paperTerms } from "../../src/search/paper-terms.ts";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { TextIndexBuilder } from "../../src/search/text-index-builder.ts";
import { questionPairs, questionTerms, topicParts } from "../../src/search/query-terms.ts";

const papers = [
  { title: "KV Cache Compression for Long Contexts", abstract: "We compress the key-value cache of transformers." },
  { title: "Caching Web Pages", abstract: "A cache for key lookups; compression of pages saves bandwidth." },
  { title: "Mixture of Experts at Scale", abstract: "Sparse experts route each token." },
];
const builder = new TextIndexBuilder();
for (const paper of papers) builder.add(paperTerms(paper));
const index = await builder.finish();
const rank = (text: string) => [...index.scores([...questionTerms(text), ...questionPairs(text)].map((term) => ({ term, weight: 1 })))].map((score, doc) => ({ doc, score })).filter((x) => x.score > 0).sort((a, b) => b.score - a.score).map((x) => x.doc);

describe("BM25F text index", () => {
  it("ranks a title match with the words together above the words apart", () => {
    expect(rank("kv cache compression")).toEqual([0, 1]);
  });

  it("indexes word pairs across indexing stopwords, as a question forms them", () => {
    expect(index.documentFrequency("mixtur expert")).toBe(1);
    expect(questionPairs("mixture of experts")).toEqual(["mixtur expert"]);
  });

  it("indexes the words a name is written from, in no phrase, and knows they are never used alone", async () => {
    const named = new TextIndexBuilder();
    named.add(paperTerms({ title: "ScatterNeRF: Seeing Through Fog", abstract: "Cheap MSPLoRA adapters see through fog." }));
    named.add(paperTerms({ title: "Fog", abstract: "LoRA plots." }));
    const built = await named.finish();
    expect(built.documentFrequency("nerf")).toBe(1);
    expect(built.documentFrequency("msp")).toBe(1);
    expect(built.usedAlone("msp")).toBe(false);
    expect(built.usedAlone("lora")).toBe(true);
    expect(built.usedAlone("fog")).toBe(true);
    expect(built.documentFrequency("nerf see")).toBe(0);
    expect(built.documentFrequency("scatternerf see")).toBe(1);
    // Read back from its sections, as from a cache file.
    const { TextIndex } = await import("../../src/search/text-index.ts");
    expect(TextIndex.fromSections(built.sections()).usedAlone("msp")).toBe(false);
  });

  it("does not pair a title's last word with the abstract's first", () => {
    expect(index.documentFrequency("context compress")).toBe(0);
  });

  it("knows which paper holds which term", () => {
    expect(index.contains(2, "expert")).toBe(true);
    expect(index.contains(1, "expert")).toBe(false);
  });

  it("counts how many times a paper writes a term, title and abstract together", () => {
    expect(index.occurrences(0, "cach")).toBe(2);
    expect(index.occurrences(1, "cach")).toBe(2);
    expect(index.occurrences(2, "cach")).toBe(0);
    expect(index.occurrences(0, "no such term")).toBe(0);
  });
});

describe("question parts", () => {
  it("keeps examples and acronyms in parentheses as asides, and what is contrasted away as contrast", () => {
    const parts = topicParts("sparse attention for the prefill stage (e.g. MInference) rather than decoding");
    expect(parts.main).toEqual(expect.arrayContaining(["spars", "attent", "prefil", "stage"]));
    expect(parts.aside).toContain("minfer");
    expect(parts.contrast).toEqual(["decod"]);
    const weight = (term: string) => parts.terms.find((entry) => entry.term === term)?.weight;
    expect(weight("spars")).toBe(1);
    expect(weight("minfer")).toBeLessThan(1);
    expect(weight("decod")!).toBeLessThan(weight("minfer")!);
  });

  it("reads what a question rules out in its own words and inside an aside", () => {
    expect(topicParts("gpu kernels for quantized llms, i don't care about cpu inference").contrast).toEqual(["cpu", "infer"]);
    expect(topicParts("kernel methods on graphs (the rkhs kind of kernel, not gpu kernels)")).toMatchObject({ main: ["kernel", "graph"], contrast: ["gpu"] });
    expect(topicParts("vision transformers other than swin").contrast).toEqual(["swin"]);
    expect(topicParts("sparse attention for diffusion models - not interested in llm decoding").contrast).toEqual(["llm", "decod"]);
  });

  it("ends what a contrast inside a topic rules out where the topic's setting starts, and knows what it is set against", () => {
    expect(topicParts("convolutions instead of attention for long sequences")).toMatchObject({ main: ["convolut", "long", "sequenc"], contrast: ["attent"], opposed: ["convolut"] });
    expect(topicParts("kv cache compression for image generation models rather than text llms")).toMatchObject({ contrast: ["text", "llm"], opposed: ["gener", "model"] });
    // A contrast in a clause of its own excludes, whatever the clause before said.
    expect(topicParts("speeding up moe inference, not moe training systems")).toMatchObject({ contrast: ["train", "system"], opposed: [] });
    // "but" opens a clause of its own: "sparse attention but not for diffusion" rules diffusion papers out, however sparse.
    expect(topicParts("sparse attention but not for diffusion")).toMatchObject({ main: ["spars", "attent"], contrast: ["diffus"], opposed: [] });
    // A contrast that opens the question rules out its whole clause.
    expect(topicParts("instead of keeping the same context for every layer, does anyone vary it per head").contrast).toEqual(expect.arrayContaining(["context", "layer"]));
    // "not just" adds.
    expect(topicParts("mixture-of-experts training systems (not just inference)").contrast).toEqual([]);
  });

  it("takes a short name before a dash as the topic and what follows as an aside; a situation before a dash stays", () => {
    expect(topicParts("machine unlearning - deleting one user's data from a trained model")).toMatchObject({ main: ["machin", "unlearn"] });
    expect(topicParts("machine unlearning - deleting one user's data from a trained model").aside).toEqual(expect.arrayContaining(["delet", "user"]));
    expect(topicParts("i only have a couple of gpus - how can i fine-tune a big llm").main).toEqual(expect.arrayContaining(["gpu", "llm"]));
  });

  it("leaves chat words out of the topic: 'help' in 'how does quantization help serving', 'btw', 'hmm'", () => {
    expect(topicParts("quantization help llm serving btw hmm").main).toEqual(["quantiz", "llm", "serv"]);
  });

  it("weighs a word a passage repeats more, damped (1 + ln count)", () => {
    const parts = topicParts("graph kernels: kernels defined on graphs, and how such kernels scale");
    const weight = (term: string) => parts.terms.find((entry) => entry.term === term)?.weight;
    expect(weight("kernel")).toBeCloseTo(1 + Math.log(3));
    expect(weight("graph")).toBeCloseTo(1 + Math.log(2));
    expect(weight("scale")).toBe(1);
  });

  it("drops chat framing and function words from the search terms", () => {
    expect(questionTerms("what's out there on pruning, is there any work?")).toEqual(["prune"]);
  });

  it("does not pair words a framing word stood between", () => {
    expect(questionPairs("quantization papers that also ship kernels")).toEqual(["ship kernel"]);
  });
});

describe("text index build at scale", () => {
  // Papers with many distinct words, so that the entries fill several spill chunks and the layout takes several passes.
  const many = Array.from({ length: 300 }, (_, i) => ({
    title: `Study ${i} of topic${i % 17} methods`,
    abstract: Array.from({ length: 40 }, (_, j) => `word${(i * 7 + j * 13) % 211} term${j % 9}`).join(" "),
  }));

  it("gives the same index whether its postings spill to disk and are laid out in many passes or not", async () => {
    const build = async (sizes: { chunkEntries?: number; passEntries?: number }) => {
      const builder = new TextIndexBuilder(sizes);
      for (const paper of many) builder.add(paperTerms(paper));
      return (await builder.finish()).sections();
    };
    const whole = await build({});
    expect(await build({ chunkEntries: 1_000, passEntries: 2_000 })).toEqual(whole);
    expect(await build({ chunkEntries: 777, passEntries: 1 })).toEqual(whole);
  });

  it("finds every word pair however many there are (its pair table grows many times)", async () => {
    const builder = new TextIndexBuilder();
    // 400 papers of 200 words drawn from 1,000: about 80k distinct pairs.
    let seed = 12_345;
    const word = () => `w${(seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) % 1_000}x`;
    const docs = Array.from({ length: 400 }, () => Array.from({ length: 200 }, word));
    for (const words of docs) builder.add({ terms: words, titleTerms: [], partsFrom: [0, words.length] });
    const index = await builder.finish();
    const expected = new Map<string, Set<number>>();
    docs.forEach((words, d) => words.slice(1).forEach((second, j) => {
      const pair = `${words[j]} ${second}`;
      if (!expected.has(pair)) expected.set(pair, new Set());
      expected.get(pair)!.add(d);
    }));
    expect(expected.size).toBeGreaterThan(50_000);
    for (const [pair, holders] of expected) if (index.documentFrequency(pair) !== holders.size) throw new Error(`${pair}: ${index.documentFrequency(pair)} papers, not ${holders.size}`);
    expect(index.documentFrequency("w1x w2x")).toBe(0);
  });

  it("leaves no spill file behind, filled or abandoned", async () => {
    const spills = async () => (await readdir(tmpdir())).filter((name) => name.startsWith("paperbot-postings-")).length;
    const before = await spills();
    const filled = new TextIndexBuilder({ chunkEntries: 1_000 });
    const abandoned = new TextIndexBuilder({ chunkEntries: 1_000 });
    for (const paper of many) {
      filled.add(paperTerms(paper));
      abandoned.add(paperTerms(paper));
    }
    expect(await spills()).toBe(before + 2);
    await filled.finish();
    abandoned.dispose();
    expect(await spills()).toBe(before);
  });
});
