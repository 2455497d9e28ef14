import { createRequire } from "node:module";
import type OpenAI from "openai";
import { DEFAULT_EMBEDDER_MODEL, type Config } from "../config.ts";
import type { Embedder } from "./embedder.ts";
import { LocalEmbedder } from "./local.ts";
import { OpenAIEmbedder, resolveDims } from "./openai.ts";

/**
 * Loaded when a client is made, not at start: the offline default never needs the SDK, and importing it costs every
 * command about 70 ms (150 modules). Its CommonJS build, so this stays synchronous; errors are told apart by name
 * (llm-call.ts), never by class, so the two builds cannot disagree.
 */
const load = () => createRequire(import.meta.url)("openai") as typeof import("openai");

export function createOpenAIClient(openai: Config["openai"]): OpenAI {
  const { OpenAI: Client } = load();
  return new Client({
    // Local OpenAI-compatible servers (Ollama, vLLM) accept any key.
    apiKey: openai.apiKey ?? "not-needed",
    ...(openai.baseURL && { baseURL: openai.baseURL }),
    timeout: openai.timeoutMs,
    maxRetries: openai.maxRetries,
  });
}

export async function createEmbedder(config: Pick<Config, "embedder" | "openai">): Promise<Embedder> {
  const settings = config.embedder;
  if (settings.kind === "local") return LocalEmbedder.create();
  if (settings.kind === "transformers") {
    // Imported only when chosen: it loads a native ONNX runtime the offline default never needs.
    const { TransformersEmbedder } = await import("./transformers/transformers-embedder.ts");
    return TransformersEmbedder.create({ model: settings.model, cacheDir: settings.cacheDir, defaultModel: DEFAULT_EMBEDDER_MODEL });
  }
  const client = createOpenAIClient(config.openai);
  const dims = await resolveDims(client, settings.model, settings.dimensions);
  return new OpenAIEmbedder({
    client,
    model: settings.model,
    dims,
    batchSize: settings.batchSize,
    ...(settings.dimensions && { requestDimensions: settings.dimensions }),
  });
}
