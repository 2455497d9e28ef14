import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, GUILD_ID, startDiscordServer } from "../servers/discord.ts";

let discord: Awaited<ReturnType<typeof startDiscordServer>>;
beforeAll(async () => {
  discord = await startDiscordServer();
});
afterAll(() => discord.close());

function register(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, "..", "..", "scripts", "discord-register.ts"), ...args], {
      env: { PATH: process.env.PATH ?? "", DISCORD_TOKEN: "test-token", DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.apiUrl },
    });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout }));
  });
}

describe("slash command registration", () => {
  it("registers /ask, /paper, /similar, /digest and /stats in a guild for development, or globally", async () => {
    const guild = await register(["--guild", GUILD_ID]);
    expect(guild.stdout).toContain(`Registered /ask, /paper, /similar, /digest, /stats in guild ${GUILD_ID}`);
    const put = discord.calls.find((call) => call.method === "PUT")!;
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.body.find((command: { name: string }) => command.name === "digest").options.map((option: { name: string }) => option.name)).toEqual(["subscribe", "unsubscribe", "now", "show"]);
    expect((await register([])).stdout).toContain("globally");
    expect(discord.calls.at(-1)!.path).toBe(`/applications/${APP_ID}/commands`);
  });
});
