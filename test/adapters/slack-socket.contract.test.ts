import { createSlackAdapter } from "../../adapters/slack/slack.ts";
import { silentLogger } from "../helpers/logger.ts";
import { eventCallback, startSlackServer } from "../servers/slack.ts";
import { adapterContract } from "./adapter.case.ts";
import { slackView } from "./contract-views.ts";

adapterContract("Slack, Socket Mode", async (core) => {
  const slack = await startSlackServer();
  const adapter = createSlackAdapter(core, { botToken: "xoxb-test", appToken: "xapp-test", apiUrl: slack.apiUrl, eventsPath: "/slack/events" }, silentLogger, { port: 0 });
  await adapter.start();
  await slack.socketReady;
  let from = 0;
  let next = 0;
  return {
    buttons: true,
    async say(text) {
      const ts = `1800000100.${String(++next).padStart(6, "0")}`;
      slack.socketEvent(`env-contract-${next}`, eventCallback(`EvSockContract${next}`, { type: "app_mention", user: "U1", text: `<@UBOT> ${text}`, ts, channel: "C2" }));
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
