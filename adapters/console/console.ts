import { randomUUID } from "node:crypto";
import { userInfo } from "node:os";
import { createInterface } from "node:readline";
import type { ChatBot } from "../../src/chat/bot.ts";
import { commandFromText } from "../../src/chat/request.ts";
import { renderForTerminal } from "./render.ts";

/**
 * `paperbot chat`: the bot in a terminal, one conversation thread per
 * session, so anyone can try it without a Slack or Discord token.
 */
export async function runConsole(bot: ChatBot, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
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
      const request = { ...commandFromText(text), thread, channel: "console", user, platform: "console" as const };
      const response = await bot.handle(request);
      if (response) output.write(`\n${renderForTerminal(response)}\n\n`);
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
