import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { createOpenAIClient } from "../embed/create.ts";
import type { Library } from "../library/library.ts";
import type { DigestStore } from "./digest-store.ts";
import { DigestService, type DigestPoster } from "./service.ts";
import { ExtractiveSummarizer, LlmSummarizer } from "./summary.ts";

/** The digest service with the configured settings, and the language model's TL;DRs when one is configured. */
export function createDigestService(library: Library, store: DigestStore, config: Config, logger: Logger, poster?: DigestPoster): DigestService {
  const extractive = new ExtractiveSummarizer(library);
  const summarizer = config.llm ? new LlmSummarizer(createOpenAIClient(config.openai), config.llm, extractive) : extractive;
  return new DigestService({ library, store, summarizer, settings: config.digest, logger, ...(poster && { poster }) });
}

