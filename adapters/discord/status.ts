import { GatewayCloseCodes } from "discord.js";
import { ConfigError, PaperbotError } from "../../src/errors.ts";

const RESET_TOKEN = "copy a new token from the Discord Developer Portal (Bot → Reset Token) into DISCORD_TOKEN";
// paperbot asks for Message Content only when the portal says it is on, so a refusal means the setting changed since it started.
const INTENTS = "the Message Content Intent setting (Bot → Privileged Gateway Intents in the Discord Developer Portal) changed since paperbot started; paperbot asks again for only what is allowed when restarted";

/** Why the gateway closed for good (close codes discord.js does not reconnect after), in words that say what to fix. */
export function closeReason(code: number): string {
  switch (code) {
    case GatewayCloseCodes.AuthenticationFailed:
      return `Discord rejected DISCORD_TOKEN (gateway close 4004, authentication failed): ${RESET_TOKEN}, then restart paperbot`;
    case GatewayCloseCodes.DisallowedIntents:
      return `Discord refused the gateway intents (close 4014): ${INTENTS}, then restart paperbot`;
    default:
      return `the Discord gateway closed with code ${code} (${GatewayCloseCodes[code] ?? "unknown"}) and will not reconnect; restart paperbot`;
  }
}

/** A failed login as an error that names Discord and the variable to fix. */
export function startupError(error: unknown): PaperbotError {
  const { message = String(error), code, status } = (error ?? {}) as { message?: string; code?: unknown; status?: number };
  if (code === "TokenInvalid" || status === 401 || /authentication failed|invalid token/i.test(message)) {
    return new ConfigError(`Discord rejected DISCORD_TOKEN (${message}): ${RESET_TOKEN}`, { cause: error });
  }
  if (code === "DisallowedIntents" || /disallowed intents/i.test(message)) return new ConfigError(`Discord refused the gateway intents (${message}): ${INTENTS}`, { cause: error });
  return new PaperbotError("PLATFORM_FAILED", `Could not connect to Discord (${message}): check the network, and DISCORD_API_URL if it is set`, { cause: error });
}
