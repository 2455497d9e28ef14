import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { ChatBot } from "../../src/chat/bot.ts";
import { handleWithProgress } from "../../src/chat/progress.ts";
import type { ChatRequest } from "../../src/chat/request.ts";
import { isForAskerOnly } from "../../src/chat/response.ts";
import { toSlackMessage } from "./blocks.ts";
import { toMrkdwn } from "./mrkdwn.ts";
import { slackErrorCode } from "./platform.ts";

const PLACEHOLDER = "_Looking through the library…_";
const PLACEHOLDER_EVENT = "paperbot_placeholder";

/** `key`: the asking message's ts, marked on the placeholder so a lost post can be found instead of repeated. */
export type Place = { channel: string; threadTs: string; direct: boolean; key: string };
/** `client` retries as usual; `once` never retries by itself (for posts, which Slack cannot deduplicate). */
export type Clients = { client: WebClient; once: WebClient };

/**
 * Answers in the thread: a placeholder at once, edited as a streamed answer
 * grows, then replaced by the answer. A notice meant for the asker alone
 * (an error, a limit, a refusal) replaces the placeholder with an ephemeral
 * message in a channel; in a DM only the asker sees the thread anyway.
 */
export async function answerInThread(bot: ChatBot, clients: Clients, place: Place, request: ChatRequest, log: Logger): Promise<void> {
  const { client } = clients;
  const { channel, threadTs } = place;
  const ts = await postPlaceholder(clients, place, log);
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

/**
 * Posts the placeholder once. A retried chat.postMessage whose first
 * response was lost (a 500 or a timeout after Slack had posted) leaves a
 * second, orphaned placeholder; so the post is not retried blindly: after
 * an unclear failure the thread is searched for this request's marked
 * placeholder, and only if it is not there is it posted again.
 */
async function postPlaceholder({ client, once }: Clients, place: Place, log: Logger): Promise<string> {
  const { channel, threadTs, key } = place;
  const post = async () => (await once.chat.postMessage({ channel, thread_ts: threadTs, text: PLACEHOLDER, metadata: { event_type: PLACEHOLDER_EVENT, event_payload: { key } } })).ts!;
  try {
    return await post();
  } catch (error) {
    // Slack answered and said no: nothing was posted, and posting again will not help.
    if (slackErrorCode(error)) throw error;
    log.warn({ err: error }, "placeholder post failed without an answer from Slack; checking whether it went out");
    const posted = await client.conversations.replies({ channel, ts: threadTs, include_all_metadata: true, limit: 100 }).then(
      ({ messages = [] }) => messages.find((message) => message.metadata?.event_type === PLACEHOLDER_EVENT && (message.metadata.event_payload as { key?: string } | undefined)?.key === key),
      // Without the history scope for this kind of channel, an orphan is better than no answer.
      (lookupError: unknown) => void log.warn({ err: lookupError }, "could not read the thread to look for the placeholder; posting it again"),
    );
    return posted?.ts ?? (await post());
  }
}
