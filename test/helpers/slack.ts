import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSlackAdapter, type SlackAdapterOptions } from "../../adapters/slack/slack.ts";
import type { ChatCore } from "../../src/chat/adapter.ts";
import { silentLogger } from "./logger.ts";
import { startSlackServer } from "../servers/slack.ts";

type SlackServer = Awaited<ReturnType<typeof startSlackServer>>;

/** A real Bolt app in HTTP mode on an ephemeral port, talking to the local Slack Web API `slack` (which it does not close). */
export async function startSlackAdapter(core: ChatCore, slack: SlackServer, signingSecret: string, options: Omit<SlackAdapterOptions, "port"> = {}) {
  const adapter = createSlackAdapter(core, { botToken: "xoxb-test", signingSecret, apiUrl: slack.apiUrl, eventsPath: "/slack/events" }, silentLogger, { port: 0, ...options });
  const server = (await adapter.start()) as Server;
  return { adapter, eventsUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` };
}

/** A real Bolt app on an ephemeral port, talking to a local Slack Web API of its own. */
export async function startSlackBot(core: ChatCore, signingSecret: string, options: Omit<SlackAdapterOptions, "port"> = {}, server: Parameters<typeof startSlackServer>[0] = {}) {
  const slack = await startSlackServer(server);
  const { adapter, eventsUrl } = await startSlackAdapter(core, slack, signingSecret, options);
  return {
    slack,
    eventsUrl,
    async close() {
      await adapter.stop();
      await slack.close();
    },
  };
}
