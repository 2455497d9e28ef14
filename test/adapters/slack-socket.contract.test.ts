import { createSlackAdapter } from "../../adapters/slack/slack.ts";
import { silentLogger } from "../helpers/logger.ts";
import { eventCallback, startSlackServer } from "../servers/slack.ts";
import { adapterContract } from "./adapter.case.ts";
import { slackHarness } from "./contract-views.ts";

adapterContract("Slack, Socket Mode", async (core) => {
  const slack = await startSlackServer();
  const adapter = createSlackAdapter(core, { botToken: "xoxb-test", appToken: "xapp-test", apiUrl: slack.apiUrl, eventsPath: "/slack/events" }, silentLogger, { port: 0 });
  await adapter.start();
  await slack.socketReady;
  return slackHarness(slack, adapter, (next, text) => {
    const ts = `1800000100.${String(next).padStart(6, "0")}`;
    slack.socketEvent(`env-contract-${next}`, eventCallback(`EvSockContract${next}`, { type: "app_mention", user: "U1", text: `<@UBOT> ${text}`, ts, channel: "C2" }));
  });
});
