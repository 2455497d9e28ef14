/**
 * LanceDB's own full-text search over titles and abstracts: the plain BM25
 * that `npm run eval` and `npm run bench` compare paperbot with. The library
 * keeps no full-text index of its own (paperbot searches its snapshot, see
 * src/search), so the tools build one on the table they measure.
 */
// Before LanceDB loads: its full-text index build deadlocks on a 2-core machine with Lance's default thread pool.
import "../src/store/lance/native-env.ts";
import * as lancedb from "@lancedb/lancedb";

const OPTIONS = { stem: true, language: "English", removeStopWords: true, lowercase: true, asciiFolding: true, withPosition: false } as const;
const COLUMNS = ["title", "abstract"] as const;

/** Builds the full-text indexes the table lacks; returns the seconds it took. */
export async function ensureTextIndexes(table: lancedb.Table): Promise<number> {
  const started = performance.now();
  const indexed = new Set((await table.listIndices()).flatMap((index) => index.columns));
  for (const column of COLUMNS) if (!indexed.has(column)) await table.createIndex(column, { config: lancedb.Index.fts(OPTIONS) });
  return (performance.now() - started) / 1000;
}

/** `titleBoost`: how much more a title match counts than an abstract match. */
export function bm25Query(text: string, titleBoost = 1): lancedb.MultiMatchQuery {
  return new lancedb.MultiMatchQuery(text, [...COLUMNS], { boosts: [titleBoost, 1] });
}
