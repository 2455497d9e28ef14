/**
 * What the bot says it can do, from one list of commands per surface (a
 * terminal, a chat platform), so that the help, the answer to an unknown
 * command and a surface's own banner never disagree. Each surface names
 * the commands people can type there, spelled as they type them there
 * ("/paper" in a terminal, "/paperbot stats" on one platform, "/stats" on
 * another); the adapters define them (platform names stay out of src/).
 */

export type HelpCommand = "ask" | "paper" | "similar" | "digest" | "stats" | "help" | "quit";

/** The commands one surface offers, in the order they are listed, each as typed there. */
export type CommandSurface = { commands: { command: HelpCommand; as: string }[] };

/** Where no adapter said otherwise: the commands as message text, which every surface reads. */
export const TEXT_COMMANDS: CommandSurface = {
  commands: [
    { command: "paper", as: "paper" },
    { command: "similar", as: "similar" },
    { command: "digest", as: "digest" },
    { command: "stats", as: "stats" },
    { command: "help", as: "help" },
  ],
};

/** What each command's line in the help says; `$` is the command as the surface spells it. */
const LINES: Record<HelpCommand, string> = {
  ask: "`$ <question>` asks a question, as a plain message does",
  paper: "`$ PyramidKV` to look up one paper by name, short name, fragment or arXiv id",
  similar: "`$ PyramidKV` for the papers most like one you name",
  digest: "`$ subscribe [topic]`, `$ unsubscribe`, `$ now` for a daily digest in this channel; `$ show` previews the next one, to you alone",
  stats: "`$` for what the library holds: papers by month and source, and the last fetch",
  help: "`$` shows this help",
  quit: "`$` ends the session",
};

/** What a command takes, for the one-line summary. */
const ARGUMENTS: Partial<Record<HelpCommand, string>> = { ask: " <question>", paper: " <name>", similar: " <name>", digest: " subscribe|unsubscribe|now|show" };

/** The full help: how to ask, the follow-ups, and each command the surface offers. */
export function helpText(surface: CommandSurface = TEXT_COMMANDS): string {
  return [
    "Ask me about the papers in the library, for example:",
    '- "which papers cover KV cache compression?"',
    '- then follow up in the thread: "which of those is the most recent?", "which of those are from 2024?", "the second one", "more like 2", or "more" for the next papers',
    '- after a numbered list, reply with a number ("2") to open that paper',
    ...surface.commands.map(({ command, as }) => `- ${LINES[command].replaceAll("$", as)}`),
  ].join("\n");
}

/** "`/paper`, `/similar`, `/stats` and `/help`": the commands a surface knows, for the answer to one it does not. */
export function knownCommands(surface: CommandSurface = TEXT_COMMANDS): string {
  const names = surface.commands.map(({ as }) => `\`${as}\``);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
}

/** "/paper <name>, /similar <name>, /stats, /help, /quit": one line, for a surface's banner. */
export function commandSummary(surface: CommandSurface = TEXT_COMMANDS): string {
  return surface.commands.map(({ command, as }) => `${as}${ARGUMENTS[command] ?? ""}`).join(", ");
}

/** How the surface spells one command ("/paper" in a terminal), or its plain name when the surface lists it under no spelling. */
export function spelled(surface: CommandSurface, command: HelpCommand): string {
  return surface.commands.find((entry) => entry.command === command)?.as ?? command;
}
