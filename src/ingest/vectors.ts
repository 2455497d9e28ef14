import { paperText, type Embedder } from "../embed/embedder.ts";
import { PaperbotError } from "../errors.ts";
import type { PaperStore, StoredPaper, StoredPaperWithVector } from "../store/paper-store.ts";
import type { EmbedHelper } from "./embed-helper.ts";
import type { Pending } from "./plan.ts";
import { INGEST_SETTINGS } from "./settings.ts";

/**
 * Each pending paper with its vector: embedded when its text changed (or
 * its stored vector is missing), otherwise the stored one. Vectors are kept
 * as Float32Array views into one buffer per chunk (the embedder's numbers
 * narrowed to the float32 LanceDB stores anyway): a quarter of the memory
 * of number arrays. `onProgress` gets (embedded, to embed) after each chunk.
 * With a `helper`, chunks go to its worker whenever it has room and the
 * rest are embedded here, so both cores embed.
 */
export async function withVectors(entries: Pending[], store: PaperStore, embedder: Embedder, onProgress?: (done: number, total: number) => void, helper?: EmbedHelper): Promise<StoredPaperWithVector[]> {
  const kept = await store.storedVectors(entries.filter((entry) => !entry.embed).map((entry) => entry.storedAs ?? entry.paper.id));
  const keptVector = (entry: Pending) => kept.get(entry.storedAs ?? entry.paper.id);
  const toEmbed = entries.filter((entry) => entry.embed || !keptVector(entry)).map((entry) => entry.paper);
  const fresh = new Map<string, Float32Array>();
  const { dims } = embedder;
  let done = 0;
  const place = (chunk: StoredPaper[], flat: Float32Array) => {
    chunk.forEach((paper, index) => fresh.set(paper.id, flat.subarray(index * dims, (index + 1) * dims)));
    onProgress?.((done += chunk.length), toEmbed.length);
  };
  const helped: Promise<void>[] = [];
  for (let start = 0; start < toEmbed.length; start += INGEST_SETTINGS.embedChunk) {
    const chunk = toEmbed.slice(start, start + INGEST_SETTINGS.embedChunk);
    if (helper?.free) {
      const answered = helper.embed(chunk.map(paperText)).then((flat) => place(chunk, flat));
      answered.catch(() => undefined);
      helped.push(answered);
      continue;
    }
    const vectors = await embedder.embedDocuments(chunk.map(paperText));
    const flat = new Float32Array(chunk.length * dims);
    chunk.forEach((paper, index) => {
      const vector = vectors[index];
      if (vector?.length !== dims) throw new PaperbotError("EMBEDDER_FAILED", `The embedder ${embedder.id} returned ${vector ? `a vector of ${vector.length} dimensions` : "no vector"} for "${paper.title}", not ${dims}. Check its model and dimension settings.`);
      flat.set(vector, index * dims);
    });
    place(chunk, flat);
    // The worker's answers arrive as events, which a thread busy embedding would not see until the batch ends.
    if (helper) await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(helped);
  return entries.map((entry) => ({ ...entry.paper, vector: fresh.get(entry.paper.id) ?? keptVector(entry)! }));
}
