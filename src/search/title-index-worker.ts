/**
 * The half of a snapshot build that reads names: the acronyms abstracts
 * define, how many abstracts use each name, then the title index. Run in a
 * worker thread (see snapshot-scan.ts) beside the text index, which takes
 * the main thread: the two share no state and each is about half the work.
 */
import { parentPort } from "node:worker_threads";
import type { Sections } from "../packed/index-file.ts";
import { AcronymCounter, type Acronym } from "./acronyms.ts";
import { nameUsage, TitleIndexBuilder } from "./title-index-builder.ts";

/** First every abstract for the counts, then every paper again, in the snapshot's order, for the index. */
export type TitleWorkRequest = { kind: "count"; abstracts: string[] } | { kind: "index"; papers: { title: string; abstract: string }[] } | { kind: "finish" };
export type TitleWorkResult = { sections: Sections; acronyms: Acronym[] };

const port = parentPort!;
const acronyms = new AcronymCounter();
const usage = new Map<string, number>();
let titles: TitleIndexBuilder | undefined;

// Every request is answered, so the sender can bound what waits in the queue.
port.on("message", (request: TitleWorkRequest) => {
  if (request.kind === "count") {
    for (const abstract of request.abstracts) acronyms.add(abstract);
    nameUsage(request.abstracts, usage);
  } else if (request.kind === "index") {
    titles ??= new TitleIndexBuilder(usage);
    for (const paper of request.papers) titles.add(paper);
  }
  if (request.kind !== "finish") {
    port.postMessage("done");
  } else {
    // Copied rather than transferred: some arrays are views into Node's shared buffer pool, which cannot move.
    const result: TitleWorkResult = { sections: (titles ?? new TitleIndexBuilder(usage)).sections(), acronyms: acronyms.acronyms() };
    port.postMessage(result);
  }
});
