import { open, readFile, rename, rm } from "node:fs/promises";

/** The typed arrays a search index is made of. */
export type Section = Int32Array | Uint16Array | Uint8Array | Float64Array;
export type Sections = Record<string, Section>;

const MAGIC = "paperbot-index\n";
const KINDS = { Int32Array, Uint16Array, Uint8Array, Float64Array } as const;
type Kind = keyof typeof KINDS;
type Layout = { name: string; kind: Kind; offset: number; length: number };
type Header = { meta: unknown; sections: Layout[] };

/**
 * Writes typed arrays and a little JSON to one file, each array 8-byte
 * aligned, so that reading it back is one read and a view per array, with
 * no parsing. Written to a temporary name and renamed, so a reader never
 * sees half a file and two writers never mix.
 */
export async function writeIndexFile(path: string, meta: unknown, sections: Sections): Promise<void> {
  const layout: Layout[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(sections)) {
    layout.push({ name, kind: array.constructor.name as Kind, offset, length: array.length });
    offset = align(offset + array.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ meta, sections: layout } satisfies Header));
  const start = align(MAGIC.length + 4 + header.length);
  const prefix = Buffer.alloc(start);
  prefix.write(MAGIC);
  prefix.writeUInt32LE(header.length, MAGIC.length);
  header.copy(prefix, MAGIC.length + 4);
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, "w");
  try {
    await file.write(prefix);
    let position = start;
    for (const [i, array] of Object.values(sections).entries()) {
      position = start + layout[i]!.offset;
      if (array.byteLength > 0) await file.write(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), 0, array.byteLength, position);
    }
    await file.close();
    await rename(temporary, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

/** What `writeIndexFile` wrote, or undefined when the file is missing or not one of ours. */
export async function readIndexFile(path: string): Promise<{ meta: unknown; sections: Sections } | undefined> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch {
    return undefined;
  }
  if (data.toString("latin1", 0, MAGIC.length) !== MAGIC) return undefined;
  const headerLength = data.readUInt32LE(MAGIC.length);
  const header = JSON.parse(data.toString("utf8", MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as Header;
  const start = align(MAGIC.length + 4 + headerLength);
  // Views need their element alignment; a buffer from Node's pool may not start on one.
  const bytes = data.byteOffset % 8 === 0 ? data : new Uint8Array(data);
  const sections: Sections = {};
  for (const { name, kind, offset, length } of header.sections) {
    sections[name] = new KINDS[kind](bytes.buffer as ArrayBuffer, bytes.byteOffset + start + offset, length);
  }
  return { meta: header.meta, sections };
}

function align(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}
