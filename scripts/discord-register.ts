/**
 * `npm run discord:register [-- --guild <id>]`: registers /ask, /paper and
 * /digest with Discord. With a guild id (or DISCORD_GUILD_ID) they appear in
 * that server at once, which suits development; without one they are
 * registered globally, for production.
 *
 * Arguments are parsed by commander, as the CLI's are, so `--help` prints
 * help and an unknown flag is refused; neither registers anything.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import { DiscordAPIError, REST, Routes } from "discord.js";
import { SLASH_COMMANDS } from "../adapters/discord/commands.ts";
import { discordConfig } from "../adapters/discord/config.ts";
import { loadDotEnv } from "../src/config.ts";
import { describeNetworkError } from "../src/network-error.ts";

type Output = { stdout: (text: string) => void; stderr: (text: string) => void };

/** Returns the exit code: 0 registered (or help), 1 failed, 2 bad usage. */
export async function registerSlashCommands(args: string[], env: NodeJS.ProcessEnv = process.env, out: Output = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) }): Promise<number> {
  const program = new Command("npm run discord:register --")
    .description("Register paperbot's slash commands (/ask, /paper, /similar, /digest) with Discord.")
    .option("--guild <id>", "register in one server, where they appear at once (default: $DISCORD_GUILD_ID; without either, globally, which can take an hour)")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr });
  try {
    program.parse(args, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const discord = discordConfig(env);
  if (!discord) {
    out.stderr("Set DISCORD_TOKEN and DISCORD_APPLICATION_ID first (see README: Connect to Discord).\n");
    return 1;
  }
  const guildId = program.opts<{ guild?: string }>().guild ?? discord.guildId;
  const rest = new REST({ ...(discord.apiUrl && { api: discord.apiUrl }), retries: 1 }).setToken(discord.token);
  const route = guildId ? Routes.applicationGuildCommands(discord.applicationId, guildId) : Routes.applicationCommands(discord.applicationId);
  try {
    const registered = (await rest.put(route, { body: SLASH_COMMANDS })) as { name: string }[];
    out.stdout(`Registered ${registered.map((command) => `/${command.name}`).join(", ")} ${guildId ? `in guild ${guildId}` : "globally (may take up to an hour to appear)"}.\n`);
    return 0;
  } catch (error) {
    out.stderr(`Could not register the commands: ${whyRegistrationFailed(error, discord.apiUrl ?? "https://discord.com/api")}\n`);
    return 1;
  }
}

/** One line: what Discord said, or why it could not be reached. */
function whyRegistrationFailed(error: unknown, apiUrl: string): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return "Discord rejected DISCORD_TOKEN (401); reset the bot token and set it again.";
    if (error.status === 403 || error.status === 404) return `Discord refused (${error.status}: ${error.message}); check DISCORD_APPLICATION_ID and the guild id, and that the bot is in that server.`;
    return `Discord answered ${error.status}: ${error.message}`;
  }
  const status = (error as { status?: number }).status;
  if (status) return `Discord answered ${status}; try again later.`;
  return `cannot reach ${apiUrl}: ${describeNetworkError(error)}`;
}

// Run as a script (directly or through bin/run.js, which sets argv[1]), not when a test imports it.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  loadDotEnv();
  process.exitCode = await registerSlashCommands(process.argv.slice(2));
}
