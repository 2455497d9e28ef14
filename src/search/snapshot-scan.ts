import { mkdtempSync, openSync, closeSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { collectGarbage } from "../collect-garbage.ts";
import { materialize, readFully, writeIndexFile, type DeferredSections, type Sections } from "../packed/index-file.ts";
import type { ScanField, StoredPaper } from "../store/paper-store.ts";
import { AcronymCounter, AcronymIndex } from "./acronyms.ts";
import { DocTableBuilder } from "./doc-table.ts";
import { paperTerms } from "./paper-terms.ts";
import { LibrarySnapshot, prefixed, type ReadPapers } from "./snapshot.ts";
import { PeriodicCollection } from "./periodic-collection.ts";
import { TextIndexBuilder } from "./text-index-builder.ts";
import type { TitleWorkData, TitleWorkRequest, TitleWorkResult } from "./title-index-worker.ts";

/** Papers per read from the store while building: enough for few round trips, few enough to hold lightly. */
const BATCH = 2_000;
/** Batches sent to the title worker and not yet taken: it keeps up, and its queue holds no more than this. */
const IN_FLIGHT = 2;
/** Ints per piece when copying the title index's papers into the snapshot file. */
const COPY_INTS = 1 << 20;

/** Reads the library a batch at a time, only the fields asked for (see PaperStore.scanFields). */
export type Scan = <K extends ScanField>(batchSize: number, fields: readonly K[]) => AsyncIterable<Pick<StoredPaper, K>[]>;

/** What the second pass reads: the paper table's fields, and the text both indexes are made of. */
const INDEXED = ["id", "title", "abstract", "publishedAt", "upvotes", "organization"] as const;

/** The snapshot of a library read from the store, held in memory. */
export async function scanSnapshot(scan: Scan, read: ReadPapers): Promise<LibrarySnapshot> {
  return withWorkDir(async (dir) => {
    const { sections, deferred } = await buildParts(scan, dir);
    return LibrarySnapshot.fromSections({ ...sections, ...(await materialize(deferred)) }, read);
  });
}

/**
 * The snapshot of a library read from the store, written straight to an
 * index file (see snapshot-cache.ts): the text index's postings, most of a
 * large library's snapshot, go to the file a range of terms at a time and
 * are never whole in memory.
 */
export async function writeSnapshotFile(scan: Scan, file: string, meta: unknown): Promise<void> {
  await withWorkDir(async (dir) => {
    const { sections, deferred } = await buildParts(scan, dir);
    // The builders' maps are garbage now; the postings' layout buffers come next.
    collectGarbage();
    await writeIndexFile(file, meta, sections, deferred);
  });
}

/** A temporary folder for a build's files (the title index's segments), removed however the build ends. */
async function withWorkDir<T>(build: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "paperbot-snapshot-"));
  try {
    return await build(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reads the library a batch at a time, holding no more than a few batches
 * of papers, and builds on two threads: the text index, the paper table
 * and the acronyms here, the names (name counts, the title index) in a
 * worker. The first pass only counts acronyms and the names abstracts use,
 * which the title index needs complete; the second builds both indexes
 * from the same batches, so their papers are in the same order even if the
 * library changes between the passes.
 */
async function buildParts(scan: Scan, dir: string): Promise<{ sections: Sections; deferred: DeferredSections }> {
  const names = new TitleWorker({ dir });
  const text = new TextIndexBuilder();
  try {
    // The acronyms here, while the worker counts names: this thread has little else to do in this pass.
    const acronyms = new AcronymCounter();
    for await (const batch of scan(BATCH, ["abstract"])) {
      const abstracts = batch.map((paper) => paper.abstract);
      const sent = names.send({ kind: "count", abstracts });
      for (const abstract of abstracts) acronyms.add(abstract);
      await sent;
    }
    const docs = new DocTableBuilder();
    const collection = new PeriodicCollection();
    for await (const batch of scan(BATCH, INDEXED)) {
      collection.batch();
      await names.send({ kind: "index", papers: batch.map(({ title, abstract, organization }) => ({ title, abstract, ...(organization && { organization }) })) });
      for (const paper of batch) {
        docs.add(paper);
        text.add(paperTerms(paper));
      }
    }
    const table = docs.finish();
    const built = text.finishParts();
    const titles = await names.finish();
    const titleDocs = titles.docs;
    const sections: Sections = {
      ...prefixed("docs.", table.sections()),
      ...prefixed("text.", built.sections),
      ...prefixed("titles.", titles.sections),
      ...(titleDocs instanceof Int32Array && { "titles.docs": titleDocs }),
      acronyms: new Uint8Array(Buffer.from(JSON.stringify(AcronymIndex.fromJSON(acronyms.acronyms()).toJSON()))),
    };
    const deferred: DeferredSections = {
      layout: { ...prefixed("text.", built.postings.layout), ...(!(titleDocs instanceof Int32Array) && { "titles.docs": { kind: "Int32Array", length: titleDocs.length } }) },
      fill: async (put) => {
        await built.postings.fill((name, start, piece) => put(`text.${name}`, start, piece));
        if (!(titleDocs instanceof Int32Array)) await copyInts(titleDocs.file, titleDocs.length, (start, piece) => put("titles.docs", start, piece));
      },
    };
    return { sections, deferred };
  } catch (error) {
    text.dispose();
    throw error;
  } finally {
    await names.close();
  }
}

/** Ints a file holds (i32, in order), handed to `put` a piece at a time: the merged title index's papers. */
async function copyInts(file: string, length: number, put: (start: number, piece: Int32Array) => Promise<void>): Promise<void> {
  const fd = openSync(file, "r");
  try {
    const piece = new Int32Array(COPY_INTS);
    for (let start = 0; start < length; start += COPY_INTS) {
      const count = Math.min(COPY_INTS, length - start);
      readFully(fd, new Uint8Array(piece.buffer, 0, count * 4), start * 4, "the title index's papers");
      await put(start, piece.subarray(0, count));
    }
  } finally {
    closeSync(fd);
  }
}

/** The worker thread of title-index-worker.ts, with a bounded queue and its failures as rejections. */
class TitleWorker {
  readonly #worker: Worker;
  readonly #waiting: { resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  #failed: unknown;

  constructor(data: TitleWorkData) {
    this.#worker = new Worker(new URL("./title-index-worker.ts", import.meta.url), { workerData: data });
    this.#worker.on("message", (message: unknown) => this.#waiting.shift()?.resolve(message));
    this.#worker.on("error", (error) => this.#fail(error));
    this.#worker.on("exit", (code) => this.#fail(new Error(`the snapshot's title-index worker stopped (exit code ${code})`)));
  }

  /** Sends one batch; waits only when more than IN_FLIGHT are unanswered. */
  async send(request: TitleWorkRequest): Promise<void> {
    const answered = this.#request(request);
    answered.catch(() => undefined);
    if (this.#waiting.length > IN_FLIGHT) await answered;
  }

  finish(): Promise<TitleWorkResult> {
    return this.#request({ kind: "finish" }) as Promise<TitleWorkResult>;
  }

  async close(): Promise<void> {
    this.#worker.removeAllListeners("exit");
    await this.#worker.terminate();
  }

  #request(request: TitleWorkRequest): Promise<unknown> {
    if (this.#failed) return Promise.reject(this.#failed);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#worker.postMessage(request);
    });
  }

  #fail(error: unknown): void {
    this.#failed ??= error;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error);
  }
}
