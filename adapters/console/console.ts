import { randomUUID } from "node:crypto";
import { userInfo } from "node:os";
import { createInterface } from "node:readline";
import type { ChatCore, Reply } from "../../src/chat/adapter.ts";
import { commandSummary } from "../../src/chat/help.ts";
import { commandFromText } from "../../src/chat/request.ts";
import { renderForTerminal } from "./render.ts";
import { CONSOLE_COMMANDS } from "./surface.ts";

/** The platform's name in requests; a terminal session has one channel. */
export const PLATFORM = "console";

/** How a session ended: `/quit` or the end of input, or Ctrl-C. */
export type ConsoleEnd = "done" | "interrupted";

/**
 * `paperbot chat`: the bot in a terminal, one conversation thread per
 * session, so anyone can try it without a Slack or Discord token. In a
 * terminal Ctrl-C arrives as a keystroke, not a signal: it ends the
 * session at once, even mid-answer, and says it was interrupted.
 */
export async function runConsole(core: ChatCore, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<ConsoleEnd> {
  const thread = `${PLATFORM}:${randomUUID()}`;
  // Whoever sits at the terminal runs the bot, so they manage every channel's digest.
  const user = { id: safeUserName(), canManageChannel: true };
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const lines = createInterface({ input, ...(interactive && { output, prompt: "you> " }), terminal: interactive });
  let interrupt: () => void = () => {};
  const interrupted = new Promise<ConsoleEnd>((resolve) => (interrupt = () => resolve("interrupted")));
  lines.on("SIGINT", () => {
    output.write("\n");
    interrupt();
  });
  output.write(`paperbot: ask about the papers in the library. ${commandSummary(CONSOLE_COMMANDS)}.\n`);
  const session = async (): Promise<ConsoleEnd> => {
    if (interactive) lines.prompt();
    for await (const line of lines) {
      const text = line.trim();
      if (text === "/quit" || text === "/exit") break;
      if (text) await core.receive({ ...commandFromText(text), thread, channel: PLATFORM, user, platform: PLATFORM }, consoleReply(output));
      if (interactive) lines.prompt();
    }
    return "done";
  };
  try {
    return await Promise.race([session(), interrupted]);
  } finally {
    lines.close();
  }
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
