import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { createOpenAIClient } from "../embed/create.ts";
import type { Library } from "../library/library.ts";
import { ChatDigestCommands } from "./commands.ts";
import type { DigestStore } from "./digest-store.ts";
import { DigestService, type DigestPoster } from "./service.ts";
import { ExtractiveSummarizer, LlmSummarizer } from "./summary.ts";

/** The digest service with the configured settings, and the language model's TL;DRs when one is configured. */
export function createDigestService(library: Library, store: DigestStore, config: Config, logger: Logger, poster?: DigestPoster): DigestService {
  const extractive = new ExtractiveSummarizer(library);
  const summarizer = config.llm ? new LlmSummarizer(createOpenAIClient(config.openai), config.llm, extractive) : extractive;
  return new DigestService({ library, store, summarizer, settings: config.digest, logger, ...(poster && { poster }) });
}

/** The digest service and the chat's `digest` commands over it, with the configured defaults for new subscriptions. */
export function createChatDigest(library: Library, store: DigestStore, config: Config, logger: Logger, options: { poster?: DigestPoster; onChange?: () => void } = {}) {
  const service = createDigestService(library, store, config, logger, options.poster);
  const commands = new ChatDigestCommands(store, service, { time: config.digest.time, timeZone: config.digest.timeZone }, options.onChange);
  return { service, commands };
}
