import { describe, expect, it } from "vitest";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { EmbedHelper } from "../../src/ingest/embed-helper.ts";
import type { Pending } from "../../src/ingest/plan.ts";
import { withVectors } from "../../src/ingest/vectors.ts";
import type { PaperStore } from "../../src/store/paper-store.ts";

const pending: Pending[] = Array.from({ length: 700 }, (_, i) => ({
  embed: true,
  paper: {
    id: `2401.${String(i).padStart(5, "0")}`, title: `Study ${i} of sparse attention for long contexts`,
    abstract: `We examine method${i % 37} for retrieval, caching and ${i % 2 ? "quantization" : "pruning"} on ${i % 7} benchmarks.`,
    upvotes: 0, source: "test", url: "", contentHash: "", recordHash: "", addedAt: "",
  },
}));
// Nothing is stored yet, so every vector is embedded.
const store = { storedVectors: async () => new Map() } as unknown as PaperStore;

describe("embedding with a worker thread's help", () => {
  it("gives exactly the vectors the ingest's own thread gives, each to its paper, and reports progress to the end", async () => {
    const embedder = await LocalEmbedder.create();
    const alone = await withVectors(pending, store, embedder);
    const helper = EmbedHelper.for(embedder);
    expect(helper).toBeDefined();
    const progress: number[] = [];
    try {
      const helped = await withVectors(pending, store, embedder, (done) => progress.push(done), helper);
      expect(helped.map((row) => row.id)).toEqual(alone.map((row) => row.id));
      helped.forEach((row, i) => expect(Buffer.from((row.vector as Float32Array).buffer, (row.vector as Float32Array).byteOffset, embedder.dims * 4).equals(Buffer.from((alone[i]!.vector as Float32Array).buffer, (alone[i]!.vector as Float32Array).byteOffset, embedder.dims * 4))).toBe(true));
    } finally {
      await helper!.close();
    }
    expect(progress.at(-1)).toBe(pending.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("is not started for an embedder that runs elsewhere", () => {
    expect(EmbedHelper.for({ id: "remote", dims: 4, embedDocuments: async () => [], embedQuery: async () => [] })).toBeUndefined();
  });
});
