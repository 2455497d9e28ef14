import { loadConfig, type Config } from "../config.ts";
import type { EvidenceWriter } from "../answer/answerer.ts";
import { LlmWriter } from "../answer/llm-writer.ts";
import { createEmbedder, createOpenAIClient } from "../embed/create.ts";
import type { Embedder } from "../embed/embedder.ts";
import { createLogger, type Logger } from "../logger.ts";
import { LancePaperStore } from "../store/lance/lance-store.ts";

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
    openStore: (dbOverride, options) =>
      LancePaperStore.open(
        { ...config.db, ...(dbOverride && { uri: dbOverride }), ...(options?.longRunning && { readConsistencySeconds: 5 }) },
        { mustExist: !options?.create },
      ),
    embedder: () => (embedder ??= createEmbedder(config)),
    answerWriter: async () => (config.llm ? { writer: new LlmWriter(createOpenAIClient(config.openai), config.llm) } : {}),
  };
}

export function writeJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value)}\n`);
}
