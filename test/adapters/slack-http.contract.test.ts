import { startSlackAdapter } from "../helpers/slack.ts";
import { eventCallback, sendSigned, startSlackServer } from "../servers/slack.ts";
import { adapterContract } from "./adapter.case.ts";
import { slackHarness } from "./contract-views.ts";

const SECRET = "contract-secret";

adapterContract("Slack, HTTP mode", async (core) => {
  const slack = await startSlackServer();
  const { adapter, eventsUrl: url } = await startSlackAdapter(core, slack, SECRET);
  return slackHarness(slack, adapter, async (next, text) => {
    const ts = `1800000000.${String(next).padStart(6, "0")}`;
    await sendSigned(url, SECRET, eventCallback(`EvContract${next}`, { type: "app_mention", user: "U1", text: `<@UBOT> ${text}`, ts, channel: "C1" }), "application/json");
  });
});
