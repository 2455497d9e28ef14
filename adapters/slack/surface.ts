import type { CommandSurface } from "../../src/chat/help.ts";

/** The slash commands the manifests register; stats and help go through `/paperbot`. */
export const SLACK_COMMANDS: CommandSurface = {
  commands: [
    { command: "ask", as: "/ask" },
    { command: "paper", as: "/paper" },
    { command: "similar", as: "/similar" },
    { command: "digest", as: "/digest" },
    { command: "stats", as: "/paperbot stats" },
    { command: "help", as: "/paperbot help" },
  ],
};
