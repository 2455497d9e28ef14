import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFully } from "../packed/index-file.ts";

/** Entries per chunk: 1M, 6 MB. */
const CHUNK = 1 << 20;

type Chunk = { ids: Int32Array; title: Uint8Array; abstract: Uint8Array };

/**
 * Term ids with their title and abstract counts, in paper order, in
 * fixed-size chunks. Each full chunk is written to a temporary file and its
 * buffers reused, so memory holds one chunk whatever the library's size;
 * the file is read back, in order, once per pass of the layout.
 */
export class SpilledPostings {
  length = 0;
  readonly #size: number;
  readonly #chunk: Chunk;
  #spill: { dir: string; fd: number; chunks: number } | undefined;

  /** `size`: entries per chunk; tests give fewer, to see several. */
  constructor(size = CHUNK) {
    this.#size = size;
    this.#chunk = newChunk(size);
  }

  push(id: number, title: number, abstract: number): void {
    const at = this.length % this.#size;
    if (at === 0 && this.length > 0) this.#spillChunk();
    const chunk = this.#chunk;
    chunk.ids[at] = id;
    chunk.title[at] = title;
    chunk.abstract[at] = abstract;
    this.length++;
  }

  /** Every chunk in order, with how many of its entries are filled. */
  forEachChunk(visit: (ids: Int32Array, title: Uint8Array, abstract: Uint8Array, count: number) => void): void {
    const spill = this.#spill;
    if (spill) {
      const buffer = newChunk(this.#size);
      for (let c = 0; c < spill.chunks; c++) {
        let position = c * this.#size * 6;
        for (const array of [buffer.ids, buffer.title, buffer.abstract]) {
          readFully(spill.fd, new Uint8Array(array.buffer), position, "the postings spill file");
          position += array.byteLength;
        }
        visit(buffer.ids, buffer.title, buffer.abstract, this.#size);
      }
    }
    const filled = this.length - (spill?.chunks ?? 0) * this.#size;
    visit(this.#chunk.ids, this.#chunk.title, this.#chunk.abstract, filled);
  }

  /** Removes the spill file; the entries cannot be read again. */
  dispose(): void {
    if (!this.#spill) return;
    closeSync(this.#spill.fd);
    rmSync(this.#spill.dir, { recursive: true, force: true });
    this.#spill = undefined;
  }

  #spillChunk(): void {
    if (!this.#spill) {
      const dir = mkdtempSync(join(tmpdir(), "paperbot-postings-"));
      this.#spill = { dir, fd: openSync(join(dir, "postings"), "w+"), chunks: 0 };
    }
    const { fd } = this.#spill;
    for (const array of [this.#chunk.ids, this.#chunk.title, this.#chunk.abstract]) {
      const bytes = new Uint8Array(array.buffer);
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    }
    this.#spill.chunks++;
  }
}

function newChunk(size: number): Chunk {
  return { ids: new Int32Array(size), title: new Uint8Array(size), abstract: new Uint8Array(size) };
}
