import { Int32List } from "./growable.ts";
import { StringList } from "./string-table.ts";

/**
 * A StringList made one string at a time, each written as UTF-8 as it
 * comes: a million papers' ids and titles are 150 MB of JS strings held
 * until the end, and 100 MB of bytes this way.
 */
export class StringListBuilder {
  #bytes = Buffer.allocUnsafe(64 * 1024);
  readonly #offsets = new Int32List();
  #used = 0;

  constructor() {
    this.#offsets.push(0);
  }

  get size(): number {
    return this.#offsets.length - 1;
  }

  add(text: string): void {
    // Three bytes a UTF-16 unit is UTF-8's most, so this much room always fits the string.
    const room = this.#used + text.length * 3;
    if (room > this.#bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(room, this.#bytes.length * 2));
      this.#bytes.copy(bigger, 0, 0, this.#used);
      this.#bytes = bigger;
    }
    this.#used += this.#bytes.write(text, this.#used);
    this.#offsets.push(this.#used);
  }

  /** The list, in arrays of their own length; nothing can be added after. */
  finish(): StringList {
    const bytes = new Uint8Array(this.#used);
    bytes.set(this.#bytes.subarray(0, this.#used));
    this.#bytes = Buffer.alloc(0);
    return new StringList(bytes, this.#offsets.toArray());
  }
}
