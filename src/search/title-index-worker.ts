/**
 * The half of a snapshot build that reads names: how many abstracts use
 * each name, then the title index. Run in a worker thread (see
 * snapshot-scan.ts) beside the text index, which takes the main thread: the
 * two share no state and each is about half the work.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PeriodicCollection } from "./periodic-collection.ts";
import { nameUsage, TitleIndexBuilder, type TitleIndexParts } from "./title-index-builder.ts";

/** First every abstract for the counts, then every paper again, in the snapshot's order, for the index. */
export type TitleWorkRequest = { kind: "count"; abstracts: string[] } | { kind: "index"; papers: { title: string; abstract: string; organization?: string }[] } | { kind: "finish" };
export type TitleWorkResult = TitleIndexParts;
/** `dir`: where the title index may write its segments; the main thread removes it. */
export type TitleWorkData = { dir: string };

const port = parentPort!;
const usage = new Map<string, number>();
let titles: TitleIndexBuilder | undefined;
const collection = new PeriodicCollection();

// Every request is answered, so the sender can bound what waits in the queue.
port.on("message", (request: TitleWorkRequest) => {
  if (request.kind === "count") {
    nameUsage(request.abstracts, usage);
  } else if (request.kind === "index") {
    titles ??= new TitleIndexBuilder(usage, { dir: (workerData as TitleWorkData).dir });
    for (const paper of request.papers) titles.add(paper);
    collection.batch();
  }
  if (request.kind !== "finish") {
    port.postMessage("done");
  } else {
    const result: TitleWorkResult = (titles ?? new TitleIndexBuilder(usage)).finishParts();
    port.postMessage(result, movable(result));
  }
});

/**
 * The arrays' buffers that can move to the main thread rather than be
 * copied (a million papers' keys are hundreds of MB, and a copy would hold
 * them twice): not the small ones, which may be views into Node's shared
 * buffer pool, which cannot move.
 */
function movable({ sections, docs }: TitleIndexParts): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of [...Object.values(sections), ...(docs instanceof Int32Array ? [docs] : [])]) {
    if (array.buffer instanceof ArrayBuffer && array.buffer.byteLength > 64 * 1024) buffers.add(array.buffer);
  }
  return [...buffers];
}
