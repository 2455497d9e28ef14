import type OpenAI from "openai";
import { PaperbotError } from "../errors.ts";
import type { Embedder } from "./embedder.ts";

export type OpenAIEmbedderOptions = {
  client: OpenAI;
  model: string;
  dims: number;
  /** Sent as `dimensions` for models that can shorten their vectors. */
  requestDimensions?: number;
  batchSize: number;
};

/** Any OpenAI-compatible `/embeddings` endpoint: OpenAI, Ollama, vLLM, a proxy. */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly dims: number;
  readonly #options: OpenAIEmbedderOptions;

  constructor(options: OpenAIEmbedderOptions) {
    this.#options = options;
    this.id = `openai:${options.model}`;
    this.dims = options.dims;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.#options.batchSize) {
      vectors.push(...(await this.#embed(texts.slice(start, start + this.#options.batchSize))));
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.#embed([text]))[0]!;
  }

  async #embed(input: string[]): Promise<number[][]> {
    const { client, model, requestDimensions } = this.#options;
    let response: OpenAI.CreateEmbeddingResponse;
    try {
      response = await client.embeddings.create({ model, input, encoding_format: "float", ...(requestDimensions && { dimensions: requestDimensions }) });
    } catch (cause) {
      throw new PaperbotError("EMBEDDER_FAILED", `The embedding service failed for model '${model}': ${(cause as Error).message}. Check OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_EMBEDDING_MODEL.`, { cause });
    }
    const ordered = [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
    if (ordered.length !== input.length || ordered.some((vector) => vector.length !== this.dims)) {
      throw new PaperbotError("EMBEDDER_FAILED", `The embedding service returned ${ordered.length} vectors of ${ordered[0]?.length ?? 0} dimensions for ${input.length} texts; expected ${this.dims} dimensions. Set OPENAI_EMBEDDING_DIMENSIONS to the model's size.`);
    }
    return ordered;
  }
}

const KNOWN_DIMS: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
};

/** Dimensions from configuration, a known model, or one probe request. */
export async function resolveDims(client: OpenAI, model: string, configured?: number): Promise<number> {
  if (configured) return configured;
  const known = KNOWN_DIMS[model];
  if (known) return known;
  try {
    const response = await client.embeddings.create({ model, input: ["dimension probe"], encoding_format: "float" });
    return response.data[0]!.embedding.length;
  } catch (cause) {
    throw new PaperbotError("EMBEDDER_FAILED", `Could not reach the embedding model '${model}' to learn its size: ${(cause as Error).message}. Check OPENAI_BASE_URL and OPENAI_API_KEY, or set OPENAI_EMBEDDING_DIMENSIONS.`, { cause });
  }
}
