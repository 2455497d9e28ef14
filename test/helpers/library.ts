import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { ingestRecords } from "../../src/ingest/ingest.ts";
import { Library } from "../../src/library/library.ts";
import { loadFiles } from "../../src/sources/load.ts";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { SAMPLES_DIR } from "./files.ts";
import { silentLogger } from "./logger.ts";

export const TODAY = new Date("2026-11-22T12:00:00Z");

/** The bundled samples in a fresh LanceDB library under `dir`, as a user's `paperbot ingest data/samples` makes it. */
export async function sampleLibrary(dir: string): Promise<Library> {
  const store = await LancePaperStore.open({ uri: dir });
  const embedder = await LocalEmbedder.create();
  const files = await loadFiles([SAMPLES_DIR], { today: TODAY });
  await ingestRecords(files.flatMap((file) => file.records), { store, embedder, logger: silentLogger, now: () => TODAY });
  return new Library(store, embedder);
}

/** The sample library for a whole test file: built before its tests, removed after. */
export function useSampleLibrary(): () => Library {
  let dir: string;
  let library: Library;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "paperbot-samples-"));
    library = await sampleLibrary(dir);
  }, 60_000);
  afterAll(async () => {
    library.store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return () => library;
}
