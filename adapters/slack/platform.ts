import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { ConfigError, PaperbotError } from "../../src/errors.ts";

/** The platform's name in requests, channels ("slack:C123") and the admin list. */
export const PLATFORM = "slack";

/** Web API errors that mean the token no longer works: nothing will succeed until someone fixes it. */
const TOKEN_ERRORS = new Set(["invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "org_login_required", "ekm_access_denied"]);

/** The Web API's error string ("invalid_auth"), when the error is one Slack answered with. */
export function slackErrorCode(error: unknown): string | undefined {
  const { code, data } = (error ?? {}) as { code?: string; data?: { error?: string } };
  return code === "slack_webapi_platform_error" ? data?.error : undefined;
}

export function isTokenRejected(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code !== undefined && TOKEN_ERRORS.has(code);
}

export function tokenRejectedReason(code: string): string {
  return `Slack rejected SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-…) from your Slack app's OAuth & Permissions page into SLACK_BOT_TOKEN, then restart paperbot`;
}

/** Checks the bot token before serving, so a bad one fails at startup with a message that says which variable to fix. */
export async function checkBotToken(client: WebClient, apiUrl: string | undefined): Promise<void> {
  try {
    await client.auth.test();
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && TOKEN_ERRORS.has(code)) throw new ConfigError(tokenRejectedReason(code), { cause: error });
    throw new PaperbotError("PLATFORM_FAILED", `Could not reach Slack to check SLACK_BOT_TOKEN (${code ?? (error as Error).message}): check the network${apiUrl ? ", and SLACK_API_URL" : ""}`, { cause: error });
  }
}

/** A failed start after the bot token checked out: the app-level token (Socket Mode) or the port (HTTP mode), named. */
export function startError(error: unknown, socketMode: boolean, port: number): PaperbotError {
  const code = slackErrorCode(error);
  if (socketMode && code && TOKEN_ERRORS.has(code)) {
    return new ConfigError(`Slack rejected SLACK_APP_TOKEN (${code}): create an app-level token with the connections:write scope (your Slack app's Basic Information → App-Level Tokens) and put it in SLACK_APP_TOKEN`, { cause: error });
  }
  const { code: system, message } = (error ?? {}) as { code?: string; message?: string };
  if (system === "EADDRINUSE" || system === "EACCES") return new ConfigError(`Could not listen for Slack events on PORT ${port} (${system}): set PORT to a free port`, { cause: error });
  return new PaperbotError("PLATFORM_FAILED", `Could not start the Slack connection (${code ?? message ?? String(error)}): check the network${socketMode ? " and SLACK_APP_TOKEN" : ""}`, { cause: error });
}

/**
 * Whether a user may change a channel's settings. Slack does not tell apps
 * who its channel managers are, so: anyone in their own DM, and workspace
 * admins and owners (users.info, which needs the users:read scope).
 */
export async function canManageChannel(client: WebClient, user: string, channel: string, log: Logger): Promise<boolean> {
  if (channel.startsWith("D")) return true;
  try {
    const { user: info } = await client.users.info({ user });
    return Boolean(info?.is_admin || info?.is_owner || info?.is_primary_owner);
  } catch (error) {
    log.warn({ err: error, user }, "could not look up whether this user is a workspace admin (the app needs the users:read scope); treating them as not one");
    return false;
  }
}
