import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TransformersEmbedder } from "../../src/embed/transformers/transformers-embedder.ts";
import { prefixesFor } from "../../src/embed/transformers/prefixes.ts";
import { createEmbedder } from "../../src/embed/create.ts";
import { loadConfig } from "../../src/config.ts";
import { TINY_HIDDEN, TINY_MODEL_ID, writeTinyModel } from "../fixtures/tiny-model/build.ts";
import { embedderContract } from "./embedder.case.ts";
import { useTempDir } from "../helpers/files.ts";

/** One tiny model for the whole file, loaded through the same path as a real one. */
const cache = mkdtemp(join(tmpdir(), "paperbot-models-")).then(async (dir) => {
  await writeTinyModel(dir);
  return dir;
});
let shared: Promise<TransformersEmbedder> | undefined;
afterAll(async () => rm(await cache, { recursive: true, force: true }));
const tiny = () => (shared ??= cache.then((cacheDir) => TransformersEmbedder.create({ model: TINY_MODEL_ID, cacheDir })));

embedderContract("transformers.js (tiny model)", tiny);

describe("transformers.js embedder", () => {
  const tempDir = useTempDir();

  it("names the model in its id and takes its dimensions from the model", async () => {
    const embedder = await tiny();
    expect(embedder.id).toBe(`transformers:${TINY_MODEL_ID}`);
    expect(embedder.dims).toBe(TINY_HIDDEN);
  });

  it("is chosen by PAPERBOT_EMBEDDER=transformers with the model and cache from configuration", async () => {
    const config = loadConfig({ PAPERBOT_EMBEDDER: "transformers", PAPERBOT_EMBEDDER_MODEL: TINY_MODEL_ID, PAPERBOT_MODEL_CACHE: await cache });
    const embedder = await createEmbedder(config);
    expect(embedder.id).toBe(`transformers:${TINY_MODEL_ID}`);
    expect(await embedder.embedQuery("kv cache")).toEqual(await (await tiny()).embedQuery("kv cache"));
  });

  it("with an empty cache, fails with a message naming `paperbot model pull`", async () => {
    const empty = await tempDir();
    await expect(TransformersEmbedder.create({ model: "Xenova/bge-small-en-v1.5", cacheDir: empty, defaultModel: "Xenova/bge-small-en-v1.5" })).rejects.toMatchObject({
      code: "EMBEDDER_FAILED",
      problem: "MODEL_MISSING",
      message: expect.stringMatching(/not in the model cache.*`paperbot model pull`/),
    });
    await expect(TransformersEmbedder.create({ model: TINY_MODEL_ID, cacheDir: empty, defaultModel: "Xenova/bge-small-en-v1.5" })).rejects.toMatchObject({
      message: expect.stringContaining(`\`paperbot model pull --model ${TINY_MODEL_ID}\``),
    });
  });

  it("reads nothing but the cache: a model that is only partly there is refused before loading", async () => {
    const dir = await tempDir();
    await writeTinyModel(dir);
    await rm(join(dir, ...TINY_MODEL_ID.split("/"), "onnx", "model_quantized.onnx"));
    await expect(TransformersEmbedder.create({ model: TINY_MODEL_ID, cacheDir: dir })).rejects.toMatchObject({ problem: "MODEL_MISSING", message: expect.stringContaining("onnx/model_quantized.onnx") });
  });

  it("puts the instruction bge models need before queries only, and e5's markers on both sides", () => {
    expect(prefixesFor("Xenova/bge-small-en-v1.5")).toEqual({ query: "Represent this sentence for searching relevant passages: ", document: "" });
    expect(prefixesFor("Xenova/all-MiniLM-L6-v2")).toEqual({ query: "", document: "" });
    expect(prefixesFor("Xenova/e5-small-v2")).toEqual({ query: "query: ", document: "passage: " });
  });
});

describe("settings per embedder", () => {
  it("gives every embedder the current settings until some are tuned for it", async () => {
    const { SETTINGS, settingsFor } = await import("../../src/search/settings.ts");
    expect(settingsFor("local-v3")).toBe(SETTINGS);
    expect(settingsFor(`transformers:${TINY_MODEL_ID}`)).toBe(SETTINGS);
  });
});
