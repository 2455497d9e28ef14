import { describe, expect, it } from "vitest";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import { crashBeforeConfirming, digestLibrary, digestService, paper, RecordingPoster } from "../helpers/digest.ts";
import { silentLogger } from "../helpers/logger.ts";

const NOW = new Date("2026-11-22T12:00:00Z");
/** A day with no papers in a library that has some on other days. */
const QUIET_DAY = { from: "2026-11-19", to: "2026-11-19", now: NOW };

async function setup() {
  const lib = await digestLibrary([{ records: [paper("KV cache compression for long context", { publishedAt: "2026-11-22" })], addedAt: NOW }]);
  const poster = new RecordingPoster();
  return { ...lib, poster, service: await digestService(lib.library, lib.digests, poster) };
}

describe("the 'no new papers' note goes out exactly once", () => {
  it("reaches a channel without a subscription once, however often the day is rerun", async () => {
    const { service, poster, digests } = await setup();
    expect((await service.run({ channel: "slack:C7", ...QUIET_DAY })).posted).toBe(true);
    expect((await service.run({ channel: "slack:C7", ...QUIET_DAY })).posted).toBe(false);
    expect((await service.run({ channel: "slack:C7", ...QUIET_DAY })).posted).toBe(false);
    expect(poster.posts).toHaveLength(1);
    expect(await digests.log("slack:C7")).toEqual([expect.objectContaining({ state: "posted", date: "2026-11-19" })]);
  });

  it("is not posted twice after a crash between posting it and logging it: the rerun finds it in the channel", async () => {
    const { service, poster, digests } = await setup();
    await digests.saveSubscription({ channel: "slack:C1", time: "08:00", timeZone: "UTC", lastDate: "2026-11-18" });
    crashBeforeConfirming(digests);
    await expect(service.run({ channel: "slack:C1", ...QUIET_DAY })).rejects.toThrow("killed");
    expect(poster.posts).toHaveLength(1);
    // The subscription never moved on: only the log knows the day was covered.
    expect((await digests.subscription("slack:C1"))!.lastDate).toBe("2026-11-18");

    expect((await service.run({ channel: "slack:C1", ...QUIET_DAY })).posted).toBe(false);
    expect(poster.posts).toHaveLength(1);
    expect((await digests.log("slack:C1")).map((entry) => entry.state)).toEqual(["posted"]);
  });

  it("is posted by the rerun when the crash came before it went out", async () => {
    const { service, poster, digests } = await setup();
    poster.failNextPost = true;
    await expect(service.run({ channel: "slack:C7", ...QUIET_DAY })).rejects.toThrow("network down");
    expect(await digests.log("slack:C7")).toEqual([expect.objectContaining({ state: "intent" })]);
    expect((await service.run({ channel: "slack:C7", ...QUIET_DAY })).posted).toBe(true);
    expect(poster.posts).toHaveLength(1);
    expect((await digests.log("slack:C7")).map((entry) => entry.state)).toEqual(["posted"]);
  });

  it("does not hold back papers of that day that arrive after it", async () => {
    const { service, poster, library } = await setup();
    await service.run({ channel: "slack:C7", ...QUIET_DAY });
    await ingestRecords([paper("Late news on sparse attention", { publishedAt: "2026-11-19" })], { store: library.store, embedder: library.embedder, logger: silentLogger, now: () => NOW });
    await service.run({ channel: "slack:C7", ...QUIET_DAY });
    expect(poster.posts.map((digest) => digest.items.map((item) => item.title))).toEqual([[], ["Late news on sparse attention"]]);
  });
});
