import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pullModel } from "../../src/embed/transformers/pull.ts";
import { TransformersEmbedder } from "../../src/embed/transformers/transformers-embedder.ts";
import { TINY_MODEL_ID } from "../fixtures/tiny-model/build.ts";
import { useTempDir } from "../helpers/files.ts";
import { startModelHost } from "./model-host.ts";

const tempDir = useTempDir();
const hosts: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function modelHost() {
  const host = await startModelHost();
  hosts.push(host);
  return host;
}

describe("paperbot model pull (pullModel)", () => {
  it("fetches every file from the configured host into the cache, where the embedder loads it", async () => {
    const host = await modelHost();
    const cacheDir = await tempDir();
    const result = await pullModel({ model: TINY_MODEL_ID, cacheDir, host: host.url });
    expect(result.fetched).toEqual(["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model_quantized.onnx"]);
    expect(host.requests).toEqual(result.fetched.map((file) => `/${TINY_MODEL_ID}/resolve/main/${file}`));
    const onnx = await readFile(join(cacheDir, ...TINY_MODEL_ID.split("/"), "onnx", "model_quantized.onnx"));
    expect(new Uint8Array(onnx)).toEqual(host.files.get("onnx/model_quantized.onnx"));

    const embedder = await TransformersEmbedder.create({ model: TINY_MODEL_ID, cacheDir });
    expect(embedder.dims).toBeGreaterThan(0);
  });

  it("fetches once: a second pull keeps the cached files and makes no request", async () => {
    const host = await modelHost();
    const cacheDir = await tempDir();
    await pullModel({ model: TINY_MODEL_ID, cacheDir, host: host.url });
    host.requests.length = 0;
    const again = await pullModel({ model: TINY_MODEL_ID, cacheDir, host: host.url });
    expect(again.fetched).toEqual([]);
    expect(again.kept).toHaveLength(4);
    expect(host.requests).toEqual([]);
  });

  it("names the URL and what to check when the host has no such model", async () => {
    const host = await modelHost();
    await expect(pullModel({ model: "nobody/no-such-model", cacheDir: await tempDir(), host: host.url })).rejects.toMatchObject({
      code: "EMBEDDER_FAILED",
      problem: "MODEL_PULL_FAILED",
      message: expect.stringMatching(/nobody\/no-such-model\/resolve\/main\/config\.json: HTTP 404\. Check the model name.*PAPERBOT_MODEL_HOST/),
    });
  });

  it("says why when the host cannot be reached, and leaves nothing behind", async () => {
    const host = await modelHost();
    const url = host.url;
    await host.close();
    const cacheDir = await tempDir();
    await expect(pullModel({ model: TINY_MODEL_ID, cacheDir, host: url })).rejects.toMatchObject({
      problem: "MODEL_PULL_FAILED",
      message: expect.stringMatching(/connection refused.*PAPERBOT_MODEL_HOST/),
    });
    await expect(TransformersEmbedder.create({ model: TINY_MODEL_ID, cacheDir })).rejects.toMatchObject({ problem: "MODEL_MISSING" });
  });
});
