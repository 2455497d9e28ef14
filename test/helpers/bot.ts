import { createChatBot } from "../../src/chat/create.ts";
import type { ChatConfig } from "../../src/config.ts";
import type { Library } from "../../src/library/library.ts";
import { silentLogger } from "./logger.ts";

export const TEST_LIMITS: ChatConfig["limits"] = { questionsPerWindow: 100, windowMs: 60_000, maxQuestionChars: 1_000 };

export function testBot(library: Library, limits: Partial<ChatConfig["limits"]> = {}) {
  return createChatBot(library, { logger: silentLogger, chat: { port: 0, limits: { ...TEST_LIMITS, ...limits } } });
}

/** Polls until `check` passes or the time runs out: platform replies arrive asynchronously. */
export async function eventually(check: () => void, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
