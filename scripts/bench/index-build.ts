/**
 * `index-build.ts <db>`: how long the library's search indexes take to
 * build over every row. Drops them (straight through LanceDB), then has the
 * store build what is missing, as an ingest repairing a killed run does.
 * Run by the benchmark in its own process; prints one JSON object.
 */
import * as lancedb from "@lancedb/lancedb";
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";
import { PAPERS_TABLE } from "../../src/store/lance/schema.ts";

const uri = process.argv[2]!;
const db = await lancedb.connect(uri);
const table = await db.openTable(PAPERS_TABLE);
const dropped = (await table.listIndices()).map((index) => index.name);
for (const name of dropped) await table.dropIndex(name);
table.close();
db.close();

const store = await LancePaperStore.open({ uri });
const start = performance.now();
const repair = await store.ensureIndexes();
const seconds = (performance.now() - start) / 1000;
store.close();
process.stdout.write(`${JSON.stringify({ seconds, dropped, created: repair.created })}\n`);
