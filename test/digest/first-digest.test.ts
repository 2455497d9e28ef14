import { describe, expect, it } from "vitest";
import { shiftDay } from "../../src/search/time-phrases.ts";
import { digestMarkdown } from "../../src/digest/render.ts";
import { crashBeforeConfirming, digestLibrary, digestService, paper, RecordingPoster } from "../helpers/digest.ts";

const NOW = new Date("2026-11-22T12:00:00Z");
const NEXT_DAY = new Date("2026-11-23T12:00:00Z");

/** A seeding like the sample data's: many undated papers and an old archive, with a few recent ones among them. */
const seed = [
  ...Array.from({ length: 30 }, (_, index) => paper(`Archived undated study ${String.fromCharCode(65 + (index % 26))}${index}`)),
  ...Array.from({ length: 5 }, (_, index) => paper(`Old dated paper ${index}`, { publishedAt: `2019-0${index + 1}-10`, upvotes: 90 })),
  paper("Recent speculative decoding", { publishedAt: "2026-11-20", upvotes: 2 }),
  paper("Recent KV cache quantization", { publishedAt: "2026-11-18", upvotes: 12 }),
];

async function seeded(extra: { records: ReturnType<typeof paper>[]; addedAt: Date }[] = []) {
  const lib = await digestLibrary([{ records: seed, addedAt: NOW }, ...extra]);
  const poster = new RecordingPoster();
  const service = await digestService(lib.library, lib.digests, poster);
  await lib.digests.saveSubscription({ channel: "slack:C1", time: "08:00", timeZone: "UTC" });
  return { ...lib, poster, service, subscription: async () => (await lib.digests.subscription("slack:C1"))! };
}

describe("a channel's first digest after a bulk import", () => {
  it("lists only the past week's papers, best first, and announces the import once instead of posting the backlog", async () => {
    const { service, poster, subscription } = await seeded();
    const first = await service.runDue(await subscription(), NOW);
    expect(first!.digest).toMatchObject({ from: shiftDay("2026-11-22", -6), to: "2026-11-22", first: true, imports: [{ day: "2026-11-22", papers: 37, undated: 30, earliest: "2019-01-10", latest: "2026-11-20" }] });
    expect(first!.digest.items.map((item) => item.title)).toEqual(["Recent KV cache quantization", "Recent speculative decoding"]);
    const text = digestMarkdown(poster.posts[0]!);
    expect(text).toMatch(/^\*\*New papers, 2026-11-16 to 2026-11-22\*\* \(the past week\)\nThe library now has 37 papers: 37 came in on 2026-11-22 \(published 2019-01-10 to 2026-11-20, 30 without a date\)/);
    expect(text).not.toMatch(/Archived|Old dated/);
    // It lists the import's papers from the past week, so it does not say none of them are listed.
    expect(text).toMatch(/Only those published in these days are listed here/);
    expect(text).not.toMatch(/not listed here/);

    // The next day: no announcement again, and only that day's news.
    const next = await service.runDue(await subscription(), NEXT_DAY);
    expect(next!.digest).toMatchObject({ from: "2026-11-23", to: "2026-11-23", items: [], since: "2026-11-22" });
    expect(next!.digest.imports).toBeUndefined();
    expect(digestMarkdown(next!.digest)).toMatch(/No new papers since 2026-11-22\. I searched 37 papers/);
  });

  it("announces the import once even when the same day is run again", async () => {
    const { service, poster } = await seeded();
    await service.run({ channel: "slack:C1", from: "2026-11-22", to: "2026-11-22", now: NOW });
    expect(poster.posts[0]).toMatchObject({ items: [], imports: [{ papers: 37 }] });
    expect(await service.run({ channel: "slack:C1", from: "2026-11-22", to: "2026-11-22", now: NOW })).toMatchObject({ posted: false, digest: { items: [] } });
    expect(poster.posts).toHaveLength(1);
  });

  it("keeps the announcement exactly once across a crash between posting and logging", async () => {
    const { service, poster, digests } = await seeded();
    crashBeforeConfirming(digests);
    await expect(service.run({ channel: "slack:C1", from: "2026-11-22", to: "2026-11-22", now: NOW })).rejects.toThrow("killed");
    expect((await service.run({ channel: "slack:C1", from: "2026-11-22", to: "2026-11-22", now: NOW })).posted).toBe(false);
    expect(poster.posts).toHaveLength(1);
    expect((await digests.log("slack:C1")).every((entry) => entry.state === "posted")).toBe(true);
  });

  it("posts the announcement on the rerun when the crash came before it went out", async () => {
    const { service, poster } = await seeded();
    poster.failNextPost = true;
    await expect(service.run({ channel: "slack:C1", from: "2026-11-22", to: "2026-11-22", now: NOW })).rejects.toThrow("network down");
    expect((await service.run({ channel: "slack:C1", from: "2026-11-22", to: "2026-11-22", now: NOW })).posted).toBe(true);
    expect(poster.posts.map((digest) => digest.imports?.length)).toEqual([1]);
  });

  it("still counts a few undated papers added by hand later on the day they were added", async () => {
    const { service, subscription } = await seeded([{ records: [paper("Hand-added undated note"), paper("Another hand-added note", { upvotes: 1 })], addedAt: NEXT_DAY }]);
    await service.runDue(await subscription(), NOW);
    const next = await service.runDue(await subscription(), NEXT_DAY);
    expect(next!.digest.items.map((item) => item.title)).toEqual(["Another hand-added note", "Hand-added undated note"]);
  });
});

