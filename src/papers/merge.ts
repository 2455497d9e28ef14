import { normalizeTitle, type PaperRecord } from "./paper.ts";

/**
 * Folds records of the same paper (same arXiv id or same normalised title)
 * into one, keeping the richest value of each field: the same paper is often
 * listed once with its card metadata and once without.
 */
export function mergeRecords(records: Iterable<PaperRecord>): PaperRecord[] {
  const byKey = new Map<string, PaperRecord>();
  const keyOfArxivId = new Map<string, string>();
  for (const record of records) {
    const key = (record.arxivId && keyOfArxivId.get(record.arxivId)) || normalizeTitle(record.title);
    const existing = byKey.get(key);
    const merged = existing ? mergeTwo(existing, record) : { ...record };
    byKey.set(key, merged);
    if (merged.arxivId) keyOfArxivId.set(merged.arxivId, key);
  }
  return [...byKey.values()];
}

/**
 * Two records of one paper as one: the richer record's fields over the
 * other's, or, with `fresh`, `b`'s wherever it has them (a source read
 * anew says what is true now: a date re-read with `--year`, a corrected
 * title); the longer abstract (unless it is garbled where the other is not), the
 * longer author list and the higher upvotes either way.
 */
export function mergeTwo(a: PaperRecord, b: PaperRecord, fresh = false): PaperRecord {
  const [rich, poor] = fresh || richness(b) > richness(a) ? [b, a] : [a, b];
  const merged: PaperRecord = { ...poor, ...definedFields(rich) };
  merged.abstract = cleaner(a.abstract, b.abstract);
  merged.upvotes = Math.max(a.upvotes, b.upvotes);
  const authors = longerList(a.authors, b.authors);
  if (authors) merged.authors = authors;
  return merged;
}

function richness(record: PaperRecord): number {
  return Object.values(record).filter((value) => value !== undefined && value !== "").length;
}

function definedFields(record: PaperRecord): Partial<PaperRecord> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<PaperRecord>;
}

/**
 * The longer abstract, unless it is garbled where the other is not: a scan's text layer ("This ])al)er introdu(:es a new
 * tyl)e of grammar …") can run longer than the clean copy of the same abstract, and would be searched and quoted.
 */
function cleaner(a: string, b: string): string {
  const [garbledA, garbledB] = [garbled(a), garbled(b)];
  if (Math.abs(garbledA - garbledB) >= GARBLED_MARGIN) return garbledA < garbledB ? a : b;
  return b.length > a.length ? b : a;
}

/** Brackets and colons inside words, as OCR leaves them ("l)y", "sl;ring"); "viewpoint(s)" has one such place, a scan many. */
const INSIDE_WORD = /\p{L}[()[\]{}:;|]+\p{L}/gu;
const GARBLED_MARGIN = 3;

function garbled(text: string): number {
  return text.match(INSIDE_WORD)?.length ?? 0;
}

function longerList(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.length > a.length ? b : a;
}
