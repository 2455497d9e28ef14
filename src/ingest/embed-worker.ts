/**
 * A second offline embedder in a worker thread (see embed-helper.ts): it
 * embeds some of each batch's chunks while the ingest's own thread embeds
 * the others. Vectors go back as one Float32Array per chunk, moved rather
 * than copied.
 */
import { parentPort } from "node:worker_threads";
import { LocalEmbedder } from "../embed/local.ts";

export type EmbedRequest = { id: number; texts: string[] };
export type EmbedAnswer = { id: number; vectors: Float32Array } | { id: number; error: string };

const port = parentPort!;
const embedder = LocalEmbedder.create();

port.on("message", async ({ id, texts }: EmbedRequest) => {
  try {
    const local = await embedder;
    const vectors = new Float32Array(texts.length * local.dims);
    (await local.embedDocuments(texts)).forEach((vector, i) => vectors.set(vector, i * local.dims));
    port.postMessage({ id, vectors } satisfies EmbedAnswer, [vectors.buffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies EmbedAnswer);
  }
});
