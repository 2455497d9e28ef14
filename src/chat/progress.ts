import type { ChatBot } from "./bot.ts";
import type { ChatRequest } from "./request.ts";
import type { ChatResponse } from "./response.ts";

/** How often a streamed answer edits its placeholder: fast enough to feel alive, slow enough for chat platforms' rate limits on edits. */
const EDIT_INTERVAL_MS = 1_500;

/**
 * Turns "the answer so far" callbacks into placeholder edits at most once
 * per interval. `settled` waits for the last edit still in flight, so that
 * a late progress edit cannot land after, and overwrite, the final answer.
 */
export function progressEdits(edit: (partial: string) => Promise<unknown>, onError: (error: unknown) => void, intervalMs = EDIT_INTERVAL_MS) {
  let last = 0;
  let pending: Promise<unknown> = Promise.resolve();
  return {
    onPartial(partial: string): void {
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      pending = edit(partial).catch(onError);
    },
    async settled(): Promise<void> {
      await pending;
    },
  };
}

/** Handles a request, showing the answer so far through `edit`; resolves only once no progress edit is still in flight. */
export async function handleWithProgress(bot: ChatBot, request: ChatRequest, edit: (partial: string) => Promise<unknown>, onError: (error: unknown) => void): Promise<ChatResponse | undefined> {
  const progress = progressEdits(edit, onError);
  const response = await bot.handle(request, progress.onPartial);
  await progress.settled();
  return response;
}
