import { discordConfig, type DiscordConfig } from "../discord/config.ts";
import { slackConfig, type SlackConfig } from "../slack/config.ts";
import { PaperbotError } from "../../src/errors.ts";
import type { DigestPoster } from "../../src/digest/service.ts";
import type { Digest } from "../../src/digest/types.ts";

/** The configured platforms: each absent when its token is not set. */
export type Platforms = { slack?: SlackConfig | undefined; discord?: DiscordConfig | undefined };

/** Reads every platform's settings from the environment (through src/config.ts's readEnv). */
export function platformConfigs(): Platforms {
  return { slack: slackConfig(), discord: discordConfig() };
}

/**
 * Sends each digest to its channel's platform ("slack:…" or "discord:…"), with the configured credentials and base URLs.
 * A platform's SDK is loaded when its first digest goes out, not by every command that can post one.
 */
export function platformPoster(platforms: Platforms = platformConfigs()): DigestPoster {
  const { slack: slackSettings, discord: discordSettings } = platforms;
  const slack = slackSettings && once(async () => new (await import("../slack/digest-poster.ts")).SlackDigestPoster(slackSettings.botToken, slackSettings.apiUrl));
  const discord = discordSettings && once(async () => new (await import("../discord/digest-poster.ts")).DiscordDigestPoster(discordSettings.token, discordSettings.apiUrl));
  const pick = async (channel: string): Promise<DigestPoster> => {
    if (channel.startsWith("slack:") && slack) return slack();
    if (channel.startsWith("discord:") && discord) return discord();
    const platform = channel.split(":")[0];
    throw new PaperbotError("USAGE", `Cannot post to ${channel}: ${platform === "slack" ? "set SLACK_BOT_TOKEN" : platform === "discord" ? "set DISCORD_TOKEN and DISCORD_APPLICATION_ID" : "channels look like slack:<channel id> or discord:<channel id>"}`);
  };
  return {
    accepts: (channel: string) => (channel.startsWith("slack:") && slack !== undefined) || (channel.startsWith("discord:") && discord !== undefined),
    post: async (digest: Digest) => (await pick(digest.channel)).post(digest),
    hasPosted: async (channel: string, key: string) => (await pick(channel)).hasPosted(channel, key),
  };
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
