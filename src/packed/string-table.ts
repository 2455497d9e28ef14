/**
 * Strings held as UTF-8 in two typed arrays instead of millions of JS
 * strings: a large library's words, word pairs and titles cost a few bytes
 * each, and a list loads from a cache file as it is, with nothing to parse.
 */
export class StringList {
  readonly size: number;
  readonly bytes: Uint8Array;
  /** String i is bytes offsets[i] .. offsets[i+1]. */
  readonly offsets: Int32Array;
  readonly #text: Buffer;

  constructor(bytes: Uint8Array, offsets: Int32Array) {
    this.bytes = bytes;
    this.offsets = offsets;
    this.size = offsets.length - 1;
    this.#text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  static of(strings: readonly string[]): StringList {
    const offsets = new Int32Array(strings.length + 1);
    let total = 0;
    strings.forEach((text, i) => {
      total += Buffer.byteLength(text);
      offsets[i + 1] = total;
    });
    const bytes = Buffer.allocUnsafe(total);
    strings.forEach((text, i) => bytes.write(text, offsets[i]!));
    return new StringList(new Uint8Array(bytes.buffer, bytes.byteOffset, total), offsets);
  }

  at(i: number): string {
    return this.#text.toString("utf8", this.offsets[i]!, this.offsets[i + 1]!);
  }

  /** Whether string i is exactly these bytes. */
  equals(i: number, key: Uint8Array, length: number): boolean {
    const start = this.offsets[i]!;
    if (this.offsets[i + 1]! - start !== length) return false;
    for (let j = 0; j < length; j++) if (this.bytes[start + j] !== key[j]) return false;
    return true;
  }
}

/**
 * A set of distinct strings, each known by its position, with a hash table
 * (open addressing over a typed array) to find a string's position.
 */
export class StringTable extends StringList {
  /** Slot → position + 1, or 0 when empty; a power of two at least twice the size. */
  readonly slots: Int32Array;
  #scratch = new Uint8Array(256);

  constructor(bytes: Uint8Array, offsets: Int32Array, slots: Int32Array) {
    super(bytes, offsets);
    this.slots = slots;
  }

  /** `strings` must be distinct. */
  static override of(strings: readonly string[]): StringTable {
    return StringTable.ofList(StringList.of(strings));
  }

  /** The table of a list whose strings are distinct, sharing its bytes and offsets. */
  static ofList(list: StringList): StringTable {
    let capacity = 16;
    while (capacity < list.size * 2) capacity *= 2;
    const slots = new Int32Array(capacity);
    for (let i = 0; i < list.size; i++) {
      const start = list.offsets[i]!;
      let slot = hash(list.bytes, start, list.offsets[i + 1]!) & (capacity - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (capacity - 1);
      slots[slot] = i + 1;
    }
    return new StringTable(list.bytes, list.offsets, slots);
  }

  /** The position of `key`, or -1 when the table lacks it. */
  idOf(key: string): number {
    if (this.size === 0) return -1;
    if (this.#scratch.length < key.length * 3) this.#scratch = new Uint8Array(key.length * 3);
    const length = Buffer.from(this.#scratch.buffer).write(key);
    const mask = this.slots.length - 1;
    let slot = hash(this.#scratch, 0, length) & mask;
    for (let entry = this.slots[slot]!; entry !== 0; entry = this.slots[slot]!) {
      if (this.equals(entry - 1, this.#scratch, length)) return entry - 1;
      slot = (slot + 1) & mask;
    }
    return -1;
  }
}

/** FNV-1a over bytes start .. end. */
function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}
