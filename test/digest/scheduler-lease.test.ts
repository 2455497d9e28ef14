import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DigestScheduler, SCHEDULER_LEASE, type SchedulerLeaseOptions } from "../../src/digest/scheduler.ts";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import { Library } from "../../src/library/library.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { digestService, paper, RecordingPoster } from "../helpers/digest.ts";
import { silentLogger } from "../helpers/logger.ts";
import { openDigests } from "../../src/state/open.ts";

// Two "processes" are two stores (two LanceDB connections) on one real database directory, with one fake clock.
const START = Date.parse("2026-11-22T12:00:00Z");
const TTL = 60_000;
let clock = START;
const now = () => new Date(clock);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  clock = START;
});

async function database() {
  const dir = await mkdtemp(join(tmpdir(), "paperbot-lease-"));
  const store = await LancePaperStore.open({ uri: dir });
  await ingestRecords([paper("KV cache compression for long context", { publishedAt: "2026-11-22", upvotes: 5 })], { store, embedder: await LocalEmbedder.create(), logger: silentLogger, now });
  store.close();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** One serve process: its own connection, library and scheduler; every process posts to the same recorder. */
async function processOn(dir: string, poster: RecordingPoster, lease: SchedulerLeaseOptions = {}) {
  const store = await LancePaperStore.open({ uri: dir });
  const library = new Library(store, await LocalEmbedder.create());
  const digests = openDigests(store);
  const service = await digestService(library, digests, poster);
  // A renewal timer that never fires on its own: the tests drive each round with tick() and the clock.
  const scheduler = new DigestScheduler({ store: digests, service, logger: silentLogger, now, lease: { ttlMs: TTL, renewMs: 3_600_000, settleMs: 0, ...lease } });
  cleanups.push(async () => {
    await scheduler.stop();
    store.close();
  });
  return { scheduler, digests };
}

async function twoProcesses() {
  const dir = await database();
  const poster = new RecordingPoster();
  const a = await processOn(dir, poster, { owner: "a" });
  const b = await processOn(dir, poster, { owner: "b" });
  return { dir, poster, a, b };
}

describe("exactly one process runs the digest scheduler", () => {
  it("lets the first process lead; the second stands by with nothing scheduled, round after round", async () => {
    const { poster, a, b } = await twoProcesses();
    await a.digests.saveSubscription({ channel: "slack:C1", time: "08:00", timeZone: "UTC", lastDate: "2026-11-20" });
    await a.scheduler.start();
    await b.scheduler.start();
    expect([a.scheduler.leading, b.scheduler.leading]).toEqual([true, false]);
    expect(poster.posts.map((digest) => digest.channel)).toEqual(["slack:C1"]);
    expect([...a.scheduler.nextRuns().keys()]).toEqual(["slack:C1"]);
    expect(b.scheduler.nextRuns().size).toBe(0);
    for (let round = 0; round < 5; round++) {
      clock += 15_000;
      await b.scheduler.tick();
      await a.scheduler.tick();
    }
    expect([a.scheduler.leading, b.scheduler.leading]).toEqual([true, false]);
    expect(poster.posts).toHaveLength(1);
  });

  it("hands over when the leader's lease expires: the standby catches up on the digest missed, the old leader unschedules", async () => {
    const { poster, a, b } = await twoProcesses();
    await a.digests.saveSubscription({ channel: "slack:C1", time: "08:00", timeZone: "UTC", lastDate: "2026-11-22" });
    await a.scheduler.start();
    await b.scheduler.start();
    expect(poster.posts).toHaveLength(0);

    // The leader hangs (no renewals) past the next day's 08:00; the standby waits out the lease, then takes over.
    clock = Date.parse("2026-11-23T09:00:00Z");
    await b.scheduler.tick();
    expect(b.scheduler.leading).toBe(true);
    expect(poster.posts.map((digest) => [digest.channel, digest.to])).toEqual([["slack:C1", "2026-11-23"]]);
    expect([...b.scheduler.nextRuns().keys()]).toEqual(["slack:C1"]);

    // The old leader wakes: it finds the lease taken and stops, and a run it had pending posts nothing.
    await a.scheduler.catchUp();
    await a.digests.saveSubscription({ channel: "slack:C1", time: "08:00", timeZone: "UTC", lastDate: "2026-11-21" });
    await a.scheduler.catchUp();
    expect(a.scheduler.leading).toBe(false);
    expect(a.scheduler.nextRuns().size).toBe(0);
    expect(poster.posts).toHaveLength(1);
  });

  it("keeps the lease while the leader renews it, even long past its first expiry", async () => {
    const { a, b } = await twoProcesses();
    await a.scheduler.start();
    await b.scheduler.start();
    for (let round = 0; round < 10; round++) {
      clock += TTL / 2;
      await a.scheduler.tick();
      await b.scheduler.tick();
    }
    expect([a.scheduler.leading, b.scheduler.leading]).toEqual([true, false]);
  });

  it("hands over at once when the leader stops cleanly (it releases the lease)", async () => {
    const { a, b } = await twoProcesses();
    await a.scheduler.start();
    await b.scheduler.start();
    await a.scheduler.stop();
    clock += 1_000;
    await b.scheduler.tick();
    expect(b.scheduler.leading).toBe(true);
  });

  it("reaches the leader with a subscription made through a standby, at the leader's next renewal", async () => {
    const { a, b } = await twoProcesses();
    await a.scheduler.start();
    await b.scheduler.start();
    await b.digests.saveSubscription({ channel: "discord:7", time: "23:30", timeZone: "UTC" });
    await b.scheduler.reload();
    expect(b.scheduler.nextRuns().size).toBe(0);
    clock += 15_000;
    await a.scheduler.tick();
    expect(a.scheduler.nextRuns().get("discord:7")!.toISOString()).toMatch(/T23:30:00/);
  });

  it("elects one leader when two processes start at once on a database that has no lease yet", async () => {
    const dir = await database();
    const poster = new RecordingPoster();
    // A process that won its first claim settles until the other has made its own (both creating the lease table at
    // the same moment) or has given up, then confirms: the interleaving in which creations could overwrite a claim.
    let arrived = 0;
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const sleep = () => (++arrived === 2 ? open() : undefined, opened);
    const a = await processOn(dir, poster, { owner: "a", sleep });
    const b = await processOn(dir, poster, { owner: "b", sleep });
    const starts = [a.scheduler.start(), b.scheduler.start()];
    void Promise.race(starts).then(open, open);
    await Promise.all(starts);
    expect([a.scheduler.leading, b.scheduler.leading].filter(Boolean)).toHaveLength(1);
  });

  it("gives an expired lease to exactly one of several claims made at the same moment", async () => {
    const dir = await database();
    const stores = await Promise.all(Array.from({ length: 5 }, () => LancePaperStore.open({ uri: dir })));
    cleanups.push(async () => stores.forEach((store) => store.close()));
    const leases = stores.map((store, i) => openDigests(store).lease(SCHEDULER_LEASE, { owner: `p${i}`, ttlMs: TTL, now: () => clock }));
    // The table exists first (creations at the same moment are the scheduler test's case above); then the lease has expired.
    expect(await leases[0]!.claim()).toBe(true);
    clock += TTL + 1;
    for (let round = 0; round < 3; round++) {
      const won = await Promise.all(leases.map((lease) => lease.claim()));
      expect(won.filter(Boolean)).toHaveLength(1);
      const holder = await leases[0]!.holder();
      expect(holder!.owner).toBe(`p${won.indexOf(true)}`);
      clock += TTL + 1;
    }
  });
});
