import { access } from "node:fs/promises";
import { join } from "node:path";

/**
 * The files of a sentence-embedding model, by their path inside its
 * repository: what `paperbot model pull` fetches and what the embedder loads.
 * The quantised ONNX export is the one transformers.js loads with dtype "q8".
 */
export const MODEL_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model_quantized.onnx"] as const;

/** `owner/name` is kept as `<cacheDir>/owner/name/`, the layout transformers.js reads locally. */
export function modelDir(cacheDir: string, model: string): string {
  return join(cacheDir, ...model.split("/"));
}

export async function missingModelFiles(cacheDir: string, model: string): Promise<string[]> {
  const dir = modelDir(cacheDir, model);
  const missing: string[] = [];
  for (const file of MODEL_FILES) {
    try {
      await access(join(dir, file));
    } catch {
      missing.push(file);
    }
  }
  return missing;
}

export function pullCommand(model: string, defaultModel: string): string {
  return model === defaultModel ? "paperbot model pull" : `paperbot model pull --model ${model}`;
}
