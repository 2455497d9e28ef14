import * as lancedb from "@lancedb/lancedb";
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
  it("drops the full-text indexes earlier versions built at the next write: nothing reads them", async () => {
    const store = await LancePaperStore.open({ uri });
    await store.upsert([storedPaper("A"), storedPaper("B")], { embedder: "test", dims: 4 });
    for (const column of ["title", "abstract"]) await store.table!.createIndex(column, { config: lancedb.Index.fts() });
    await store.upsert([storedPaper("C")], { embedder: "test", dims: 4 });
    expect((await store.table!.listIndices()).flatMap((index) => index.columns).sort()).toEqual(["id", "title_key"]);
    store.close();
  });

  it("adds an IVF-HNSW vector index once the library is large, and still finds the nearest paper", async () => {
    const store = await LancePaperStore.open({ uri });
    const papers = Array.from({ length: 5_000 }, (_, i) => {
      const angle = (i / 5_000) * Math.PI;
      return storedPaper(`Paper ${i}`, { vector: [Math.cos(angle), Math.sin(angle), 0, 0] });
    });
    await store.upsert(papers, { embedder: "test", dims: 4 });
    const indexed = (await store.table!.listIndices()).flatMap((index) => index.columns);
    expect(indexed).toEqual(expect.arrayContaining(["id", "title_key", "vector"]));
    expect(indexed).not.toContain("abstract");
    // HNSW with scalar quantisation is approximate: neighbours on the arc are near-duplicates, so accept a close one.
    const [best] = await store.vectorSearch([Math.cos(1), Math.sin(1), 0, 0], 1);
    const found = papers.findIndex((paper) => paper.id === best!.id);
    expect(Math.abs(found - Math.round((1 / Math.PI) * 5_000))).toBeLessThan(50);

    // Rows committed by a writer killed before its index step stay outside the vector index until repaired.
    await store.table!.add(toRows([storedPaper("Late A"), storedPaper("Late B")]));
    expect((await store.indexCoverage()).find((entry) => entry.column === "vector")).toMatchObject({ present: true, unindexed: 2 });
    expect(await store.ensureIndexes()).toEqual({ created: [], caughtUp: ["id", "title_key", "vector"] });
    expect((await store.indexCoverage()).map((entry) => [entry.column, entry.indexed, entry.unindexed])).toEqual([
      ["id", 5_002, 0],
      ["title_key", 5_002, 0],
      ["vector", 5_002, 0],
    ]);
    store.close();
  });

  it("trains the vector index again once the table has outgrown it, and otherwise extends it", async () => {
    const store = await LancePaperStore.open({ uri });
    const arc = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => storedPaper(`Paper ${from + i}`, { vector: [Math.cos(from + i), Math.sin(from + i), 0.5, 0] }));
    await store.upsert(arc(0, 5_000), { embedder: "test", dims: 4 });
    const vectorIndex = async () => (await store.table!.listIndices()).find((index) => index.columns.includes("vector"))!;
    const first = await vectorIndex();
    expect(first.name).toBe("vector_ivf1");
    await store.upsert(arc(5_000, 15_000), { embedder: "test", dims: 4 });
    // 20,000 rows still want the one partition the index was trained with: extended, not trained again.
    expect((await vectorIndex()).name).toBe(first.name);
    await store.upsert(arc(20_000, 10_000), { embedder: "test", dims: 4 });
    // 30,000 want two.
    expect((await vectorIndex()).name).toBe("vector_ivf2");
    expect((await store.indexCoverage()).find((entry) => entry.column === "vector")).toMatchObject({ indexed: 30_000, unindexed: 0 });
    store.close();
  });
});
