import { z } from "zod";
import { optionalText, optionalUrl, readEnv } from "../../src/config.ts";
import { ConfigError } from "../../src/errors.ts";

const SHARDS = "must be 'auto' (as many shards as Discord recommends) or a whole number of shards above 0";

const DiscordEnv = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_API_URL: optionalUrl("https://discord.com/api"),
  DISCORD_GUILD_ID: optionalText,
  DISCORD_SHARDS: optionalText.pipe(
    z
      .string()
      .regex(/^(?:auto|0*[1-9]\d*)$/, SHARDS)
      .transform((value) => (value === "auto" ? ("auto" as const) : Number(value)))
      .optional(),
  ),
});

/**
 * `shards`: how many gateway connections this process opens (see
 * adapters/discord/shards.ts); absent means one, as for most bots.
 */
export type DiscordConfig = { token: string; applicationId: string; apiUrl?: string; guildId?: string; shards?: number | "auto" };

/** Discord's settings from the environment, or undefined when DISCORD_TOKEN is not set (Discord is then skipped). */
export function discordConfig(env?: NodeJS.ProcessEnv): DiscordConfig | undefined {
  const e = readEnv(DiscordEnv, env);
  if (!e.DISCORD_TOKEN) return undefined;
  if (!e.DISCORD_APPLICATION_ID) {
    throw new ConfigError("DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is not: copy the Application ID from the Discord developer portal (General Information) into DISCORD_APPLICATION_ID");
  }
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    ...(e.DISCORD_API_URL && { apiUrl: e.DISCORD_API_URL }),
    ...(e.DISCORD_GUILD_ID && { guildId: e.DISCORD_GUILD_ID }),
    ...(e.DISCORD_SHARDS !== undefined && { shards: e.DISCORD_SHARDS }),
  };
}
