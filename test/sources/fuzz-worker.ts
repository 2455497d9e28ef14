import { parentPort, workerData } from "node:worker_threads";
import { InputError } from "../../src/errors.ts";
import { toPaper } from "../../src/papers/paper.ts";
import { parseHfPage } from "../../src/sources/hf-page/parse.ts";
import { parseJsonl } from "../../src/sources/jsonl.ts";
import { decodeText, textLines } from "../../src/sources/text-file.ts";
import { fuzzCase } from "./fuzz-cases.ts";

/**
 * Runs fuzz cases off the test's thread, so that a case that hangs the
 * parser (a runaway regex) can be stopped and reported, not wait forever.
 * Every case must parse into records the library accepts, or be refused
 * with an InputError; anything else is reported with the case's index.
 */
const { seed, cases } = workerData as { seed: number; cases: number };
const years = { today: new Date("2026-11-22T12:00:00Z") };
let parsed = 0;
let refused = 0;
for (let index = 0; index < cases; index++) {
  parentPort!.postMessage({ started: index });
  const input = fuzzCase(seed, index);
  let records;
  try {
    // What readTextLines does with a file's bytes, without the file.
    const file = input.kind === "page" ? "fuzz.txt" : "fuzz.jsonl";
    const lines = textLines(decodeText(input.bytes, file));
    records = input.kind === "page" ? parseHfPage(lines, file, years).records : parseJsonl(lines, file);
  } catch (error) {
    if (error instanceof InputError) {
      refused++;
      continue;
    }
    parentPort!.postMessage({ failed: index, error: String((error as Error)?.stack ?? error) });
    continue;
  }
  try {
    // A record a parser lets through must be one the library can store.
    records.forEach((record) => toPaper(record));
    parsed++;
  } catch (error) {
    parentPort!.postMessage({ failed: index, error: `a parsed record was not a valid paper: ${String((error as Error)?.message ?? error)}` });
  }
}
parentPort!.postMessage({ done: true, parsed, refused });
