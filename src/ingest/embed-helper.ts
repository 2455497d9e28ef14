import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Embedder } from "../embed/embedder.ts";
import { LocalEmbedder } from "../embed/local.ts";
import type { EmbedAnswer, EmbedRequest } from "./embed-worker.ts";

/** Chunks handed to the worker and not yet answered: enough that it never waits for the next, few enough to share the work evenly. */
const IN_FLIGHT = 2;

/**
 * The offline embedder's twin in a worker thread, for a large ingest: while
 * the ingest's thread parses, compares and writes, a second core is mostly
 * idle, and embedding is about half of that thread's work. Only for the
 * offline embedder (a model runs its own threads, a remote one waits on
 * the network), and only with a second core.
 */
export class EmbedHelper {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (vectors: Float32Array) => void; reject: (error: unknown) => void }>();
  #next = 0;
  #failed: unknown;

  private constructor() {
    this.#worker = new Worker(new URL("./embed-worker.ts", import.meta.url));
    this.#worker.on("message", (answer: EmbedAnswer) => {
      const waiter = this.#waiting.get(answer.id);
      this.#waiting.delete(answer.id);
      if ("error" in answer) waiter?.reject(new Error(answer.error));
      else waiter?.resolve(answer.vectors);
    });
    this.#worker.on("error", (error) => this.#fail(error));
    this.#worker.on("exit", (code) => this.#fail(new Error(`the ingest's embedding worker stopped (exit code ${code})`)));
  }

  /** A helper for `embedder`, or undefined when it would not pay. */
  static for(embedder: Embedder): EmbedHelper | undefined {
    return embedder instanceof LocalEmbedder && availableParallelism() > 1 ? new EmbedHelper() : undefined;
  }

  /** Whether the worker can take another chunk now. */
  get free(): boolean {
    return this.#failed === undefined && this.#waiting.size < IN_FLIGHT;
  }

  /** The texts' vectors, one after another in one array. */
  embed(texts: string[]): Promise<Float32Array> {
    if (this.#failed) return Promise.reject(this.#failed);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, texts } satisfies EmbedRequest);
    });
  }

  async close(): Promise<void> {
    this.#worker.removeAllListeners("exit");
    await this.#worker.terminate();
  }

  #fail(error: unknown): void {
    this.#failed ??= error;
    for (const waiter of this.#waiting.values()) waiter.reject(error);
    this.#waiting.clear();
  }
}
