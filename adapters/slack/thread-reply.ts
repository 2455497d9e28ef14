import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Outgoing, Posted, Reply } from "../../src/chat/adapter.ts";
import { isForAskerOnly } from "../../src/chat/response.ts";
import { markdownBlock, toSlackMessage, type SlackMessage } from "./blocks.ts";
import { plainText } from "./mrkdwn.ts";
import { slackErrorCode } from "./platform.ts";
import { AnswerStream, type StreamSupport } from "./stream.ts";

const PLACEHOLDER_EVENT = "paperbot_placeholder";

/** `key`: the asking message's ts, marked on the placeholder so a lost post can be found instead of repeated; `team`: the workspace, which a stream names. */
export type Place = { channel: string; threadTs: string; direct: boolean; key: string; team?: string | undefined };
/**
 * `client` retries as usual; `once` never retries by itself (for posts, which Slack cannot deduplicate).
 * `streaming`: whether answers may be streamed (absent: never; progress is shown by edits).
 */
export type Clients = { client: WebClient; once: WebClient; streaming?: StreamSupport };

/** Progress is the answer so far in a markdown block; a response is Block Kit with its buttons. */
function render(message: Outgoing): SlackMessage {
  return "progress" in message ? { text: plainText(message.progress.slice(0, 300)), blocks: [markdownBlock(message.progress)] } : toSlackMessage(message.response);
}

/**
 * Answers in a Slack thread. A streamed answer grows in a message of its
 * own, which replaces the placeholder, and is then edited into the final
 * answer; where Slack does not stream, the placeholder is edited instead.
 * A notice meant for the asker alone (an error, a limit, a refusal)
 * replaces the placeholder with an ephemeral message in a channel; in a DM
 * only the asker sees the thread anyway.
 */
export function threadReply(clients: Clients, place: Place, asker: string, log: Logger): Reply {
  const { client } = clients;
  const { channel, threadTs } = place;
  const stream = clients.streaming && new AnswerStream(client, { channel, threadTs, team: place.team, user: asker }, clients.streaming, log);
  let posts = 0;
  return {
    async post(message) {
      // The first post is the placeholder, which must not be posted twice; later ones are ordinary.
      if (posts++ === 0) return { id: await postOnce(clients, place, render(message), log) };
      const { ts } = await client.chat.postMessage({ channel, thread_ts: threadTs, ...render(message) });
      return { id: ts! };
    },
    async edit(posted: Posted, message: Outgoing) {
      if ("progress" in message) {
        const streaming = Boolean(stream?.ts);
        if (stream && message.partial !== undefined && (await stream.show(message.partial))) {
          // The stream takes the placeholder's place.
          if (!streaming) await client.chat.delete({ channel, ts: posted.id }).catch((error: unknown) => log.warn({ err: error }, "could not remove the placeholder"));
          return;
        }
        if (!stream?.ts) await client.chat.update({ channel, ts: posted.id, ...render(message) });
        return;
      }
      await stream?.stop();
      const ts = stream?.ts ?? posted.id;
      if (isForAskerOnly(message.response) && !place.direct) {
        try {
          await client.chat.postEphemeral({ channel, user: asker, thread_ts: threadTs, ...toSlackMessage(message.response) });
          await client.chat.delete({ channel, ts });
          return;
        } catch (error) {
          log.warn({ err: error }, "could not show the notice to the asker alone; answering in the thread");
        }
      }
      await client.chat.update({ channel, ts, ...render(message) });
    },
    async react(posted: Posted, emoji: string) {
      await client.reactions.add({ channel, timestamp: posted.id, name: emoji });
    },
  };
}

/**
 * Posts once. A retried chat.postMessage whose first response was lost (a
 * 500 or a timeout after Slack had posted) leaves a second, orphaned
 * placeholder; so the post is not retried blindly: after an unclear failure
 * the thread is searched for this request's marked placeholder, and only if
 * it is not there is it posted again.
 */
async function postOnce({ client, once }: Clients, place: Place, message: SlackMessage, log: Logger): Promise<string> {
  const { channel, threadTs, key } = place;
  const post = async () => (await once.chat.postMessage({ channel, thread_ts: threadTs, ...message, metadata: { event_type: PLACEHOLDER_EVENT, event_payload: { key } } })).ts!;
  try {
    return await post();
  } catch (error) {
    // Slack answered and said no: nothing was posted, and posting again will not help.
    if (slackErrorCode(error)) throw error;
    log.warn({ err: error }, "placeholder post failed without an answer from Slack; checking whether it went out");
    const posted = await client.conversations.replies({ channel, ts: threadTs, include_all_metadata: true, limit: 100 }).then(
      ({ messages = [] }) => messages.find((found) => found.metadata?.event_type === PLACEHOLDER_EVENT && (found.metadata.event_payload as { key?: string } | undefined)?.key === key),
      // Without the history scope for this kind of channel, an orphan is better than no answer.
      (lookupError: unknown) => void log.warn({ err: lookupError }, "could not read the thread to look for the placeholder; posting it again"),
    );
    return posted?.ts ?? (await post());
  }
}

/**
 * Answers through a response_url (a slash command, or a button on a message
 * only its asker sees): progress is not shown (Slack already shows the
 * command), and the response is sent once, ephemeral when it is for the
 * asker alone or when `privately`.
 */
export function responseUrlReply(respond: (message: Record<string, unknown>) => Promise<unknown>, privately: boolean): Reply {
  return {
    post: async () => ({ id: "response_url" }),
    async edit(_posted, message) {
      if (!("response" in message)) return;
      const ephemeral = privately || isForAskerOnly(message.response);
      await respond({ response_type: ephemeral ? "ephemeral" : "in_channel", ...(privately && { replace_original: false }), ...toSlackMessage(message.response) });
    },
    // A response_url message has no ts to react to.
    react: async () => {},
  };
}
