import { FileSection, type Sections } from "../packed/index-file.ts";

/** One term's postings: the papers holding it, in order, with its count in each one's title and abstract. */
export type Run = { docs: Int32Array; title: Uint8Array; abstract: Uint8Array };

/** Every term's run of postings; term t's run is positions offsets[t] .. offsets[t+1]. */
export interface Postings {
  run(term: number, from: number, to: number): Run;
  /** The postings as arrays, to write to a cache file. */
  sections(): Sections;
}

/** Postings held in memory, as a build makes them. */
export class MemoryPostings implements Postings {
  readonly #docs: Int32Array;
  readonly #title: Uint8Array;
  readonly #abstract: Uint8Array;

  constructor(docs: Int32Array, title: Uint8Array, abstract: Uint8Array) {
    this.#docs = docs;
    this.#title = title;
    this.#abstract = abstract;
  }

  run(_term: number, from: number, to: number): Run {
    return { docs: this.#docs.subarray(from, to), title: this.#title.subarray(from, to), abstract: this.#abstract.subarray(from, to) };
  }

  sections(): Sections {
    return { docs: this.#docs, title: this.#title, abstract: this.#abstract };
  }
}

/** How many bytes of runs read from the file are kept for the next questions (the common words recur). */
const KEPT_BYTES = 32 * 1024 * 1024;

/**
 * Postings left in the cache file and read a run at a time: they are most
 * of a large library's index, and a question reads a few dozen runs. Recent
 * runs are kept, up to KEPT_BYTES.
 */
export class FilePostings implements Postings {
  readonly #docs: FileSection;
  readonly #title: FileSection;
  readonly #abstract: FileSection;
  readonly #kept = new Map<number, Run>();
  #keptBytes = 0;

  constructor(docs: FileSection, title: FileSection, abstract: FileSection) {
    this.#docs = docs;
    this.#title = title;
    this.#abstract = abstract;
  }

  run(term: number, from: number, to: number): Run {
    const kept = this.#kept.get(term);
    if (kept) {
      // Most recently used last, so the oldest go first.
      this.#kept.delete(term);
      this.#kept.set(term, kept);
      return kept;
    }
    const count = to - from;
    const run = {
      docs: this.#docs.read(from, count) as Int32Array,
      title: this.#title.read(from, count) as Uint8Array,
      abstract: this.#abstract.read(from, count) as Uint8Array,
    };
    this.#kept.set(term, run);
    this.#keptBytes += count * 6;
    for (const [oldest, old] of this.#kept) {
      if (this.#keptBytes <= KEPT_BYTES) break;
      this.#kept.delete(oldest);
      this.#keptBytes -= old.docs.length * 6;
    }
    return run;
  }

  sections(): Sections {
    const all = (section: FileSection) => section.read(0, section.length);
    return { docs: all(this.#docs), title: all(this.#title), abstract: all(this.#abstract) };
  }
}
