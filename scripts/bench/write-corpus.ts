import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { once } from "node:events";
import { syntheticCorpus, type SeedPaper } from "./corpus.ts";

export type CorpusFiles = { file: string; shardDir?: string; bytes: number };

/**
 * Writes `size` synthetic papers as one JSON Lines file, and with `shards`
 * also split over that many files in a directory of their own, streamed
 * (a million papers never sit in memory at once).
 */
export async function writeCorpus(seed: SeedPaper[], size: number, dir: string, shards = 0): Promise<CorpusFiles> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `papers-${size}.jsonl`);
  const whole = createWriteStream(file);
  const shardDir = shards > 0 ? join(dir, `shards-${size}`) : undefined;
  if (shardDir) await mkdir(shardDir, { recursive: true });
  const parts = Array.from({ length: shards }, (_, i) => createWriteStream(join(shardDir!, `part-${String(i).padStart(3, "0")}.jsonl`)));
  const perShard = Math.ceil(size / Math.max(1, shards));
  let bytes = 0;
  let i = 0;
  for (const paper of syntheticCorpus(seed, size)) {
    const line = `${JSON.stringify(paper)}\n`;
    bytes += Buffer.byteLength(line);
    await write(whole, line);
    if (shards > 0) await write(parts[Math.floor(i / perShard)]!, line);
    i++;
  }
  await Promise.all([whole, ...parts].map((stream) => new Promise((resolve) => stream.end(resolve))));
  return { file, bytes, ...(shardDir && { shardDir }) };
}

async function write(stream: WriteStream, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, "drain");
}
