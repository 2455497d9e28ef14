import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { ChatBot } from "../../src/chat/bot.ts";
import { handleWithProgress } from "../../src/chat/progress.ts";
import type { ChatRequest } from "../../src/chat/request.ts";
import { isForAskerOnly } from "../../src/chat/response.ts";
import { toSlackMessage } from "./blocks.ts";
import { toMrkdwn } from "./mrkdwn.ts";

const PLACEHOLDER = "_Looking through the library…_";

export type Place = { channel: string; threadTs: string; direct: boolean };

/**
 * Answers in the thread: a placeholder at once, edited as a streamed answer
 * grows, then replaced by the answer. A notice meant for the asker alone
 * (an error, a limit, a refusal) replaces the placeholder with an ephemeral
 * message in a channel; in a DM only the asker sees the thread anyway.
 */
export async function answerInThread(bot: ChatBot, client: WebClient, place: Place, request: ChatRequest, log: Logger): Promise<void> {
  const { channel, threadTs } = place;
  const placeholder = await client.chat.postMessage({ channel, thread_ts: threadTs, text: PLACEHOLDER });
  const ts = placeholder.ts!;
  const showProgress = (partial: string) => client.chat.update({ channel, ts, text: `${toMrkdwn(partial)} …` });
  const response = await handleWithProgress(bot, request, showProgress, (error) => log.warn({ err: error }, "progress edit failed"));
  if (!response) {
    await client.chat.delete({ channel, ts });
    return;
  }
  const message = toSlackMessage(response);
  if (isForAskerOnly(response) && !place.direct) {
    try {
      await client.chat.postEphemeral({ channel, user: request.user.id, thread_ts: threadTs, ...message });
      await client.chat.delete({ channel, ts });
      return;
    } catch (error) {
      log.warn({ err: error }, "could not show the notice to the asker alone; answering in the thread");
    }
  }
  await client.chat.update({ channel, ts, ...message });
}
