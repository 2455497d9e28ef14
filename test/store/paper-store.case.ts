import { describe, expect, it } from "vitest";
import { toPaper } from "../../src/papers/paper.ts";
import type { PaperStore, StoredPaper, StoredPaperWithVector } from "../../src/store/paper-store.ts";

const stamp = { embedder: "test-embedder", dims: 4 };

export function storedPaper(title: string, overrides: Partial<StoredPaperWithVector> = {}): StoredPaperWithVector {
  const paper = toPaper({ title, abstract: `About ${title}.`, upvotes: 1, source: "test" });
  return { ...paper, contentHash: `c-${title}`, recordHash: `r-${title}`, addedAt: "2026-11-01T00:00:00.000Z", vector: [1, 0, 0, 0], ...overrides };
}

/** The contract every PaperStore keeps; each implementation's test calls this with a factory. */
export function paperStoreContract(name: string, open: () => Promise<PaperStore>) {
  describe(`PaperStore contract: ${name}`, () => {
    it("starts empty, with no embedder stamp", async () => {
      const store = await open();
      expect(await store.count()).toBe(0);
      expect(await store.list()).toEqual([]);
      expect(await store.builtWith()).toBeUndefined();
      store.close();
    });

    it("stores papers with every field and remembers the embedder", async () => {
      const store = await open();
      const full = storedPaper("Full", { authors: ["Ada Lovelace"], authorCount: 1, organization: "Analytical", publishedAt: "2024-03-01", upvotes: 9 });
      await store.upsert([full, storedPaper("Bare")], stamp);
      expect(await store.count()).toBe(2);
      expect(await store.builtWith()).toEqual(stamp);
      const { vector, ...withoutVector } = full;
      expect((await store.list()).find((paper) => paper.id === full.id)).toEqual(withoutVector);
      expect((await store.vectorsOf([full.id])).get(full.id)).toEqual(vector);
      store.close();
    });

    it("looks papers up by id (get) and by id or normalised title (findExisting), without vectors", async () => {
      const store = await open();
      const a = storedPaper("Attention Is All You Need");
      const b = storedPaper("It's a Title, with Punctuation!");
      await store.upsert([a, b, storedPaper("Unrelated")], stamp);
      expect((await store.get([a.id, "2401.99999"])).map((paper) => paper.title)).toEqual([a.title]);
      expect(await store.get([])).toEqual([]);
      expect((await store.get([a.id]))[0]).not.toHaveProperty("vector");
      const found = await store.findExisting([a.id], ["it s a title with punctuation"]);
      expect(found.map((paper) => paper.title).sort()).toEqual([a.title, b.title].sort());
      expect((await store.storedVectors([b.id])).get(b.id)).toEqual(Float32Array.from([1, 0, 0, 0]));
      store.close();
    });

    it("writes batches without touching indexes, and finishWrites brings them up", async () => {
      const store = await open();
      await store.writeBatch([storedPaper("One"), storedPaper("Two")], stamp);
      await store.writeBatch([storedPaper("Two", { upvotes: 5 }), storedPaper("Three", { vector: Float32Array.from([0, 1, 0, 0]) })], stamp);
      expect(await store.count()).toBe(3);
      await store.finishWrites();
      expect((await store.get([storedPaper("Three").id])).map((paper) => paper.title)).toEqual(["Three"]);
      expect((await store.list()).find((paper) => paper.title === "Two")?.upvotes).toBe(5);
      store.close();
    });

    it("replaces papers by id and deletes superseded ones in the same write", async () => {
      const store = await open();
      const a = storedPaper("A");
      const b = storedPaper("B");
      await store.upsert([a, b], stamp);
      await store.upsert([{ ...a, upvotes: 42 }, storedPaper("C")], stamp, [b.id]);
      const papers = await store.list();
      expect(papers.map((paper) => paper.title).sort()).toEqual(["A", "C"]);
      expect(papers.find((paper) => paper.id === a.id)?.upvotes).toBe(42);
      store.close();
    });

    it("lists newest first, undated last", async () => {
      const store = await open();
      await store.upsert([storedPaper("Old", { publishedAt: "2020-01-01" }), storedPaper("Undated"), storedPaper("New", { publishedAt: "2025-01-01" })], stamp);
      expect((await store.list()).map((paper) => paper.title)).toEqual(["New", "Old", "Undated"]);
      store.close();
    });

    it("scans every paper once, a batch at a time, in the same order on every scan", async () => {
      const store = await open();
      const papers = ["Old", "Undated", "New", "Also new", "Older"].map((title, i) => storedPaper(title, { ...(title !== "Undated" && { publishedAt: `202${5 - i}-01-01` }) }));
      await store.upsert(papers, stamp);
      const batches: StoredPaper[][] = [];
      for await (const batch of store.scan(2)) batches.push(batch);
      expect(batches.map((batch) => batch.length)).toEqual([2, 2, 1]);
      const byTitle = (a: StoredPaper, b: StoredPaper) => a.title.localeCompare(b.title);
      expect([...batches.flat()].sort(byTitle)).toEqual((await store.list()).sort(byTitle));
      const again: StoredPaper[] = [];
      for await (const batch of store.scan(3)) again.push(...batch);
      expect(again).toEqual(batches.flat());
      store.close();
    });

    it("scans only the fields asked for, in the order and batches of a full scan", async () => {
      const store = await open();
      const papers = ["Old", "Undated", "New"].map((title, i) => storedPaper(title, { upvotes: i * 10, ...(title !== "Undated" && { publishedAt: `202${5 - i}-01-01` }), ...(title === "New" && { organization: "TIGER-Lab" }) }));
      await store.upsert(papers, stamp);
      const full: StoredPaper[] = [];
      for await (const batch of store.scan(2)) full.push(...batch);
      const batches: Pick<StoredPaper, "id" | "title" | "abstract" | "publishedAt" | "upvotes">[][] = [];
      for await (const batch of store.scanFields(2, ["id", "title", "abstract", "publishedAt", "upvotes"])) batches.push(batch);
      expect(batches.map((batch) => batch.length)).toEqual([2, 1]);
      expect(batches.flat()).toEqual(full.map(({ id, title, abstract, publishedAt, upvotes }) => ({ id, title, abstract, upvotes, ...(publishedAt && { publishedAt }) })));
      const organizations: unknown[] = [];
      for await (const batch of store.scanFields(5, ["organization"])) organizations.push(...batch);
      expect(organizations).toEqual([{}, {}, { organization: "TIGER-Lab" }]);
      const abstracts: unknown[] = [];
      for await (const batch of store.scanFields(5, ["abstract"])) abstracts.push(...batch);
      expect(abstracts).toEqual(full.map(({ abstract }) => ({ abstract })));
      store.close();
    });

    it("replaces everything, with another embedder, in one write", async () => {
      const store = await open();
      await store.upsert([storedPaper("A"), storedPaper("B")], stamp);
      await store.replaceAll([storedPaper("C", { vector: [1, 0] })], { embedder: "other", dims: 2 });
      expect((await store.list()).map((paper) => paper.title)).toEqual(["C"]);
      expect(await store.builtWith()).toEqual({ embedder: "other", dims: 2 });
      store.close();
    });

    it("tells how many papers the filters leave, and their dates", async () => {
      const store = await open();
      await store.upsert(
        [
          storedPaper("Sparse attention for long context", { abstract: "About attention.", publishedAt: "2024-05-01", upvotes: 3 }),
          storedPaper("Graph networks", { abstract: "Uses sparse attention in one layer.", publishedAt: "2023-01-01" }),
          storedPaper("Diffusion models", { abstract: "Nothing related." }),
        ],
        stamp,
      );
      expect(await store.coverage({ from: "2024-01-01" })).toEqual({ papers: 1, earliest: "2024-05-01", latest: "2024-05-01" });
      expect((await store.coverage({ minUpvotes: 5 })).papers).toBe(0);
      expect(await store.coverage({ to: "2023-12-31" })).toEqual({ papers: 1, earliest: "2023-01-01", latest: "2023-01-01" });
      // The undated paper is counted apart, so a range is not read as dating it.
      expect(await store.coverage()).toEqual({ papers: 3, earliest: "2023-01-01", latest: "2024-05-01", undated: 1 });
      store.close();
    });

    it("finds the nearest vectors by cosine similarity", async () => {
      const store = await open();
      await store.upsert([storedPaper("East", { vector: [1, 0, 0, 0] }), storedPaper("North", { vector: [0, 1, 0, 0] }), storedPaper("North-east", { vector: [0.7, 0.7, 0, 0] })], stamp);
      const hits = await store.vectorSearch([0.1, 1, 0, 0], 2);
      const titleOf = new Map((await store.list()).map((paper) => [paper.id, paper.title]));
      expect(hits.map((hit) => titleOf.get(hit.id))).toEqual(["North", "North-east"]);
      expect(hits[0]!.score).toBeGreaterThan(0.9);
      store.close();
    });

    it("changes version when it changes", async () => {
      const store = await open();
      const before = await store.version();
      await store.upsert([storedPaper("New")], stamp);
      expect(await store.version()).not.toBe(before);
      store.close();
    });

    it("keeps what it had when reopened", async () => {
      const store = await open();
      await store.upsert([storedPaper("Kept")], stamp);
      store.close();
      const again = await open();
      expect(await again.count()).toBeGreaterThanOrEqual(1);
      again.close();
    });
  });
}
