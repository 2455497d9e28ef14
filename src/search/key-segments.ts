import { closeSync, openSync, readSync, writeSync } from "node:fs";

/**
 * Sorted runs of keys with their papers, written to disk a segment at a
 * time and merged into one table: how the title index of a large library is
 * built without all its keys in memory at once (5.3M keys and 38M postings
 * at a million papers, several GB as JavaScript maps). A segment's papers
 * all come after the previous segment's, so a key's papers from successive
 * segments, concatenated, are still in order.
 *
 * A segment file is a run of records, sorted by key (JavaScript string
 * order, the same in the writer and the merge): u32 key length in bytes,
 * the key as UTF-8, u32 paper count, the papers as i32, all little-endian.
 */

/** A key's papers in order: most keys have one, kept as a number rather than an array of one. */
export type Posting = number | number[];

/** Bytes buffered before each write to, and read at a time from, a segment file. */
const IO_BYTES = 1 << 22;

/** What a segment file holds, for sizing the merged table before it is made. */
export type SegmentInfo = { file: string; keys: number; keyBytes: number; postings: number };

/** Writes `postings`' keys in sorted order, prefixed with `prefix`, to a new segment file; the map is emptied. */
export function writeSegment(file: string, parts: { prefix: string; postings: Map<string, Posting> }[]): SegmentInfo {
  const fd = openSync(file, "w");
  const info: SegmentInfo = { file, keys: 0, keyBytes: 0, postings: 0 };
  let buffer = Buffer.allocUnsafe(IO_BYTES);
  let used = 0;
  const flush = () => {
    for (let done = 0; done < used; ) done += writeSync(fd, buffer, done, used - done);
    used = 0;
  };
  try {
    // The prefixes sort the parts: written in the order given, which must be theirs.
    for (const { prefix, postings } of parts) {
      const keys = [...postings.keys()].sort();
      for (const key of keys) {
        const docs = postings.get(key)!;
        const count = typeof docs === "number" ? 1 : docs.length;
        const text = prefix + key;
        const size = 8 + Buffer.byteLength(text) + 4 * count;
        if (used + size > buffer.length) flush();
        if (size > buffer.length) buffer = Buffer.allocUnsafe(size);
        const length = buffer.write(text, used + 4);
        buffer.writeUInt32LE(length, used);
        buffer.writeUInt32LE(count, used + 4 + length);
        let at = used + 8 + length;
        if (typeof docs === "number") buffer.writeInt32LE(docs, at);
        else for (const doc of docs) at = buffer.writeInt32LE(doc, at);
        used += size;
        info.keys++;
        info.keyBytes += length;
        info.postings += count;
      }
      postings.clear();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return info;
}

/** One segment file read record by record, in order. */
class SegmentReader {
  key = "";
  /** The current record's papers: bytes `docsAt` .. `docsAt + 4 * count` of `buffer`. */
  buffer = Buffer.allocUnsafe(IO_BYTES);
  docsAt = 0;
  count = 0;
  readonly #fd: number;
  #position = 0;
  #start = 0;
  #end = 0;

  constructor(file: string) {
    this.#fd = openSync(file, "r");
  }

  /** Moves to the next record; false at the end of the file. */
  next(): boolean {
    if (!this.#have(8)) return false;
    const length = this.buffer.readUInt32LE(this.#start);
    if (!this.#have(8 + length)) throw new Error("a title index segment ended early");
    const count = this.buffer.readUInt32LE(this.#start + 4 + length);
    if (!this.#have(8 + length + 4 * count)) throw new Error("a title index segment ended early");
    this.key = this.buffer.toString("utf8", this.#start + 4, this.#start + 4 + length);
    this.count = count;
    this.docsAt = this.#start + 8 + length;
    this.#start += 8 + length + 4 * count;
    return true;
  }

  close(): void {
    closeSync(this.#fd);
  }

  /** Whether `bytes` from the current record's start are in the buffer, reading (and growing it) as needed. */
  #have(bytes: number): boolean {
    if (this.#end - this.#start >= bytes) return true;
    const kept = this.#end - this.#start;
    const size = Math.max(this.buffer.length, bytes);
    const next = size > this.buffer.length ? Buffer.allocUnsafe(size) : this.buffer;
    this.buffer.copy(next, 0, this.#start, this.#end);
    this.buffer = next;
    this.#start = 0;
    this.#end = kept;
    while (this.#end < bytes) {
      const got = readSync(this.#fd, this.buffer, this.#end, this.buffer.length - this.#end, this.#position);
      if (got === 0) return false;
      this.#position += got;
      this.#end += got;
    }
    return true;
  }
}

/** The merged table: keys (UTF-8, in sorted order) with their runs of papers; the papers themselves went to `docsFile`. */
export type MergedKeys = { keyBytes: Uint8Array; keyOffsets: Int32Array; offsets: Int32Array; postings: number };

/**
 * Merges segment files into one sorted table of distinct keys. The key
 * arrays are allocated for the sum of the segments (an upper bound: a key
 * in several segments counts once) and returned as views of what was
 * filled, so their untouched tail never takes memory. The papers are
 * written to `docsFile` as i32, in the table's order, never all in memory.
 */
export function mergeSegments(segments: SegmentInfo[], docsFile: string): MergedKeys {
  const totalKeys = segments.reduce((sum, segment) => sum + segment.keys, 0);
  const keyBytes = Buffer.from(new ArrayBuffer(segments.reduce((sum, segment) => sum + segment.keyBytes, 0)));
  const keyOffsets = new Int32Array(totalKeys + 1);
  const offsets = new Int32Array(totalKeys + 1);
  const readers = segments.map((segment) => new SegmentReader(segment.file));
  const out = openSync(docsFile, "w");
  const docs = Buffer.allocUnsafe(IO_BYTES);
  let docsUsed = 0;
  const flushDocs = () => {
    for (let done = 0; done < docsUsed; ) done += writeSync(out, docs, done, docsUsed - done);
    docsUsed = 0;
  };
  let keys = 0;
  let postings = 0;
  try {
    // A binary heap of the readers with a record, smallest key first; a tie goes to the earlier segment, whose papers come first.
    const heap = readers.map((_, i) => i).filter((i) => readers[i]!.next());
    const before = (a: number, b: number) => readers[a]!.key < readers[b]!.key || (readers[a]!.key === readers[b]!.key && a < b);
    const down = (from: number) => {
      for (let at = from; ; ) {
        const left = 2 * at + 1;
        let least = at;
        if (left < heap.length && before(heap[left]!, heap[least]!)) least = left;
        if (left + 1 < heap.length && before(heap[left + 1]!, heap[least]!)) least = left + 1;
        if (least === at) return;
        [heap[at], heap[least]] = [heap[least]!, heap[at]!];
        at = least;
      }
    };
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
    let previous: string | undefined;
    while (heap.length > 0) {
      const reader = readers[heap[0]!]!;
      if (reader.key !== previous) {
        previous = reader.key;
        keyOffsets[keys + 1] = keyOffsets[keys]! + keyBytes.write(reader.key, keyOffsets[keys]!);
        keys++;
        offsets[keys] = offsets[keys - 1]!;
      }
      const bytes = 4 * reader.count;
      if (docsUsed + bytes > docs.length) flushDocs();
      if (bytes > docs.length) for (let done = 0; done < bytes; ) done += writeSync(out, reader.buffer, reader.docsAt + done, bytes - done);
      else docsUsed += reader.buffer.copy(docs, docsUsed, reader.docsAt, reader.docsAt + bytes);
      offsets[keys] = offsets[keys]! + reader.count;
      postings += reader.count;
      if (reader.next()) down(0);
      else {
        heap[0] = heap[heap.length - 1]!;
        heap.pop();
        down(0);
      }
    }
    flushDocs();
  } finally {
    closeSync(out);
    for (const reader of readers) reader.close();
  }
  return {
    keyBytes: new Uint8Array(keyBytes.buffer, 0, keyOffsets[keys]!),
    keyOffsets: keyOffsets.subarray(0, keys + 1),
    offsets: offsets.subarray(0, keys + 1),
    postings,
  };
}
