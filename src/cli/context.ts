import { existsSync, statSync } from "node:fs";
import { PaperbotError } from "../errors.ts";
import { loadConfig, type Config } from "../config.ts";
import type { EvidenceWriter } from "../answer/answerer.ts";
import { LlmWriter } from "../answer/llm-writer.ts";
import { createEmbedder, createOpenAIClient } from "../embed/create.ts";
import type { Embedder } from "../embed/embedder.ts";
import { Library } from "../library/library.ts";
import { searchCacheDir } from "../library/search-cache-dir.ts";
import { createLogger, type Logger } from "../logger.ts";
import { LancePaperStore, localDirOf } from "../store/lance/lance-store.ts";

/** What every command is given: typed config, a logger, and lazily opened resources. */
export type CliContext = {
  config: Config;
  logger: Logger;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /**
   * `longRunning` stores notice writes made by other processes (an ingest while `serve` runs).
   * Only commands that add papers pass `create`; the others refuse a location that holds no library.
   */
  openStore(dbOverride?: string, options?: { longRunning?: boolean; create?: boolean }): Promise<LancePaperStore>;
  /** The library over an open store, its search indexes cached on disk (see searchCacheDir). */
  openLibrary(store: LancePaperStore, dbOverride?: string): Promise<Library>;
  embedder(): Promise<Embedder>;
  /** The language-model writer when one is configured; options for `Answerer`. */
  answerWriter(): Promise<{ writer?: EvidenceWriter }>;
};

export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel);
  let embedder: Promise<Embedder> | undefined;
  return {
    config,
    logger,
    stdout: process.stdout,
    stderr: process.stderr,
    openStore: (dbOverride, options) => {
      const uri = dbOverride ?? config.db.uri;
      refuseFile(uri);
      return LancePaperStore.open(
        { ...config.db, uri, ...(options?.longRunning && { readConsistencySeconds: 5 }) },
        { mustExist: !options?.create },
      );
    },
    openLibrary: async (store, dbOverride) => {
      const dir = searchCacheDir(dbOverride ?? config.db.uri, config.searchCache);
      return new Library(store, await (embedder ??= createEmbedder(config)), { snapshots: { dir, onError: (error) => logger.warn({ err: error, dir }, "could not cache the search indexes; the next start builds them again") } });
    },
    embedder: () => (embedder ??= createEmbedder(config)),
    answerWriter: async () => (config.llm ? { writer: new LlmWriter(createOpenAIClient(config.openai), config.llm) } : {}),
  };
}

/**
 * `--db README.md`: a file can never be a library. Caught here, because
 * LanceDB would otherwise answer with a Rust error naming cargo paths.
 */
function refuseFile(uri: string): void {
  const path = localDirOf(uri); // undefined for s3://, db://: not on this disk
  if (path !== undefined && existsSync(path) && !statSync(path).isDirectory()) {
    throw new PaperbotError("LIBRARY_MISSING", `${uri} is a file, not a paper library. Point --db (or PAPERBOT_DB) at a library directory, e.g. ./data/lancedb, or build one with: paperbot ingest data/samples --db <new dir>`);
  }
}

export function writeJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value)}\n`);
}
