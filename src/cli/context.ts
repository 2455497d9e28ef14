import { loadConfig, type Config } from "../config.ts";
import { createEmbedder } from "../embed/create.ts";
import type { Embedder } from "../embed/embedder.ts";
import { createLogger, type Logger } from "../logger.ts";
import { LancePaperStore } from "../store/lance/lance-store.ts";

/** What every command is given: typed config, a logger, and lazily opened resources. */
export type CliContext = {
  config: Config;
  logger: Logger;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  openStore(dbOverride?: string): Promise<LancePaperStore>;
  embedder(): Promise<Embedder>;
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
    openStore: (dbOverride) => LancePaperStore.open({ ...config.db, ...(dbOverride && { uri: dbOverride }) }),
    embedder: () => (embedder ??= createEmbedder(config)),
  };
}

export function writeJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value)}\n`);
}