describe("what counts as new", () => {
  it("counts a paper on the day Hugging Face featured it, though arXiv published it earlier", async () => {
    const lib = await digestLibrary([{ records: [paper("Featured late", { publishedAt: "2026-10-01", featuredAt: "2026-11-22", upvotes: 3 })], addedAt: NOW }]);
    const service = await digestService(lib.library, lib.digests, new RecordingPoster());
    const { digest } = await service.run({ channel: "slack:C1", from: "2026-11-22", to: "2026-11-22", now: NOW, dryRun: true });
    expect(digest.items.map((item) => item.title)).toEqual(["Featured late"]);
  });

  it("says honestly that nothing is recent, with the newest date it has, when a first digest finds nothing", async () => {
    const lib = await digestLibrary([{ records: [paper("An old paper", { publishedAt: "2025-03-01" })], addedAt: new Date("2025-03-02T00:00:00Z") }]);
    const service = await digestService(lib.library, lib.digests, new RecordingPoster());
    const due = await service.due("slack:C5", NOW);
    expect(due).toMatchObject({ from: "2026-11-16", to: "2026-11-22", first: true, upToDate: false });
    const { digest } = await service.run({ channel: "slack:C5", from: due.from, to: due.to, first: true, now: NOW, dryRun: true });
    expect(digestMarkdown(digest)).toBe("**New papers, 2026-11-16 to 2026-11-22** (the past week)\nNo papers published in the past week (2026-11-16 to 2026-11-22). I searched 1 paper (publication dates 2025-03-01 to 2025-03-01).");
  });

  it("says how many papers did not fit under the limit", async () => {
    const lib = await digestLibrary([{ records: [paper("One", { publishedAt: "2026-11-22", upvotes: 3 }), paper("Two", { publishedAt: "2026-11-22", upvotes: 2 }), paper("Three", { publishedAt: "2026-11-22", upvotes: 1 })], addedAt: NOW }]);
    const service = await digestService(lib.library, lib.digests, new RecordingPoster());
    const { digest } = await service.run({ channel: "slack:C1", limit: 1, now: NOW, dryRun: true });
    expect(digest).toMatchObject({ more: 2, preview: true, items: [{ title: "One" }] });
    expect(digestMarkdown(digest)).toMatch(/^\*\*New papers, 2026-11-22\*\* \(top 1 of 3\)/);
  });

  it("ranks papers with equal upvotes by recency, not by title", async () => {
    const lib = await digestLibrary([{ records: [paper("Aardvark study", { publishedAt: "2026-11-17" }), paper("Zebra study", { publishedAt: "2026-11-21" })], addedAt: NOW }]);
    const service = await digestService(lib.library, lib.digests, new RecordingPoster());
    const { digest } = await service.run({ channel: "slack:C1", from: "2026-11-16", to: "2026-11-22", now: NOW, dryRun: true });
    expect(digest.items.map((item) => item.title)).toEqual(["Zebra study", "Aardvark study"]);
  });
});
