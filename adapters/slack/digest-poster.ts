import { WebClient } from "@slack/web-api";
import type { DigestPoster } from "../../src/digest/service.ts";
import type { Digest } from "../../src/digest/types.ts";
import { digestMessage } from "./blocks.ts";

const EVENT_TYPE = "paperbot_digest";

/** Posts digests with the Web API alone (no event receiver), so `paperbot digest` works from cron. */
export class SlackDigestPoster implements DigestPoster {
  readonly #client: WebClient;

  constructor(botToken: string, apiUrl?: string) {
    this.#client = new WebClient(botToken, apiUrl ? { slackApiUrl: apiUrl } : {});
  }

  async post(digest: Digest): Promise<void> {
    await this.#client.chat.postMessage({ channel: channelId(digest.channel), ...digestMessage(digest), metadata: { event_type: EVENT_TYPE, event_payload: { key: digest.key } } });
  }

  async hasPosted(channel: string, key: string): Promise<boolean> {
    const history = await this.#client.conversations.history({ channel: channelId(channel), limit: 50, include_all_metadata: true });
    return (history.messages ?? []).some((message) => (message.metadata?.event_payload as { key?: string } | undefined)?.key === key || JSON.stringify(message.blocks ?? []).includes(key));
  }
}

function channelId(channel: string): string {
  return channel.replace(/^slack:/, "");
}
