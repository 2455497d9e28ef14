import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

export const SAMPLES_DIR = join(import.meta.dirname, "..", "..", "data", "samples");

export const SAMPLE = {
  cards: join(SAMPLES_DIR, "000_10f08f907b819cc1.txt"),
  cards2: join(SAMPLES_DIR, "001_fd76e297db6f6ad2.txt"),
  plain: join(SAMPLES_DIR, "002_85458a3da77be5e4.txt"),
  cards3: join(SAMPLES_DIR, "003_458a2df66067d1c8.txt"),
  compact: join(SAMPLES_DIR, "004_8db0a7968f59cab0.txt"),
};

export function readSample(path: string): Promise<string> {
  return readFile(path, "utf8");
}

/** A fresh temporary directory per test, removed afterwards. */
export function useTempDir(): () => Promise<string> {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), "paperbot-test-"));
    dirs.push(dir);
    return dir;
  };
}

export async function writeIn(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}
