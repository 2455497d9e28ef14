import { describe, expect, it } from "vitest";
import { discordConfig } from "../../adapters/discord/config.ts";
import { slackConfig } from "../../adapters/slack/config.ts";
import { loadConfig } from "../../src/config.ts";

describe("platform settings, read by each adapter through the core's one reader of the environment", () => {
  it("Slack: skipped without a bot token; HTTP or Socket Mode by the secret or app token it is given; a bad value names the variable", () => {
    expect(slackConfig({})).toBeUndefined();
    expect(slackConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" })).toEqual({ botToken: "xoxb-1", signingSecret: "s", eventsPath: "/slack/events" });
    expect(slackConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", SLACK_EVENTS_PATH: "/events" })).toEqual({ botToken: "xoxb-1", appToken: "xapp-1", eventsPath: "/events" });
    expect(() => slackConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/neither SLACK_SIGNING_SECRET \(HTTP mode\) nor SLACK_APP_TOKEN \(Socket Mode\)/);
    expect(() => slackConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "x", SLACK_API_URL: "slack.com" })).toThrow(/SLACK_API_URL must be an http\(s\) URL such as https:\/\/slack.com\/api\/ \(set it in your environment or .env file, or unset it\)/);
  });

  it("Discord: skipped without a token; the application id is required; DISCORD_SHARDS is 'auto' or a count", () => {
    expect(discordConfig({})).toBeUndefined();
    expect(discordConfig({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1" })).toEqual({ token: "t", applicationId: "1" });
    expect(discordConfig({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1", DISCORD_SHARDS: "auto" })?.shards).toBe("auto");
    expect(discordConfig({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1", DISCORD_SHARDS: "4" })?.shards).toBe(4);
    expect(() => discordConfig({ DISCORD_TOKEN: "t" })).toThrow(/DISCORD_APPLICATION_ID is not: copy the Application ID/);
    for (const bad of ["0", "many", "-2"]) expect(() => discordConfig({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1", DISCORD_SHARDS: bad })).toThrow(/DISCORD_SHARDS must be 'auto' .* or a whole number of shards above 0/);
  });

  it("the core's config knows no platform: their variables are not its business, and admins are any platform:user pairs", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", DISCORD_TOKEN: "t", PAPERBOT_ADMINS: "slack:U1, discord:42,matrix:ada" });
    expect(JSON.stringify(config)).not.toMatch(/xoxb-1|"t"/);
    expect(config.chat).toEqual({ port: 3000, limits: expect.any(Object), admins: ["slack:U1", "discord:42", "matrix:ada"] });
    expect(() => loadConfig({ PAPERBOT_ADMINS: "U1" })).toThrow(/PAPERBOT_ADMINS must list users as platform:user-id pairs/);
  });
});
