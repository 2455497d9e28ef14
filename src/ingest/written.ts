/**
 * What one ingest run has written: every id, and every normalised title as
 * a 52-bit hash. When the library was empty as the run began, every row in
 * it is one of these, so a batch need only look up the records that match
 * one: a fresh ingest of distinct papers queries nothing. Those queries were
 * full scans (the keyed indexes are built at the end), and each left native
 * memory behind in proportion to the rows it scanned: a 300k-paper ingest
 * ended its batches at 887 MiB with them, 558 without (1.35 KB a paper;
 * a million papers, 1.5-2 GB).
 */
export class WrittenThisRun {
  /** About 60 bytes a paper. */
  readonly ids = new Set<string>();
  /** A hash rather than the title: a number in a set, about 40 bytes a paper; a false match only costs a lookup. */
  readonly #titles = new Set<number>();

  add(id: string, titleKey: string): void {
    this.ids.add(id);
    this.#titles.add(titleHash(titleKey));
  }

  mayHoldTitle(titleKey: string): boolean {
    return this.#titles.has(titleHash(titleKey));
  }
}

/** Two 26-bit hashes (FNV-1a and djb2 over UTF-16 code units) as one number: exact in a double, so a Set compares it as it is. */
function titleHash(text: string): number {
  let fnv = 0x811c9dc5;
  let djb = 5381;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ code, 0x01000193);
    djb = (Math.imul(djb, 33) + code) | 0;
  }
  return (fnv & 0x3ffffff) * 0x4000000 + (djb & 0x3ffffff);
}
