import { createDiscordAdapter } from "../../adapters/discord/discord.ts";
import { silentLogger } from "../helpers/logger.ts";
import { APP_ID, startDiscordServer } from "../servers/discord.ts";
import { adapterContract } from "./adapter.case.ts";
import { discordView } from "./contract-views.ts";

adapterContract("Discord", async (core) => {
  const discord = await startDiscordServer();
  const adapter = createDiscordAdapter(core, { token: "test-token", applicationId: APP_ID, apiUrl: discord.apiUrl }, silentLogger);
  await adapter.start();
  return {
    buttons: true,
    say: async (text) => void discord.userMessage(text),
    seen: () => discordView(discord),
    reset: () => void (discord.calls.length = 0),
    async close() {
      await adapter.stop();
      await discord.close();
    },
  };
});
