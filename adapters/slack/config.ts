import { z } from "zod";
import { optionalText, optionalUrl, readEnv } from "../../src/config.ts";
import { ConfigError } from "../../src/errors.ts";

const SlackEnv = z.object({
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalUrl("https://slack.com/api/"),
  SLACK_EVENTS_PATH: optionalText,
});

/** `signingSecret`: HTTP mode; `appToken`: Socket Mode (wins when both are set). */
export type SlackConfig = { botToken: string; signingSecret?: string; appToken?: string; apiUrl?: string; eventsPath: string };

/** Slack's settings from the environment, or undefined when SLACK_BOT_TOKEN is not set (Slack is then skipped). */
export function slackConfig(env?: NodeJS.ProcessEnv): SlackConfig | undefined {
  const e = readEnv(SlackEnv, env);
  if (!e.SLACK_BOT_TOKEN) return undefined;
  if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw new ConfigError("SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is: set one of them from your Slack app's settings");
  }
  return {
    botToken: e.SLACK_BOT_TOKEN,
    eventsPath: e.SLACK_EVENTS_PATH ?? "/slack/events",
    ...(e.SLACK_SIGNING_SECRET && { signingSecret: e.SLACK_SIGNING_SECRET }),
    ...(e.SLACK_APP_TOKEN && { appToken: e.SLACK_APP_TOKEN }),
    ...(e.SLACK_API_URL && { apiUrl: e.SLACK_API_URL }),
  };
}
