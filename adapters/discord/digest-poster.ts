import { REST } from "@discordjs/rest";
import { Routes } from "discord.js";
import type { DigestPoster } from "../../src/digest/service.ts";
import type { Digest } from "../../src/digest/types.ts";
import { digestEmbeds } from "./format.ts";

type Message = { embeds?: { footer?: { text?: string } }[] };

/** Posts digests over Discord's REST API only: no gateway login, so it works from cron. */
export class DiscordDigestPoster implements DigestPoster {
  readonly #rest: REST;

  constructor(token: string, apiUrl?: string) {
    this.#rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  }

  async post(digest: Digest): Promise<void> {
    for (const embeds of digestEmbeds(digest)) {
      await this.#rest.post(Routes.channelMessages(channelId(digest.channel)), { body: { embeds, allowed_mentions: { parse: [] } } });
    }
  }

  async hasPosted(channel: string, key: string): Promise<boolean> {
    const messages = (await this.#rest.get(Routes.channelMessages(channelId(channel)), { query: new URLSearchParams({ limit: "50" }) })) as Message[];
    return messages.some((message) => (message.embeds ?? []).some((embed) => embed.footer?.text?.includes(key)));
  }
}

function channelId(channel: string): string {
  return channel.replace(/^discord:/, "");
}
