/**
 * The items of a stream of Arrow record batches, regrouped into arrays of
 * `size` (the last may be shorter): LanceDB's batches are its own size,
 * callers want theirs.
 */
export async function* inBatches<B, T>(batches: AsyncIterable<B>, size: number, items: (batch: B) => Iterable<T>): AsyncIterable<T[]> {
  let group: T[] = [];
  for await (const batch of batches) {
    for (const item of items(batch)) {
      group.push(item);
      if (group.length === size) {
        yield group;
        group = [];
      }
    }
  }
  if (group.length > 0) yield group;
}
