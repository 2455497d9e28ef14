import type { ChatBot } from "./bot.ts";
import { PLACEHOLDER, type Reply } from "./adapter.ts";
import { progressEdits } from "./progress.ts";
import type { ChatRequest } from "./request.ts";

/**
 * How every platform answers: a placeholder at once (so the asker sees the
 * bot is on it), edited as a streamed answer grows, then edited into the
 * response. Nothing is posted for a message the bot ignores (another bot's).
 */
export async function respond(bot: ChatBot, request: ChatRequest, reply: Reply, onError: (error: unknown) => void): Promise<void> {
  if (request.user.isBot) return;
  const placeholder = await reply.post({ progress: PLACEHOLDER });
  const progress = progressEdits((partial) => reply.edit(placeholder, { progress: `${partial} …`, partial }), onError);
  const response = await bot.handle(request, progress.onPartial);
  // A late progress edit must not land after, and overwrite, the response.
  await progress.settled();
  if (response) await reply.edit(placeholder, { response });
}
