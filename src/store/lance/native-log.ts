/**
 * LanceDB's native code logs warnings ("No existing dataset at …, it will be
 * created", index notices) straight to stderr, past our logger and
 * LOG_LEVEL, reading LANCEDB_LOG once as it loads. Imported before
 * @lancedb/lancedb so that, unless the user asked for them with
 * LANCEDB_LOG, only its errors are printed.
 */
process.env.LANCEDB_LOG ??= "error";
