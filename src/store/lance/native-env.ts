import { availableParallelism } from "node:os";

/**
 * Settings LanceDB's native code reads from the environment once, as it
 * loads; this module is imported before @lancedb/lancedb. A value the user
 * set wins.
 *
 * LANCEDB_LOG: its warnings ("No existing dataset at …, it will be
 * created", index notices) go straight to stderr, past our logger and
 * LOG_LEVEL; only its errors are printed unless asked for.
 *
 * LANCE_CPU_THREADS: Lance sizes its CPU pool at the cores less two, one
 * thread on a 2-core machine, and a full-text index build whose posting
 * lists fill more than one batch then waits on itself forever (every thread
 * parked, no CPU used; lance-format/lance#7350, lancedb/lancedb#3568). It
 * happened here at 100k papers. Two threads above the cores avoid it.
 *
 * LANCE_DEFAULT_IO_BUFFER_SIZE: how far a scan reads ahead of its reader,
 * 2 GiB by default. The search snapshot's build reads the whole library
 * and tokenises it slower than LanceDB reads, so the readahead filled up:
 * one pass over a million papers peaked at 645 MiB, 390 MiB with 16 MiB of
 * readahead and one fragment at a time, in the same 20-22 s.
 */
process.env.LANCEDB_LOG ??= "error";
process.env.LANCE_CPU_THREADS ??= String(availableParallelism() + 2);
process.env.LANCE_DEFAULT_IO_BUFFER_SIZE ??= String(64 * 1024 * 1024);
