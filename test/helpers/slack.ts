import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSlackAdapter } from "../../adapters/slack/slack.ts";
import type { ChatBot } from "../../src/chat/bot.ts";
import { silentLogger } from "./logger.ts";
import { startSlackServer } from "../servers/slack.ts";

/** A real Bolt app on an ephemeral port, talking to a local Slack Web API. */
export async function startSlackBot(bot: ChatBot, signingSecret: string) {
  const slack = await startSlackServer();
  const adapter = createSlackAdapter(bot, { botToken: "xoxb-test", signingSecret, apiUrl: slack.apiUrl, eventsPath: "/slack/events" }, silentLogger, { port: 0 });
  const server = (await adapter.start()) as Server;
  const eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  return {
    slack,
    eventsUrl,
    async close() {
      await adapter.stop();
      await slack.close();
    },
  };
}
