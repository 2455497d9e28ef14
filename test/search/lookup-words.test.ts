import { describe, expect, it } from "vitest";
import { parseQuery, stripFraming } from "../../src/search/lookup-query.ts";
import { similarWord } from "../../src/search/lookup-words.ts";

describe("lookup words", () => {
  it("forgives typos, abbreviations and plurals", () => {
    expect(similarWord("aproximate", "approximate")).toBeGreaterThan(0);
    expect(similarWord("hyperzzw", "hyperzcdotzcdotw")).toBeGreaterThan(0);
    expect(similarWord("thunderkitten", "thunderkittens")).toBeGreaterThan(0);
    // Two letters swapped is one slip, even in a short word.
    expect(similarWord("netowrk", "network")).toBeGreaterThan(0);
    expect(similarWord("swivle", "swivel")).toBeGreaterThan(0);
    expect(similarWord("swivle", "swirls")).toBe(0);
    // Five letters: a letter left out is a typo, a letter changed is another name ("llama", "llava" below).
    expect(similarWord("colum", "column")).toBeGreaterThan(0);
    expect(similarWord("winer", "winner")).toBeGreaterThan(0);
    // …and so are two letters swapped ("cahce" in "scissorhand kv cahce compresion").
    expect(similarWord("cahce", "cache")).toBeGreaterThan(0);
    // A slip in a versioned name before its version.
    expect(similarWord("mobilnetv2", "mobilenetv2")).toBeGreaterThan(0);
    // A plural clipped as in chat.
    expect(similarWord("convs", "convolutions")).toBeGreaterThan(0);
  });

  it("keeps versions, suffixes and short names apart", () => {
    expect(similarWord("flashattention3", "flashattention2")).toBe(0);
    expect(similarWord("gpt4", "gpt4o")).toBe(0);
    expect(similarWord("pointnet", "pointnetpp")).toBe(0);
    expect(similarWord("llama", "llava")).toBe(0);
    expect(similarWord("yolov8n", "yolov8s")).toBe(0);
    // Names differ in their first letters: two slips there make another name.
    expect(similarWord("performer", "keyformer")).toBe(0);
    expect(similarWord("performer", "pyformer")).toBe(0);
    // …and in their endings when the words are short: MobileNet is not MobileDets.
    expect(similarWord("mobilenet", "mobiledets")).toBe(0);
    expect(similarWord("mobilnetv3", "mobilenetv2")).toBe(0);
  });
});

describe("lookup framing", () => {
  it.each([
    ["the original HNSW paper", "HNSW"],
    ["the FastGen paper from Microsoft", "FastGen"],
    ["do you have the paper titled something like 'Swin Transformer'", "Swin Transformer"],
    ["PyramidKV paper by Cai et al.", "PyramidKV"],
    ["could you find the KERPLE paper?", "KERPLE"],
    ["jacot et al neural tangent kernel convergence and generalization", "neural tangent kernel convergence and generalization"],
    ["the NTK paper (jacot et al)", "NTK"],
    // A quoted word inside a description is one of its words, not the name asked for.
    ["that paper proposing a 'rail-only' network for LLM training clusters", "proposing a rail-only network for LLM training clusters"],
  ])("%s → %s", (query, core) => {
    expect(stripFraming(query)).toBe(core);
  });

  it("keeps a trailing description apart from the name", () => {
    const query = parseQuery("FLUTE (the lookup-table quantized matmul kernel)");
    expect(query.core).toBe("FLUTE");
    expect(query.described).toEqual(["lookup", "table", "quantized", "matmul", "kernel"]);
  });

  it("marks 'the paper about …' and whether it holds a name", () => {
    expect(parseQuery("the paper about balancing divergences").about).toBe(true);
    expect(parseQuery("a paper on why transformers fail").nameLike).toBe(false);
    expect(parseQuery("the paper about FastGen").nameLike).toBe(true);
  });
});
