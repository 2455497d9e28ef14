import type { CommandSurface } from "../../src/chat/help.ts";

/** The slash commands `npm run discord:register` registers (commands.ts); help is a mention that says "help". */
export const DISCORD_COMMANDS: CommandSurface = {
  commands: [
    { command: "ask", as: "/ask" },
    { command: "paper", as: "/paper" },
    { command: "similar", as: "/similar" },
    { command: "digest", as: "/digest" },
    { command: "stats", as: "/stats" },
    { command: "help", as: "@paperbot help" },
  ],
};
