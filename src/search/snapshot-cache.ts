import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { PaperStore } from "../store/paper-store.ts";
import { readIndexFile, writeIndexFile } from "../packed/index-file.ts";
import { LibrarySnapshot } from "./snapshot.ts";

/**
 * Bump when what the snapshot holds changes meaning (tokenising, names,
 * layout): a cache file of another format is ignored and rebuilt.
 */
const FORMAT = "snapshot-2";
const FILE = /^search-.*\.idx$/;

/** `dir`: where to keep the snapshot between processes; none keeps it in memory only. */
export type SnapshotCacheOptions = { dir?: string | undefined; onError?: (error: unknown) => void };

/**
 * One snapshot per library version. Building one reads every paper, so it
 * happens once per version: the first process to need it writes it to
 * `dir`, and every later start loads that file, whatever the library's size.
 */
export class SnapshotCache {
  readonly #store: PaperStore;
  readonly #options: SnapshotCacheOptions;
  #current: { version: number; snapshot: Promise<LibrarySnapshot> } | undefined;

  constructor(store: PaperStore, options: SnapshotCacheOptions = {}) {
    this.#store = store;
    this.#options = options;
  }

  async get(): Promise<LibrarySnapshot> {
    const version = await this.#store.version();
    if (this.#current?.version !== version) {
      const snapshot = this.#load(version);
      this.#current = { version, snapshot };
      // A failed build is not kept: the next question tries again.
      snapshot.catch(() => {
        if (this.#current?.snapshot === snapshot) this.#current = undefined;
      });
    }
    return this.#current.snapshot;
  }

  async #load(version: number): Promise<LibrarySnapshot> {
    const read = (ids: string[]) => this.#store.get(ids);
    const { dir } = this.#options;
    // The row count tells apart two libraries that reached the same version number (one deleted and built again).
    const file = dir === undefined ? undefined : join(dir, `search-${version}-${await this.#store.count()}.idx`);
    if (file) {
      const cached = await readIndexFile(file).catch(() => undefined);
      if (cached && (cached.meta as { format?: string }).format === FORMAT) return LibrarySnapshot.fromSections(cached.sections, read);
    }
    const snapshot = LibrarySnapshot.build(await this.#store.list(), read);
    if (dir && file) await this.#save(dir, file, snapshot).catch((error) => this.#options.onError?.(error));
    return snapshot;
  }

  async #save(dir: string, file: string, snapshot: LibrarySnapshot): Promise<void> {
    await mkdir(dir, { recursive: true });
    await writeIndexFile(file, { format: FORMAT }, snapshot.sections());
    const stale = (await readdir(dir)).filter((name) => FILE.test(name) && join(dir, name) !== file);
    await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
  }
}
