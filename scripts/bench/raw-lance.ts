/**
 * `raw-lance.ts <db> <queries.json>`: the LanceDB calls a search is made
 * of, straight on the library's table with LanceDB's defaults (no paperbot
 * code between): full-text only, vector only, and LanceDB's own hybrid
 * query; and our own search of the same questions in this same process,
 * taking turns with the first two, for the ratio of our search to them.
 * Run by the benchmark in its own process; prints one JSON object.
 */
import "../../src/store/lance/native-env.ts";
import { readFileSync } from "node:fs";
import * as lancedb from "@lancedb/lancedb";
import { LocalEmbedder } from "../../src/embed/local.ts";
import { PAPERS_TABLE } from "../../src/store/lance/schema.ts";
import { bm25Query, ensureTextIndexes } from "../lance-bm25.ts";
import { createCliContext } from "../../src/cli/context.ts";
import { timeAll, timeInTurns } from "./stats.ts";

/** As many hits as each of our search's two lists takes before fusing them, so the calls do the same work. */
const CANDIDATES = 100;
/** What a user sees: the hybrid query returns a page of results, as our search does. */
const PAGE = 10;
/** Title matches count double, as paperbot's own ranking weighs them. */
const TITLE_BOOST = 2;

const [uri, queriesFile] = process.argv.slice(2);
const { questions, rounds } = JSON.parse(readFileSync(queriesFile!, "utf8")) as { questions: string[]; rounds: number };
const embedder = await LocalEmbedder.create();
const vectors = new Map<string, number[]>();
for (const question of questions) vectors.set(question, await embedder.embedQuery(question));

const db = await lancedb.connect(uri!);
const table = await db.openTable(PAPERS_TABLE);
const textIndexSeconds = await ensureTextIndexes(table);
const text = (question: string) => bm25Query(question, TITLE_BOOST);
const rrf = await lancedb.rerankers.RRFReranker.create();

// Our search as the CLI opens it (its search indexes from the same cache), in this process: no pipe or JSON
// between, which the raw calls do not pay either. It embeds its question; the raw vector call is given its vector.
const context = createCliContext();
const store = await context.openStore(uri);
const library = await context.openLibrary(store, uri);
await library.warm();
const { fts, vector, ours } = await timeInTurns(questions, rounds, {
  fts: (question) => table.query().fullTextSearch(text(question)).select(["id", "_score"]).limit(CANDIDATES).toArray(),
  vector: (question) => table.vectorSearch(vectors.get(question)!).distanceType("cosine").select(["id", "_distance"]).limit(CANDIDATES).toArray(),
  ours: (question) => library.search(question),
});
store.close();
const hybrid = await timeAll(questions, rounds, (question) =>
  table.query().fullTextSearch(text(question)).nearestTo(vectors.get(question)!).distanceType("cosine").rerank(rrf).select(["id"]).limit(PAGE).toArray(),
);
const indices = (await table.listIndices()).map((index) => `${index.columns.join(",")}: ${index.indexType}`);
process.stdout.write(`${JSON.stringify({ fts, vector, hybrid, ours, indices, textIndexSeconds, rows: await table.countRows() })}\n`);
db.close();
