import { paperText, type Embedder } from "../embed/embedder.ts";
import type { PaperStore, StoredPaperWithVector } from "../store/paper-store.ts";
import type { Pending } from "./plan.ts";
import { INGEST_SETTINGS } from "./settings.ts";

/**
 * Each pending paper with its vector: embedded when its text changed (or
 * its stored vector is missing), otherwise the stored one, kept as
 * Float32Array (the embedder's float64 numbers narrowed to what LanceDB
 * stores anyway). `onProgress` gets (embedded, to embed) after each chunk.
 */
export async function withVectors(entries: Pending[], store: PaperStore, embedder: Embedder, onProgress?: (done: number, total: number) => void): Promise<StoredPaperWithVector[]> {
  const kept = await store.storedVectors(entries.filter((entry) => !entry.embed).map((entry) => entry.storedAs ?? entry.paper.id));
  const keptVector = (entry: Pending) => kept.get(entry.storedAs ?? entry.paper.id);
  const toEmbed = entries.filter((entry) => entry.embed || !keptVector(entry)).map((entry) => entry.paper);
  const fresh = new Map<string, Float32Array>();
  const chunk = INGEST_SETTINGS.embedChunk;
  for (let start = 0; start < toEmbed.length; start += chunk) {
    const slice = toEmbed.slice(start, start + chunk);
    const vectors = await embedder.embedDocuments(slice.map(paperText));
    slice.forEach((paper, index) => fresh.set(paper.id, Float32Array.from(vectors[index]!)));
    onProgress?.(Math.min(start + chunk, toEmbed.length), toEmbed.length);
  }
  return entries.map((entry) => ({ ...entry.paper, vector: fresh.get(entry.paper.id) ?? keptVector(entry)! }));
}
