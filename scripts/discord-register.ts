/**
 * `npm run discord:register [-- --guild <id>]`: registers /ask, /paper and
 * /digest with Discord. With a guild id (or DISCORD_GUILD_ID) they appear in
 * that server at once, which suits development; without one they are
 * registered globally, for production.
 */
import { REST, Routes } from "discord.js";
import { SLASH_COMMANDS } from "../adapters/discord/commands.ts";
import { loadConfig, loadDotEnv } from "../src/config.ts";

loadDotEnv();
const discord = loadConfig().chat.discord;
if (!discord) {
  process.stderr.write("Set DISCORD_TOKEN and DISCORD_APPLICATION_ID first (see README: Connect to Discord).\n");
  process.exit(1);
}
const guildFlag = process.argv.indexOf("--guild");
const guildId = guildFlag >= 0 ? process.argv[guildFlag + 1] : discord.guildId;
const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
const route = guildId ? Routes.applicationGuildCommands(discord.applicationId, guildId) : Routes.applicationCommands(discord.applicationId);
const registered = (await rest.put(route, { body: SLASH_COMMANDS })) as { name: string }[];
process.stdout.write(`Registered ${registered.map((command) => `/${command.name}`).join(", ")} ${guildId ? `in guild ${guildId}` : "globally (may take up to an hour to appear)"}.\n`);
