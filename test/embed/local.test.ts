import { describe, expect, it } from "vitest";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { embedderContract } from "./embedder.case.ts";

embedderContract("local word vectors and hashed words (the default)", () => LocalEmbedder.create());

describe("local embedder", () => {
  it("embeds a batch as ingest sends it exactly as it embeds each text alone", async () => {
    const embedder = await LocalEmbedder.create();
    const texts = Array.from({ length: 40 }, (_, i) => `Paper ${i} on topic ${i % 7}\n\nWe study method ${i} for retrieval and compression of ${i % 3 ? "caches" : "graphs"}.`);
    const batch = await embedder.embedDocuments(texts);
    expect(batch).toEqual(await Promise.all(texts.map((text) => embedder.embedQuery(text))));
  });
});
