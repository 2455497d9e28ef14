import { describe, expect, it } from "vitest";
import type { Embedder } from "../../src/embed/embedder.ts";

/**
 * The contract every Embedder keeps. Each implementation's test file calls
 * this with a factory.
 */
export function embedderContract(name: string, create: () => Promise<Embedder>) {
  describe(`Embedder contract: ${name}`, () => {
    const cosine = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * b[index]!, 0);

    it("has a name and a positive dimension", async () => {
      const embedder = await create();
      expect(embedder.id).toMatch(/\S/);
      expect(embedder.dims).toBeGreaterThan(0);
    });

    it("returns one unit vector of `dims` numbers per document, in order", async () => {
      const embedder = await create();
      const texts = ["KV cache compression for long context decoding", "Concept bottleneck models for interpretable vision", "Graph neural networks"];
      const vectors = await embedder.embedDocuments(texts);
      expect(vectors).toHaveLength(texts.length);
      for (const vector of vectors) {
        expect(vector).toHaveLength(embedder.dims);
        expect(Math.hypot(...vector)).toBeCloseTo(1, 3);
      }
      const again = await embedder.embedDocuments([texts[2]!]);
      expect(again[0]).toEqual(vectors[2]);
    });

    it("embeds an empty batch as no vectors", async () => {
      expect(await (await create()).embedDocuments([])).toEqual([]);
    });

    it("puts a query nearer to the document about it than to others", async () => {
      const embedder = await create();
      const [kv, cbm] = await embedder.embedDocuments([
        "We compress the key-value cache of large language models to cut memory during long-context inference.",
        "Concept bottleneck models map images to human-interpretable concepts before classification.",
      ]);
      const query = await embedder.embedQuery("KV cache compression");
      expect(query).toHaveLength(embedder.dims);
      expect(cosine(query, kv!)).toBeGreaterThan(cosine(query, cbm!));
    });
  });
}
