import type { Embedder } from "../embedder.ts";
import { missingModelFiles, pullCommand } from "./model-files.ts";
import { ModelError } from "./model-error.ts";
import { prefixesFor, type Prefixes } from "./prefixes.ts";
import { loadExtractor, type Extract } from "./runtime.ts";

export type TransformersEmbedderOptions = {
  model: string;
  cacheDir: string;
  /** The model `paperbot model pull` fetches without --model, so the error names the shortest command. */
  defaultModel?: string;
  batchSize?: number;
};

/**
 * A small sentence-embedding model (all-MiniLM, bge-small class; quantised
 * ONNX) run locally by transformers.js: mean pooling over the tokens, then
 * unit length. The model is read from the cache `paperbot model pull` filled;
 * nothing is downloaded here.
 */
export class TransformersEmbedder implements Embedder {
  readonly id: string;
  readonly dims: number;
  readonly #extract: Extract;
  readonly #prefixes: Prefixes;
  readonly #batchSize: number;

  private constructor(model: string, dims: number, extract: Extract, batchSize: number) {
    this.id = `transformers:${model}`;
    this.dims = dims;
    this.#extract = extract;
    this.#prefixes = prefixesFor(model);
    this.#batchSize = batchSize;
  }

  static async create(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const { model, cacheDir } = options;
    const missing = await missingModelFiles(cacheDir, model);
    if (missing.length > 0) {
      throw new ModelError(
        "MODEL_MISSING",
        `The model ${model} is not in the model cache (${cacheDir}; missing ${missing.join(", ")}). Fetch it once with \`${pullCommand(model, options.defaultModel ?? model)}\`, or unset PAPERBOT_EMBEDDER to use the offline embedder.`,
      );
    }
    const extract = await loadExtractor(cacheDir, model);
    const probe = await extract(["dimensions"]);
    return new TransformersEmbedder(model, probe.dims.at(-1)!, extract, options.batchSize ?? 32);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.#batchSize) {
      const batch = texts.slice(start, start + this.#batchSize).map((text) => this.#prefixes.document + text);
      vectors.push(...(await this.#embed(batch)));
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.#embed([this.#prefixes.query + text]))[0]!;
  }

  async #embed(texts: string[]): Promise<number[][]> {
    const { data } = await this.#extract(texts);
    return texts.map((_, row) => Array.from({ length: this.dims }, (_, d) => data[row * this.dims + d]!));
  }
}
