import { beforeEach, describe, expect, it } from "vitest";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { toRow } from "../../src/store/lance/schema.ts";
import type { StoredPaperWithVector } from "../../src/store/paper-store.ts";
import { useTempDir } from "../helpers/files.ts";
import { paperStoreContract, storedPaper } from "./paper-store.case.ts";

const tempDir = useTempDir();
let uri: string;
beforeEach(async () => {
  uri = await tempDir();
});

const toRows = (papers: StoredPaperWithVector[]) => papers.map((paper) => toRow(paper, paper.title.toLowerCase(), "test"));

paperStoreContract("LanceDB on local disk", () => LancePaperStore.open({ uri }));

describe("LanceDB indexes at library scale", () => {
  it("adds an HNSW vector index once the library is large, and still finds the nearest paper", async () => {
    const store = await LancePaperStore.open({ uri });
    const papers = Array.from({ length: 5_000 }, (_, i) => {
      const angle = (i / 5_000) * Math.PI;
      return storedPaper(`Paper ${i}`, { vector: [Math.cos(angle), Math.sin(angle), 0, 0] });
    });
    await store.upsert(papers, { embedder: "test", dims: 4 });
    const indexed = (await store.table!.listIndices()).flatMap((index) => index.columns);
    expect(indexed).toEqual(expect.arrayContaining(["title", "abstract", "vector"]));
    // HNSW with scalar quantisation is approximate: neighbours on the arc are near-duplicates, so accept a close one.
    const [best] = await store.vectorSearch([Math.cos(1), Math.sin(1), 0, 0], 1);
    const found = papers.findIndex((paper) => paper.id === best!.id);
    expect(Math.abs(found - Math.round((1 / Math.PI) * 5_000))).toBeLessThan(50);

    // Rows committed by a writer killed before its index step stay outside the vector index until repaired.
    await store.table!.add(toRows([storedPaper("Late A"), storedPaper("Late B")]));
    expect((await store.indexCoverage()).find((entry) => entry.column === "vector")).toMatchObject({ present: true, unindexed: 2 });
    expect(await store.ensureIndexes()).toEqual({ created: [], caughtUp: ["title", "abstract", "vector"] });
    expect((await store.indexCoverage()).map((entry) => [entry.column, entry.indexed, entry.unindexed])).toEqual([
      ["title", 5_002, 0],
      ["abstract", 5_002, 0],
      ["vector", 5_002, 0],
    ]);
    store.close();
  });
});
