import { createSlackAdapter } from "../../adapters/slack/slack.ts";
import { silentLogger } from "../helpers/logger.ts";
import { eventCallback, sendSigned, startSlackServer } from "../servers/slack.ts";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { adapterContract } from "./adapter.case.ts";
import { slackView } from "./contract-views.ts";

const SECRET = "contract-secret";

adapterContract("Slack, HTTP mode", async (core) => {
  const slack = await startSlackServer();
  const adapter = createSlackAdapter(core, { botToken: "xoxb-test", signingSecret: SECRET, apiUrl: slack.apiUrl, eventsPath: "/slack/events" }, silentLogger, { port: 0 });
  const server = (await adapter.start()) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  let from = 0;
  let next = 0;
  return {
    buttons: true,
    async say(text) {
      const ts = `1800000000.${String(++next).padStart(6, "0")}`;
      await sendSigned(url, SECRET, eventCallback(`EvContract${next}`, { type: "app_mention", user: "U1", text: `<@UBOT> ${text}`, ts, channel: "C1" }), "application/json");
    },
    seen: () => slackView(slack, from),
    reset() {
      from = slack.posted.length;
      slack.calls.length = 0;
    },
    async close() {
      await adapter.stop();
      await slack.close();
    },
  };
});
