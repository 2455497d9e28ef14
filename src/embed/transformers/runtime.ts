import { ModelError } from "./model-error.ts";

type Transformers = typeof import("@huggingface/transformers");

/** Mean-pooled, normalised sentence vectors for a batch: [texts, dims]. */
export type Extract = (texts: string[]) => Promise<{ dims: number[]; data: ArrayLike<number> }>;

/**
 * Loads a model's feature-extraction pipeline from `<cacheDir>/<model>/` with
 * the network switched off: transformers.js may only read local files.
 * The package (and its native ONNX runtime) is imported here and nowhere
 * else, so the offline default never loads it.
 */
export async function loadExtractor(cacheDir: string, model: string): Promise<Extract> {
  const transformers = await importTransformers();
  transformers.env.allowRemoteModels = false;
  transformers.env.allowLocalModels = true;
  transformers.env.localModelPath = cacheDir.endsWith("/") ? cacheDir : `${cacheDir}/`;
  let pipe;
  try {
    pipe = await transformers.pipeline("feature-extraction", model, { dtype: "q8", device: "cpu" });
  } catch (error) {
    throw new ModelError("MODEL_LOAD_FAILED", `Could not load the model ${model} from ${cacheDir}: ${(error as Error).message}. Fetch it again with \`paperbot model pull --model ${model}\`.`, { cause: error });
  }
  return async (texts) => {
    const output = await pipe(texts, { pooling: "mean", normalize: true });
    return { dims: output.dims as number[], data: output.data as ArrayLike<number> };
  };
}

async function importTransformers(): Promise<Transformers> {
  try {
    return await import("@huggingface/transformers");
  } catch (error) {
    throw new ModelError(
      "MODEL_RUNTIME_MISSING",
      "PAPERBOT_EMBEDDER=transformers needs the optional package @huggingface/transformers, which is not installed or cannot load on this platform: run `npm install --include=optional`, or unset PAPERBOT_EMBEDDER to use the offline embedder.",
      { cause: error },
    );
  }
}
