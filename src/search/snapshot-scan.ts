import { Worker } from "node:worker_threads";
import type { StoredPaper } from "../store/paper-store.ts";
import { AcronymIndex } from "./acronyms.ts";
import { DocTableBuilder } from "./doc-table.ts";
import { TitleIndex } from "./lookup-index.ts";
import { paperTerms } from "./paper-terms.ts";
import { LibrarySnapshot, type ReadPapers } from "./snapshot.ts";
import { TextIndexBuilder } from "./text-index-builder.ts";
import type { TitleWorkRequest, TitleWorkResult } from "./title-index-worker.ts";

/** Papers per read from the store while building: enough for few round trips, few enough to hold lightly. */
const BATCH = 2_000;
/** Batches sent to the title worker and not yet taken: it keeps up, and its queue holds no more than this. */
const IN_FLIGHT = 2;

/**
 * Builds the snapshot of a library read from the store a batch at a time,
 * holding no more than a few batches of papers, on two threads: the text
 * index and the paper table here, the names (acronyms, name counts, the
 * title index) in a worker. The first pass only counts the names abstracts
 * use, which the title index needs complete; the second builds both
 * indexes from the same batches, so their papers are in the same order
 * even if the library changes between the passes.
 */
export async function scanSnapshot(scan: (batchSize: number) => AsyncIterable<StoredPaper[]>, read: ReadPapers): Promise<LibrarySnapshot> {
  const names = new TitleWorker();
  try {
    for await (const batch of scan(BATCH)) await names.send({ kind: "count", abstracts: batch.map((paper) => paper.abstract) });
    const docs = new DocTableBuilder();
    const text = new TextIndexBuilder();
    for await (const batch of scan(BATCH)) {
      await names.send({ kind: "index", papers: batch.map(({ title, abstract }) => ({ title, abstract })) });
      for (const paper of batch) {
        docs.add(paper);
        text.add(paperTerms(paper));
      }
    }
    const table = docs.finish();
    const textIndex = text.finish();
    const { sections, acronyms } = await names.finish();
    return LibrarySnapshot.fromParts({ docs: table, text: textIndex, titles: TitleIndex.fromSections(sections, table.titles), acronyms: AcronymIndex.fromJSON(acronyms) }, read);
  } finally {
    await names.close();
  }
}

/** The worker thread of title-index-worker.ts, with a bounded queue and its failures as rejections. */
class TitleWorker {
  readonly #worker = new Worker(new URL("./title-index-worker.ts", import.meta.url));
  readonly #waiting: { resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  #failed: unknown;
  #queued = 0;

  constructor() {
    this.#worker.on("message", (message: unknown) => this.#waiting.shift()?.resolve(message));
    this.#worker.on("error", (error) => this.#fail(error));
    this.#worker.on("exit", (code) => this.#fail(new Error(`the snapshot's title-index worker stopped (exit code ${code})`)));
  }

  /** Sends one batch; waits only when more than IN_FLIGHT are queued. */
  async send(request: TitleWorkRequest): Promise<void> {
    const answered = this.#request(request);
    this.#queued++;
    answered.then(() => this.#queued--, () => undefined);
    if (this.#queued > IN_FLIGHT) await answered;
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
