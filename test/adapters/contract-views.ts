import type { startDiscordServer } from "../servers/discord.ts";
import type { startSlackServer } from "../servers/slack.ts";
import type { Harness, Seen } from "./adapter.case.ts";

type Slack = Awaited<ReturnType<typeof startSlackServer>>;
type Discord = Awaited<ReturnType<typeof startDiscordServer>>;
type Block = { type: string; elements?: { value?: string; positive_button?: { value: string }; negative_button?: { value: string } }[] };

/** Buttons' values: plain buttons in actions blocks, and both halves of Slack's feedback buttons. */
const slackButtons = (blocks: unknown) =>
  ((blocks as Block[] | undefined) ?? [])
    .filter((block) => block.type === "actions" || block.type === "context_actions")
    .flatMap((block) => block.elements ?? [])
    .flatMap((element) => [element.value, element.positive_button?.value, element.negative_button?.value].filter((value): value is string => Boolean(value)));

/** What a Slack user sees: messages posted since `from` (an index into `posted`), as last updated, with their reactions. */
export function slackView(slack: Slack, from: number): Seen[] {
  const messages = new Map<string, Seen>();
  for (const message of slack.posted.slice(from)) messages.set(message.ts, { text: `${message.text}\n${JSON.stringify(message.blocks ?? [])}`, buttons: slackButtons(message.blocks), reactions: [] });
  for (const call of slack.calls) {
    const target = messages.get(call.body.ts ?? call.body.timestamp);
    if (!target) continue;
    if (call.method === "chat.update") Object.assign(target, { text: `${call.body.text}\n${JSON.stringify(call.body.blocks ?? [])}`, buttons: slackButtons(call.body.blocks) });
    if (call.method === "reactions.add") target.reactions.push(call.body.name);
    if (call.method === "chat.delete") messages.delete(call.body.ts);
  }
  return [...messages.values()];
}

/** The contract's harness over a Slack adapter and its local fake; `deliver` sends the user's `n`-th message (1, 2, …) as the mode at hand does. */
export function slackHarness(slack: Slack, adapter: { stop(): Promise<void> }, deliver: (n: number, text: string) => Promise<void> | void): Harness {
  let from = 0;
  let next = 0;
  return {
    buttons: true,
    say: async (text) => void (await deliver(++next, text)),
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
}

const NAMES: Record<string, string> = { "👍": "thumbsup", "👎": "thumbsdown" };
type Row = { components: { custom_id?: string }[] };
const discordButtons = (rows: Row[] | undefined) => (rows ?? []).flatMap((row) => row.components).flatMap((button) => (button.custom_id ? [button.custom_id] : []));

/** What a Discord user sees: messages created (POST) since the calls were cleared, as last edited, with reactions. */
export function discordView(discord: Discord): Seen[] {
  const messages = new Map<string, Seen>();
  for (const call of discord.calls) {
    let match: RegExpExecArray | null;
    if (call.method === "POST" && /^\/channels\/\d+\/messages$/.test(call.path) && call.created) messages.set(call.created, { text: call.body.content, buttons: discordButtons(call.body.components), reactions: [] });
    else if (call.method === "PATCH" && (match = /^\/channels\/\d+\/messages\/(\d+)$/.exec(call.path)) && messages.has(match[1]!)) Object.assign(messages.get(match[1]!)!, { text: call.body.content, buttons: discordButtons(call.body.components) });
    else if (call.method === "PUT" && (match = /^\/channels\/\d+\/messages\/(\d+)\/reactions\/([^/]+)\/@me$/.exec(call.path))) messages.get(match[1]!)?.reactions.push(NAMES[match[2]!] ?? match[2]!);
  }
  return [...messages.values()];
}
