import { randomUUID } from "node:crypto";
import { userInfo } from "node:os";
import { createInterface } from "node:readline";
import type { ChatCore, Reply } from "../../src/chat/adapter.ts";
import { commandFromText } from "../../src/chat/request.ts";
import { renderForTerminal } from "./render.ts";

/**
 * `paperbot chat`: the bot in a terminal, one conversation thread per
 * session, so anyone can try it without a Slack or Discord token.
 */
export async function runConsole(core: ChatCore, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const thread = `console:${randomUUID()}`;
  const user = { id: safeUserName() };
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const lines = createInterface({ input, ...(interactive && { output, prompt: "you> " }), terminal: interactive });
  output.write("paperbot: ask about the papers in the library. /paper <name>, /similar <name>, /stats, /help, /quit.\n");
  if (interactive) lines.prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === "/quit" || text === "/exit") break;
    if (text) {
      await core.receive({ ...commandFromText(text), thread, channel: "console", user, platform: "console" }, consoleReply(output));
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return "console";
  }
}

/**
 * A terminal cannot edit what it printed, so progress is not shown (the
 * prompt waits instead) and each response is printed once, in full.
 */
export function consoleReply(output: NodeJS.WritableStream): Reply {
  let next = 0;
  return {
    post: async (message) => {
      if ("response" in message) output.write(`\n${renderForTerminal(message.response)}\n\n`);
      return { id: String(next++) };
    },
    edit: async (_posted, message) => {
      if ("response" in message) output.write(`\n${renderForTerminal(message.response)}\n\n`);
    },
    react: async (_posted, emoji) => {
      output.write(`(${emoji})\n`);
    },
  };
}
