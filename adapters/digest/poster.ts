import { discordConfig, type DiscordConfig } from "../discord/config.ts";
import { slackConfig, type SlackConfig } from "../slack/config.ts";
import { PaperbotError } from "../../src/errors.ts";
import type { DigestPoster } from "../../src/digest/service.ts";
import type { Digest } from "../../src/digest/types.ts";
import { DiscordDigestPoster } from "../discord/digest-poster.ts";
import { SlackDigestPoster } from "../slack/digest-poster.ts";

/** The configured platforms: each absent when its token is not set. */
export type Platforms = { slack?: SlackConfig | undefined; discord?: DiscordConfig | undefined };

/** Reads every platform's settings from the environment (through src/config.ts's readEnv). */
export function platformConfigs(): Platforms {
  return { slack: slackConfig(), discord: discordConfig() };
}

/** Sends each digest to its channel's platform ("slack:…" or "discord:…"), with the configured credentials and base URLs. */
export function platformPoster(platforms: Platforms = platformConfigs()): DigestPoster {
  const slack = platforms.slack && new SlackDigestPoster(platforms.slack.botToken, platforms.slack.apiUrl);
  const discord = platforms.discord && new DiscordDigestPoster(platforms.discord.token, platforms.discord.apiUrl);
  const pick = (channel: string): DigestPoster => {
    if (channel.startsWith("slack:") && slack) return slack;
    if (channel.startsWith("discord:") && discord) return discord;
    const platform = channel.split(":")[0];
    throw new PaperbotError("USAGE", `Cannot post to ${channel}: ${platform === "slack" ? "set SLACK_BOT_TOKEN" : platform === "discord" ? "set DISCORD_TOKEN and DISCORD_APPLICATION_ID" : "channels look like slack:<channel id> or discord:<channel id>"}`);
  };
  return {
    post: (digest: Digest) => pick(digest.channel).post(digest),
    hasPosted: (channel: string, key: string) => pick(channel).hasPosted(channel, key),
  };
}
