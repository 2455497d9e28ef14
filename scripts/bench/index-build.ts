/**
 * `index-build.ts <db>`: how long each of the library's search indexes
 * takes to build over every row. One at a time, it drops the index
 * (straight through LanceDB) and has the store build what is missing, as an
 * ingest repairing a killed run does. Run by the benchmark in its own
 * process; prints one JSON object.
 */
import { LancePaperStore } from "../../src/store/lance/lance-store.ts";

const store = await LancePaperStore.open({ uri: process.argv[2]! });
const table = store.table;
if (!table) throw new Error(`no library at ${process.argv[2]}`);
const perIndex: Record<string, number> = {};
for (const { column } of await store.indexCoverage()) {
  for (const index of await table.listIndices()) if (index.columns.includes(column)) await table.dropIndex(index.name);
  const start = performance.now();
  const { created } = await store.ensureIndexes();
  if (!created.includes(column)) throw new Error(`the store did not rebuild the ${column} index (it built: ${created.join(", ") || "nothing"})`);
  perIndex[column] = (performance.now() - start) / 1000;
}
store.close();
process.stdout.write(`${JSON.stringify({ seconds: Object.values(perIndex).reduce((sum, value) => sum + value, 0), perIndex })}\n`);
