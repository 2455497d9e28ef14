import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import type { Embedder } from "../../src/embed/embedder.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import { loadFiles } from "../../src/sources/load.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { EVAL_DIR, ownSetNow } from "./dataset.ts";

const SAMPLES = join(import.meta.dirname, "..", "..", "data", "samples");

export type EvalLibrary = { store: LancePaperStore; dispose(): Promise<void> };

/** A fresh library of the bundled samples (plus known arXiv ids) in a temp dir, ingested on the day the own set was written as of. */
export async function buildEvalLibrary(embedder: Embedder): Promise<EvalLibrary> {
  return buildLibraryFrom([SAMPLES, join(EVAL_DIR, "arxiv-ids.jsonl")], embedder, await ownSetNow());
}

/** A fresh library of these pages or JSON Lines files in a temp dir, as `paperbot ingest` builds it. */
export async function buildLibraryFrom(paths: string[], embedder: Embedder, today: Date): Promise<EvalLibrary> {
  const dir = await mkdtemp(join(tmpdir(), "paperbot-eval-"));
  const store = await LancePaperStore.open({ uri: dir });
  const files = await loadFiles(paths, { today });
  await ingestRecords(files.flatMap((file) => file.records), { store, embedder, logger: pino({ level: "silent" }), now: () => today });
  return {
    store,
    async dispose() {
      store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
