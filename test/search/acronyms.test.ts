import { describe, expect, it } from "vitest";
import { AcronymIndex, abbreviates } from "../../src/search/acronyms.ts";

const index = new AcronymIndex([
  "We study Sparse Autoencoders (SAEs) on language models.",
  "Multi-head Latent Attention (MLA) shrinks the cache. We also use MLA elsewhere.",
  "Our Mixture of Experts (MoE) layer routes tokens; another Mixture-of-Experts (MoE) variant.",
  "The results (Table 2) and the baseline (GPT) are shown.",
  "Convolutional Neural Networks (ConvNets) are strong. Convolutional neural networks (CNNs) too.",
  "Word Embeddings (WE) capture meaning.",
  "Feed-forward 3D Gaussian Splatting (3DGS) models render fast.",
]);

describe("acronyms mined from abstracts", () => {
  it("finds long forms whose words hold the acronym's letters in order", () => {
    expect(index.lookup("SAE")?.long).toBe("Sparse Autoencoders");
    expect(index.lookup("saes")?.long).toBe("Sparse Autoencoders");
    expect(index.lookup("mla")?.long).toBe("Multi-head Latent Attention");
    expect(index.lookup("moe")?.papers).toBe(1);
    // One that starts with a digit, as its long form does.
    expect(index.lookup("3dgs")?.long).toBe("3D Gaussian Splatting");
  });

  it("gives the other acronyms of the same long form", () => {
    expect(index.others("convnets")).toEqual(["cnn"]);
    expect(index.others("CNN")).toEqual(["convnet"]);
    expect(index.others("mla")).toEqual([]);
    expect(index.others("gpt")).toEqual([]);
  });

  it("ignores parentheses that are not definitions", () => {
    expect(index.lookup("gpt")).toBeUndefined();
    expect(index.lookup("table")).toBeUndefined();
  });

  it("expands a question that uses only one form, not one that uses both", () => {
    expect(index.expand("any MLA papers?", 0.3).map((term) => term.term)).toEqual(expect.arrayContaining(["multi", "latent", "attent"]));
    expect(index.expand("papers on multi-head latent attention", 0.3).map((term) => term.term)).toEqual(["mla"]);
    expect(index.expand("multi-head latent attention (MLA)", 0.3)).toEqual([]);
    // Its neighbours pair with the long form as a title writes it: "sparse MLA kernels" holds "sparse multi", "attent kernel".
    expect(index.expand("sparse MLA kernels", 0.3).map((term) => term.term)).toEqual(expect.arrayContaining(["spars multi", "attent kernel"]));
  });

  it("reads a stopword as the word it is, though the library defines it as an acronym", () => {
    expect(index.lookup("we")?.long).toBe("Word Embeddings");
    expect(index.expand("we find that classifying speeches helps", 0.3)).toEqual([]);
  });

  it("tells whether a short form abbreviates the end of a text, letters inside words included", () => {
    expect(abbreviates("sae", "any sparse autoencoder")).toBe(true);
    expect(abbreviates("kv", "compressing the key value")).toBe(true);
    expect(abbreviates("sae", "speech recognition")).toBe(false);
  });
});
