import { constants } from "node:fs";
import { access, mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { PaperStore } from "../store/paper-store.ts";
import { readIndexFile } from "../packed/index-file.ts";
import { LibrarySnapshot, type ReadPapers } from "./snapshot.ts";
import { scanSnapshot, writeSnapshotFile, type Scan } from "./snapshot-scan.ts";

/**
 * Bump when what the snapshot holds changes meaning (tokenising, names,
 * layout): a cache file of another format is ignored and rebuilt.
 */
const FORMAT = "snapshot-17";
/** The text index's and the title index's postings, most of a large library's index: left in the file and read a term or a name at a time. */
const ON_DISK = new Set(["text.docs", "text.title", "text.abstract", "titles.docs"]);

/** search-<version>-<rows>.idx */
const FILE = /^search-(\d+)-\d+\.idx$/;
// The row count tells apart two libraries that reached the same version number (one deleted and built again).
const fileName = (version: number, rows: number) => `search-${version}-${rows}.idx`;

/**
 * `dir`: where to keep the snapshot between processes; none keeps it in memory only.
 * `staleMs`: how long a question waits for a newer snapshot before the previous one answers it.
 */
export type SnapshotCacheOptions = { dir?: string | undefined; onError?: (error: unknown) => void; staleMs?: number };

/** Long enough that a small or mid-sized library's new papers are always searched at once. */
const STALE_AFTER_MS = 2_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * One snapshot per library version. Building one reads every paper, so it
 * happens once per version: the first process to need it writes it to
 * `dir`, and every later start loads that file, whatever the library's size.
 */
export class SnapshotCache {
  readonly #store: PaperStore;
  readonly #options: SnapshotCacheOptions;
  /** The newest snapshot built so far, and the one being built for a newer version. */
  #ready: { version: number; snapshot: LibrarySnapshot } | undefined;
  #pending: { version: number; snapshot: Promise<LibrarySnapshot> } | undefined;

  constructor(store: PaperStore, options: SnapshotCacheOptions = {}) {
    this.#store = store;
    this.#options = options;
  }

  /**
   * The snapshot of the library's current version. When the library has
   * changed under a running process (a scheduled fetch) and the new snapshot
   * takes longer than `staleMs` to build, questions are answered from the
   * previous one meanwhile instead of waiting: a large library takes tens of
   * seconds to index, a small one milliseconds.
   */
  async get(): Promise<LibrarySnapshot> {
    const version = await this.#store.version();
    if (this.#ready?.version === version) return this.#ready.snapshot;
    if (this.#pending?.version !== version) this.#pending = { version, snapshot: this.#build(version) };
    const building = this.#pending.snapshot;
    const stale = this.#ready?.snapshot;
    if (!stale) return building;
    const waited = await Promise.race([building.catch(() => stale), delay(this.#options.staleMs ?? STALE_AFTER_MS).then(() => stale)]);
    return waited;
  }

  /**
   * Writes the cache file of the library as it is now unless it is there,
   * without loading it (the next process does), and returns the version it
   * is for; undefined without `dir` or when it could not be written (said
   * to `onError`). For an ingest, which has no question to answer.
   */
  async writeFile(): Promise<number | undefined> {
    const { dir } = this.#options;
    if (dir === undefined) return undefined;
    const version = await this.#store.version();
    const file = join(dir, fileName(version, await this.#store.count()));
    if (await access(file).then(() => true, () => false)) return version;
    return this.#save(dir, file, version, this.#scan).then(
      () => version,
      (error) => void this.#options.onError?.(error),
    );
  }

  #build(version: number): Promise<LibrarySnapshot> {
    const snapshot = this.#load(version);
    snapshot.then(
      (built) => {
        if (!this.#ready || this.#ready.version < version) this.#ready = { version, snapshot: built };
        if (this.#pending?.version === version) this.#pending = undefined;
      },
      // A failed build is not kept: the next question tries again.
      () => {
        if (this.#pending?.version === version) this.#pending = undefined;
      },
    );
    return snapshot;
  }

  async #load(version: number): Promise<LibrarySnapshot> {
    const read = (ids: string[]) => this.#store.get(ids);
    const { dir } = this.#options;
    const file = dir === undefined ? undefined : join(dir, fileName(version, await this.#store.count()));
    const cached = file ? await this.#read(file, read) : undefined;
    if (cached) return cached;
    const scan = this.#scan;
    if (dir && file) {
      // Built straight into the file, whose largest arrays then stay on disk: never whole in this process's memory.
      const saved = await this.#save(dir, file, version, scan).then(
        () => true,
        (error) => void this.#options.onError?.(error),
      );
      const written = saved ? await this.#read(file, read) : undefined;
      if (written) return written;
    }
    return scanSnapshot(scan, read);
  }

  async #read(file: string, read: ReadPapers): Promise<LibrarySnapshot | undefined> {
    const cached = await readIndexFile(file, { onDisk: (name) => ON_DISK.has(name) }).catch(() => undefined);
    if (!cached || (cached.meta as { format?: string }).format !== FORMAT) return undefined;
    return LibrarySnapshot.fromSections(cached.sections, read, cached.onDisk);
  }

  readonly #scan: Scan = (batchSize, fields) => this.#store.scanFields(batchSize, fields);

  async #save(dir: string, file: string, version: number, scan: Scan): Promise<void> {
    await mkdir(dir, { recursive: true });
    // Checked first: the build is the slow part, and a folder that cannot be written would waste it.
    await access(dir, constants.W_OK);
    await writeSnapshotFile(scan, file, { format: FORMAT });
    // Only older versions go: another process may already have written a newer one.
    const stale = (await readdir(dir)).filter((name) => {
      const found = FILE.exec(name);
      return found !== null && Number(found[1]) <= version && join(dir, name) !== file;
    });
    await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
  }
}
