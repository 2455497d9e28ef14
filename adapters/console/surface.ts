import type { CommandSurface } from "../../src/chat/help.ts";

/** The terminal's commands, typed with a slash; no digest, since a terminal is no channel to post one in. */
export const CONSOLE_COMMANDS: CommandSurface = {
  commands: [
    { command: "paper", as: "/paper" },
    { command: "similar", as: "/similar" },
    { command: "stats", as: "/stats" },
    { command: "help", as: "/help" },
    { command: "quit", as: "/quit" },
  ],
};
