import { describe, expect, it } from "vitest";
import { nameParts } from "../../src/search/name-parts.ts";
import { stemSet } from "../../src/search/stem.ts";

describe("name parts", () => {
  it("cuts a name where its capitals join names of three letters or more", () => {
    expect(nameParts("ScatterNeRF: Seeing Through Fog")).toEqual(["nerf"]);
    expect(nameParts("MSPLoRA and TransMLA")).toEqual(["msp", "lora", "mla"]);
  });

  it("keeps no everyday word a name is made of ('Smooth' of SmoothQuant, 'Low' of LowFormer)", () => {
    for (const name of ["SmoothQuant", "FlashAttention-2", "LowFormer", "DeepSeek", "ConvNets"]) expect(nameParts(name)).toEqual([]);
  });

  it("leaves whole a name whose capitals are its own spelling", () => {
    for (const name of ["LLaVA", "GaLore", "NeRF", "LoRA", "PyramidKV", "iPhone", "LeYOLO", "plain words", "GPTQ"]) expect(nameParts(name)).toEqual([]);
  });

  it("lets a title's stems include its names' parts", () => {
    expect(stemSet("ScatterNeRF: Seeing Through Fog").has("nerf")).toBe(true);
  });
});
