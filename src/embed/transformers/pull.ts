import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describeNetworkError } from "../../network-error.ts";
import { MODEL_FILES, missingModelFiles, modelDir } from "./model-files.ts";
import { ModelError } from "./model-error.ts";

export type PullOptions = {
  model: string;
  cacheDir: string;
  /** Base URL of a Hugging Face-style host: files are at `<host>/<model>/resolve/main/<file>`. */
  host: string;
  fetch?: typeof fetch;
  onFile?: (event: { file: string; bytes: number; skipped: boolean }) => void;
};

export type PullResult = { model: string; dir: string; fetched: string[]; kept: string[]; bytes: number };

/**
 * Fetches a model's files into the cache, once: files already there are
 * kept. Each file is written beside its place and renamed into it, so an
 * interrupted pull never leaves a truncated file that looks complete.
 */
export async function pullModel(options: PullOptions): Promise<PullResult> {
  const { model, cacheDir, host } = options;
  const get = options.fetch ?? fetch;
  const dir = modelDir(cacheDir, model);
  const missing = new Set(await missingModelFiles(cacheDir, model));
  const result: PullResult = { model, dir, fetched: [], kept: [], bytes: 0 };
  for (const file of MODEL_FILES) {
    if (!missing.has(file)) {
      result.kept.push(file);
      options.onFile?.({ file, bytes: 0, skipped: true });
      continue;
    }
    const url = `${host}/${model}/resolve/main/${file}`;
    const bytes = await download(get, url, model, host);
    const target = join(dir, file);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    try {
      await writeFile(partial, bytes);
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw new ModelError("MODEL_PULL_FAILED", `Could not write ${target}: ${(error as Error).message}. Check that PAPERBOT_MODEL_CACHE (${cacheDir}) is writable.`, { cause: error });
    }
    result.fetched.push(file);
    result.bytes += bytes.length;
    options.onFile?.({ file, bytes: bytes.length, skipped: false });
  }
  return result;
}

async function download(get: typeof fetch, url: string, model: string, host: string): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await get(url, { redirect: "follow" });
  } catch (error) {
    throw new ModelError("MODEL_PULL_FAILED", `Could not fetch ${url}: ${describeNetworkError(error)}. Check your connection, or point PAPERBOT_MODEL_HOST at a reachable mirror.`, { cause: error });
  }
  if (!response.ok) {
    const hint =
      response.status === 404
        ? `Check the model name (${model}: a repository with a quantised ONNX export, such as Xenova/bge-small-en-v1.5) or PAPERBOT_MODEL_HOST (${host}).`
        : response.status === 401 || response.status === 403
          ? "The host refused access: the model may be gated or private; pick a public one."
          : "Try again later, or point PAPERBOT_MODEL_HOST at a mirror.";
    throw new ModelError("MODEL_PULL_FAILED", `Could not fetch ${url}: HTTP ${response.status}. ${hint}`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length === 0) throw new ModelError("MODEL_PULL_FAILED", `${url} was empty. Try again, or point PAPERBOT_MODEL_HOST at another mirror.`);
  return bytes;
}
