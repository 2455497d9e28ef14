import { describe, expect, it } from "vitest";
import { DigestScheduler } from "../../src/digest/scheduler.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import { crashBeforeConfirming, digestLibrary, digestService, paper, RecordingPoster } from "../helpers/digest.ts";
import { silentLogger } from "../helpers/logger.ts";

const NOW = new Date("2026-11-22T12:00:00Z");
const day = [
  paper("KV cache compression for long context", { publishedAt: "2026-11-22", upvotes: 5, abstract: "The key-value (KV) cache grows with the context. We propose a method that compresses the key-value (KV) cache of long-context models by a wide margin." }),
  paper("Diffusion models for video", { publishedAt: "2026-11-22", upvotes: 9 }),
  paper("Sparse attention kernels", { publishedAt: "2026-11-22", upvotes: 5 }),
  paper("Yesterday's paper on graphs", { publishedAt: "2026-11-21", upvotes: 50 }),
  paper("An undated paper on retrieval"),
];

async function setup(settings = {}) {
  const lib = await digestLibrary([{ records: day, addedAt: NOW }]);
  const poster = new RecordingPoster();
  return { ...lib, poster, service: await digestService(lib.library, lib.digests, poster, settings) };
}

describe("daily digest", () => {
  it("ranks the day's papers by upvotes, then recency, and counts undated papers on the day they were added", async () => {
    const { service } = await setup();
    const { digest } = await service.run({ channel: "slack:C1", from: "2026-11-22", to: "2026-11-22", dryRun: true, now: NOW });
    expect(digest.items.map((item) => item.title)).toEqual([
      "Diffusion models for video",
      "KV cache compression for long context",
      "Sparse attention kernels",
      "An undated paper on retrieval",
    ]);
    expect(digest.items[0]).toMatchObject({ upvotes: 9, publishedAt: "2026-11-22", url: expect.stringMatching(/^https:/) });
  });

  it("summarises each paper with its most informative sentence, not just the first", async () => {
    const { library, digests, poster } = await setup();
    const service = await digestService(library, digests, poster);
    const { digest } = await service.run({ channel: "slack:C1", dryRun: true, now: NOW, limit: 1 });
    expect(digest.items[0]!.summary).toMatch(/^We propose a method/);
  });

  it("keeps only papers on a channel's topic, and says why each is there", async () => {
    const { service } = await setup();
    const { digest } = await service.run({ channel: "slack:C1", topic: "KV cache compression", dryRun: true, now: NOW });
    expect(digest.items.map((item) => item.title)).toEqual(["KV cache compression for long context"]);
    expect(digest.items[0]!.why).toMatch(/^matches your topic: .*cache/);
    // In the topic's words, never the stems of the acronym's long form it also matched ("kei", "valu").
    expect(digest.items[0]!.why).not.toMatch(/\b(?:kei|valu)\b/);
  });

  it("posts a short note with what it searched on a day without papers, or skips it when configured", async () => {
    const { service, poster } = await setup();
    const outcome = await service.run({ channel: "slack:C1", from: "2026-11-19", to: "2026-11-19", now: NOW });
    expect(outcome.posted).toBe(true);
    expect(poster.posts[0]!.items).toEqual([]);
    expect(poster.posts[0]!.coverage.papers).toBe(5);

    const quiet = await setup({ emptyDays: "skip" });
    expect((await quiet.service.run({ channel: "slack:C1", from: "2026-11-19", to: "2026-11-19", now: NOW })).posted).toBe(false);
    expect(quiet.poster.posts).toEqual([]);
  });

  it("never posts a paper twice to a channel: a second run of the same day posts nothing", async () => {
    const { service, poster } = await setup();
    await service.run({ channel: "slack:C1", now: NOW });
    const again = await service.run({ channel: "slack:C1", now: NOW });
    expect(again).toMatchObject({ posted: false, digest: { items: [], skippedAlreadyPosted: 4 } });
    expect(poster.posts).toHaveLength(1);
    // Another channel still gets them.
    expect((await service.run({ channel: "discord:42", now: NOW })).digest.items).toHaveLength(4);
  });

  it("recognises a paper it posted after the paper gets an arXiv id", async () => {
    const { service, poster, library } = await setup();
    await service.run({ channel: "slack:C1", now: NOW });
    await ingestRecords([{ ...day[0]!, arxivId: "2611.00001" }], { store: library.store, embedder: library.embedder, logger: silentLogger });
    expect((await library.papers()).some((paper) => paper.id === "2611.00001")).toBe(true);
    const again = await service.run({ channel: "slack:C1", now: NOW });
    expect(again.digest.items).toEqual([]);
    expect(poster.posts).toHaveLength(1);
  });

  it("recovers from a crash between posting and logging without posting twice", async () => {
    const { service, poster, digests } = await setup();
    crashBeforeConfirming(digests);
    await expect(service.run({ channel: "slack:C1", now: NOW })).rejects.toThrow("killed");
    expect(poster.posts).toHaveLength(1);
    const next = await service.run({ channel: "slack:C1", now: NOW });
    expect(next.posted).toBe(false);
    expect(poster.posts).toHaveLength(1);
    expect((await digests.log("slack:C1")).every((entry) => entry.state === "posted")).toBe(true);
  });

  it("does not lose the day when a crash comes before the post went out", async () => {
    const { service, poster } = await setup();
    poster.failNextPost = true;
    await expect(service.run({ channel: "slack:C1", now: NOW })).rejects.toThrow("network down");
    const next = await service.run({ channel: "slack:C1", now: NOW });
    expect(next.posted).toBe(true);
    expect(poster.posts.map((digest) => digest.items.length)).toEqual([4]);
  });

  it("assigns papers added near midnight to the channel's own day", async () => {
    const late = new Date("2026-11-22T23:30:00Z");
    const lib = await digestLibrary([{ records: [paper("Added late at night")], addedAt: late }]);
    const service = await digestService(lib.library, lib.digests, new RecordingPoster());
    const titles = async (timeZone: string, date: string) => (await service.run({ channel: "slack:C1", from: date, to: date, timeZone, dryRun: true, now: late })).digest.items.map((item) => item.title);
    expect(await titles("Europe/Berlin", "2026-11-23")).toEqual(["Added late at night"]);
    expect(await titles("Europe/Berlin", "2026-11-22")).toEqual([]);
    expect(await titles("America/New_York", "2026-11-22")).toEqual(["Added late at night"]);
  });

  it("catches up once on the days it missed, in one digest", async () => {
    const { service, poster, digests } = await setup();
    await digests.saveSubscription({ channel: "slack:C1", time: "08:00", timeZone: "UTC", lastDate: "2026-11-19" });
    const outcome = await service.runDue((await digests.subscription("slack:C1"))!, NOW);
    expect(outcome!.digest).toMatchObject({ from: "2026-11-20", to: "2026-11-22", since: "2026-11-19" });
    expect(outcome!.digest.items.map((item) => item.title)).toContain("Yesterday's paper on graphs");
    expect((await digests.subscription("slack:C1"))!.lastDate).toBe("2026-11-22");
    expect(await service.runDue((await digests.subscription("slack:C1"))!, NOW)).toBeUndefined();
    expect(poster.posts).toHaveLength(1);
  });

  it("schedules each subscription at its time in its zone, and catches up at start", async () => {
    const { service, poster, digests } = await setup();
    await digests.saveSubscription({ channel: "slack:C1", time: "08:00", timeZone: "Asia/Tokyo", lastDate: "2026-11-20" });
    await digests.saveSubscription({ channel: "discord:7", time: "23:30", timeZone: "UTC", lastDate: "2026-11-21" });
    const scheduler = new DigestScheduler({ store: digests, service, logger: silentLogger, now: () => NOW });
    await scheduler.start();
    // 12:00 UTC is 21:00 in Tokyo: past 08:00 with a day missed, so slack:C1 catches up; discord:7 is not due until 23:30.
    expect(poster.posts.map((digest) => digest.channel)).toEqual(["slack:C1"]);
    const next = scheduler.nextRuns();
    expect(next.get("discord:7")!.toISOString()).toMatch(/T23:30:00/);
    expect(new Date(next.get("slack:C1")!).getUTCHours()).toBe(23);
    await scheduler.stop();
  });
});
