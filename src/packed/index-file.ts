import { close, openSync, readSync } from "node:fs";
import { open, rename, rm, type FileHandle } from "node:fs/promises";

/** The typed arrays a search index is made of. */
export type Section = Int32Array | Uint16Array | Uint8Array | Float64Array;
export type Sections = Record<string, Section>;

const MAGIC = "paperbot-index\n";
const KINDS = { Int32Array, Uint16Array, Uint8Array, Float64Array } as const;
export type Kind = keyof typeof KINDS;
type Layout = { name: string; kind: Kind; offset: number; length: number };
type Header = { meta: unknown; sections: Layout[] };

/**
 * Sections too large to hold at once, written in pieces: their kinds and
 * lengths are known up front (for the header), and `fill` hands over each
 * piece with its first element's index, in any order. A piece's array may
 * be reused for the next piece once its `put` has resolved.
 */
export type DeferredSections = {
  layout: Record<string, { kind: Kind; length: number }>;
  fill(put: (name: string, start: number, piece: Section) => Promise<void>): Promise<void>;
};

/**
 * Writes typed arrays and a little JSON to one file, each array 8-byte
 * aligned, so that reading one back is a single read into an array of its
 * kind, with no parsing, or none at all for one left on disk. `deferred`
 * sections follow the others, written as their `fill` produces them.
 * Written to a temporary name and renamed, so a reader never sees half a
 * file and two writers never mix.
 */
export async function writeIndexFile(path: string, meta: unknown, sections: Sections, deferred?: DeferredSections): Promise<void> {
  const layout: Layout[] = [];
  let offset = 0;
  const place = (name: string, kind: Kind, length: number) => {
    layout.push({ name, kind, offset, length });
    offset = align(offset + length * KINDS[kind].BYTES_PER_ELEMENT);
  };
  for (const [name, array] of Object.entries(sections)) place(name, array.constructor.name as Kind, array.length);
  for (const [name, { kind, length }] of Object.entries(deferred?.layout ?? {})) place(name, kind, length);
  const header = Buffer.from(JSON.stringify({ meta, sections: layout } satisfies Header));
  const start = align(MAGIC.length + 4 + header.length);
  const prefix = Buffer.alloc(start);
  prefix.write(MAGIC);
  prefix.writeUInt32LE(header.length, MAGIC.length);
  header.copy(prefix, MAGIC.length + 4);
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, "w");
  const write = async (at: number, array: Section) => {
    if (array.byteLength > 0) await file.write(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), 0, array.byteLength, at);
  };
  try {
    await file.write(prefix);
    for (const [i, array] of Object.values(sections).entries()) await write(start + layout[i]!.offset, array);
    const byName = new Map(layout.map((entry) => [entry.name, entry]));
    await deferred?.fill(async (name, first, piece) => {
      const entry = byName.get(name);
      if (!entry || first + piece.length > entry.length) throw new Error(`no room for ${piece.length} elements of ${name} at ${first}`);
      await write(start + entry.offset + first * piece.BYTES_PER_ELEMENT, piece);
    });
    await file.close();
    await rename(temporary, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Deferred sections made whole in memory, for an index that is not written to a file. */
export async function materialize(deferred: DeferredSections): Promise<Sections> {
  const sections: Sections = Object.fromEntries(Object.entries(deferred.layout).map(([name, { kind, length }]) => [name, new KINDS[kind](length)]));
  await deferred.fill(async (name, start, piece) => void (sections[name] as Int32Array).set(piece as Int32Array, start));
  return sections;
}

/**
 * A section left in the file and read a slice at a time (positioned reads,
 * served from the OS page cache once warm): the largest arrays of a large
 * library's index need not be in memory, nor read at start-up.
 */
export class FileSection {
  readonly kind: Kind;
  readonly length: number;
  /** Shared by every section of one file; the descriptor is closed once no section refers to it. */
  readonly #file: { fd: number };
  readonly #position: number;

  constructor(file: { fd: number }, kind: Kind, position: number, length: number) {
    this.#file = file;
    this.kind = kind;
    this.#position = position;
    this.length = length;
  }

  /** Elements start .. start + count, as a typed array of the section's kind. */
  read(start: number, count: number): Section {
    const array = new KINDS[this.kind](count);
    readFully(this.#file.fd, new Uint8Array(array.buffer), this.#position + start * array.BYTES_PER_ELEMENT, `index file (section of ${this.length} ${this.kind})`);
    return array;
  }
}

/** Fills `bytes` from the file at `position`, however many reads that takes; `what` names the file if it ends early. */
export function readFully(fd: number, bytes: Uint8Array, position: number, what: string): void {
  for (let done = 0; done < bytes.length; ) {
    const got = readSync(fd, bytes, done, bytes.length - done, position + done);
    if (got === 0) throw new Error(`${what} ended early`);
    done += got;
  }
}

/** Closes a file whose sections are read on demand once nothing refers to them any more. */
const closeWhenCollected = new FinalizationRegistry<number>((fd) => close(fd, () => undefined));

/**
 * What `writeIndexFile` wrote, or undefined when the file is missing or not
 * one of ours. Sections `onDisk` names stay in the file (see FileSection);
 * the others are read into memory.
 */
export async function readIndexFile(path: string, options: { onDisk?: (name: string) => boolean } = {}): Promise<{ meta: unknown; sections: Sections; onDisk: Record<string, FileSection> } | undefined> {
  let file: FileHandle;
  try {
    file = await open(path, "r");
  } catch {
    return undefined;
  }
  try {
    const prefix = Buffer.alloc(MAGIC.length + 4);
    await file.read(prefix, 0, prefix.length, 0);
    if (prefix.toString("latin1", 0, MAGIC.length) !== MAGIC) return undefined;
    const headerLength = prefix.readUInt32LE(MAGIC.length);
    const headerBytes = Buffer.alloc(headerLength);
    if ((await file.read(headerBytes, 0, headerLength, prefix.length)).bytesRead !== headerLength) return undefined;
    const header = JSON.parse(headerBytes.toString("utf8")) as Header;
    const start = align(MAGIC.length + 4 + headerLength);
    const sections: Sections = {};
    const onDisk: Record<string, FileSection> = {};
    // On-disk sections read through a plain descriptor of their own: a FileHandle would be closed by the
    // garbage collector with a warning, and this one is closed when the sections are collected.
    let shared: { fd: number } | undefined;
    for (const { name, kind, offset, length } of header.sections) {
      if (options.onDisk?.(name)) {
        if (!shared) closeWhenCollected.register((shared = { fd: openSync(path, "r") }), shared.fd);
        onDisk[name] = new FileSection(shared, kind, start + offset, length);
        continue;
      }
      const array = new KINDS[kind](length);
      const bytes = new Uint8Array(array.buffer);
      const { bytesRead } = await file.read(bytes, 0, bytes.length, start + offset);
      if (bytesRead !== bytes.length) return undefined;
      sections[name] = array;
    }
    return { meta: header.meta, sections, onDisk };
  } finally {
    await file.close();
  }
}

function align(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}
