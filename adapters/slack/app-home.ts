import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { statsMarkdown, type StatsSource } from "../../src/chat/stats.ts";
import { toMrkdwn } from "./mrkdwn.ts";

const CHANNEL = /^slack:(.+)$/;

/** The channels this user is in, as far as Slack tells the app (needs channels:read and groups:read); none if it will not say. */
async function channelsOf(client: WebClient, user: string, log: Logger): Promise<Set<string>> {
  try {
    const { channels = [] } = await client.users.conversations({ user, types: "public_channel,private_channel,im", limit: 1000, exclude_archived: true });
    return new Set(channels.flatMap((channel) => (channel.id ? [channel.id] : [])));
  } catch (error) {
    log.warn({ err: error, user }, "could not list this user's channels (the app needs channels:read and groups:read); App Home shows no digests");
    return new Set();
  }
}

/**
 * The App Home tab: the library's stats, and the digests of the channels
 * this user is in (not every team's topics), published when they open it.
 */
export function handleAppHome(app: App, stats: StatsSource, firstDelivery: (body: unknown) => Promise<boolean>, log: Logger): void {
  app.event("app_home_opened", async ({ event, client, body }) => {
    if (event.tab !== "home" || !(await firstDelivery(body))) return;
    const [library, mine] = await Promise.all([stats(), channelsOf(client, event.user, log)]);
    const subscriptions = library.subscriptions.filter((sub) => mine.has(CHANNEL.exec(sub.channel)?.[1] ?? ""));
    const digests = subscriptions.map((sub) => `• <#${CHANNEL.exec(sub.channel)![1]}>: daily at ${sub.time} ${sub.timeZone}${sub.topic ? `, on _${toMrkdwn(sub.topic)}_` : ""}${sub.lastDate ? `, last ${sub.lastDate}` : ""}`);
    // The library-wide lines only: the channel list below is this user's.
    const overview = toMrkdwn(statsMarkdown({ ...library, subscriptions: [] }).split("\n").filter((line) => !line.includes("digest subscriptions")).join("\n"));
    await client.views.publish({
      user_id: event.user,
      view: {
        type: "home",
        blocks: [
          { type: "header", text: { type: "plain_text", text: "paperbot" } },
          { type: "section", text: { type: "mrkdwn", text: overview.slice(0, 3000) } },
          { type: "divider" },
          { type: "section", text: { type: "mrkdwn", text: (digests.length > 0 ? `*Digests in your channels*\n${digests.join("\n")}` : "*Digests in your channels*: none. In a channel, `/digest subscribe [topic]` starts one.").slice(0, 3000) } },
          { type: "context", elements: [{ type: "mrkdwn", text: "Ask me in any channel with @paperbot, or here in Messages. `/paperbot help` lists what I can do." }] },
        ],
      },
    });
  });
}

/**
 * Slack's AI-app pattern: "is looking through the library…" under the
 * thread while answering (Slack clears it when the reply is posted). Only an
 * AI app's assistant threads take a status; anywhere else Slack says no,
 * which changes nothing, so the refusal is only logged at debug level.
 */
export async function showWorking(client: WebClient, channel: string, threadTs: string, log: Logger): Promise<void> {
  await client.assistant.threads.setStatus({ channel_id: channel, thread_ts: threadTs, status: "is looking through the library…" }).catch((error: unknown) => log.debug({ err: error }, "no assistant status here"));
}
