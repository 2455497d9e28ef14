import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerSlashCommands } from "../../scripts/discord-register.ts";
import { APP_ID, GUILD_ID, startDiscordServer } from "../servers/discord.ts";

let discord: Awaited<ReturnType<typeof startDiscordServer>>;
beforeAll(async () => {
  discord = await startDiscordServer();
});
afterAll(() => discord.close());

/** The script in this process, against the local Discord REST server. */
async function register(args: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const base = { DISCORD_TOKEN: "test-token", DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.apiUrl };
  const code = await registerSlashCommands(args, { ...base, ...env }, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe("npm run discord:register", () => {
  it("prints help for --help and refuses unknown flags, registering nothing", async () => {
    const before = discord.calls.length;
    const help = await register(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--guild <id>");
    const unknown = await register(["--globally"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--globally'");
    expect(discord.calls.length).toBe(before);
  });

  it("registers in a guild", async () => {
    const result = await register(["--guild", GUILD_ID]);
    expect(result).toMatchObject({ code: 0, stdout: `Registered /ask, /paper, /similar, /digest, /stats in guild ${GUILD_ID}.\n` });
  });

  it("says in one line why Discord could not be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await register(["--guild", GUILD_ID], { DISCORD_API_URL: `http://127.0.0.1:${port}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`Could not register the commands: cannot reach http://127.0.0.1:${port}: connection refused by 127.0.0.1:${port} (is the server running?)\n`);
  });
});
