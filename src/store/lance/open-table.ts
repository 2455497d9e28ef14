import * as lancedb from "@lancedb/lancedb";

/**
 * The table, or undefined when there is none. Opened directly rather than
 * looked up in `tableNames()`: on object stores that lists the whole
 * location, and S3-compatible servers differ in how they list.
 */
export async function openIfExists(db: lancedb.Connection, name: string): Promise<lancedb.Table | undefined> {
  try {
    return await db.openTable(name);
  } catch (error) {
    if (/was not found|does not exist/i.test((error as Error).message)) return undefined;
    throw error;
  }
}

/** Libraries written by earlier versions lack later columns; add them, empty. */
export async function migrate(table: lancedb.Table): Promise<void> {
  const columns = new Set((await table.schema()).fields.map((field) => field.name));
  if (!columns.has("extra")) await table.addColumns([{ name: "extra", valueSql: "CAST(NULL AS STRING)" }]);
}
