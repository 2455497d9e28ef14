import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { DigestStore } from "../../src/digest/digest-store.ts";
import { DigestService, type DigestPoster, type DigestSettings } from "../../src/digest/service.ts";
import { ExtractiveSummarizer } from "../../src/digest/summary.ts";
import type { Digest } from "../../src/digest/types.ts";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import { Library } from "../../src/library/library.ts";
import type { PaperRecord } from "../../src/papers/paper.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { silentLogger } from "./logger.ts";
import { openDigests } from "../../src/state/open.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A library of the given records, each added at `addedAt` (default: the first `now`), with its digest tables. */
export async function digestLibrary(batches: { records: PaperRecord[]; addedAt: Date }[]) {
  const dir = await mkdtemp(join(tmpdir(), "paperbot-digest-"));
  const store = await LancePaperStore.open({ uri: dir });
  const embedder = await LocalEmbedder.create();
  for (const batch of batches) await ingestRecords(batch.records, { store, embedder, logger: silentLogger, now: () => batch.addedAt });
  const library = new Library(store, embedder);
  cleanups.push(async () => {
    store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return { store, library, digests: openDigests(store) };
}

/** Our DigestPoster port, recording what it was given; real posters are tested against the platform servers. */
export class RecordingPoster implements DigestPoster {
  readonly posts: Digest[] = [];
  failNextPost = false;

  /** Channels named as the platform adapters name theirs ("<platform>:<id>"), not the terminal's. */
  accepts(channel: string): boolean {
    return /^\w+:./.test(channel);
  }

  async post(digest: Digest): Promise<void> {
    if (this.failNextPost) {
      this.failNextPost = false;
      throw new Error("network down");
    }
    this.posts.push(digest);
  }

  async hasPosted(channel: string, key: string): Promise<boolean> {
    return this.posts.some((digest) => digest.channel === channel && digest.key === key);
  }
}

export async function digestService(library: Library, store: DigestStore, poster?: DigestPoster, settings: Partial<DigestSettings> = {}) {
  return new DigestService({ library, store, ...(poster && { poster }), summarizer: new ExtractiveSummarizer(library), settings: { limit: 10, emptyDays: "post", catchUpDays: 7, ...settings }, logger: silentLogger });
}

export const paper = (title: string, fields: Partial<PaperRecord> = {}): PaperRecord => ({
  title,
  abstract: `${title} is studied here. We propose a method named after ${title.split(" ")[0]} that improves results by a wide margin on standard benchmarks.`,
  upvotes: 0,
  source: "test",
  ...fields,
});

/** Makes the next confirmation of a post fail, as if the process died between posting and logging. */
export function crashBeforeConfirming(store: DigestStore): void {
  const record = store.record.bind(store);
  let crashed = false;
  store.record = async (entries) => {
    if (!crashed && entries[0]?.state === "posted") {
      crashed = true;
      throw new Error("killed");
    }
    return record(entries);
  };
}
