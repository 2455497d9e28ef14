/** The typed arrays the builders grow. */
type Growing = Int32Array | Uint16Array | Uint8Array;

/**
 * `array`, or a copy at least `needed` long (doubling) holding its
 * contents: a builder's per-paper and per-term numbers kept in typed arrays
 * rather than JS arrays, which cost 8 bytes an element and are scanned by
 * the garbage collector.
 */
export function grown<T extends Growing>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  let capacity = Math.max(16, array.length);
  while (capacity < needed) capacity *= 2;
  const bigger = new (array.constructor as new (length: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

/** Numbers appended one at a time; `array` holds them up to `length` (read it directly in a hot loop). */
class NumberList<T extends Growing> {
  array: T;
  length = 0;

  constructor(initial: T) {
    this.array = initial;
  }

  push(value: number): void {
    if (this.length === this.array.length) this.array = grown(this.array, this.length + 1);
    this.array[this.length++] = value;
  }

  /** The numbers, as an array of their own length. */
  toArray(): T {
    return this.array.slice(0, this.length) as T;
  }
}

export class Int32List extends NumberList<Int32Array> {
  constructor() {
    super(new Int32Array(1024));
  }
}

/** For numbers that fit in 16 bits. */
export class Uint16List extends NumberList<Uint16Array> {
  constructor() {
    super(new Uint16Array(1024));
  }
}
