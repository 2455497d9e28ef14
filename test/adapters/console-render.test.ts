import { PassThrough } from "node:stream";
import { pino } from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { SURFACES } from "../../adapters/assemble.ts";
import { PLATFORM as CONSOLE, runConsole } from "../../adapters/console/console.ts";
import { CONSOLE_COMMANDS } from "../../adapters/console/surface.ts";
import { PLATFORM as DISCORD } from "../../adapters/discord/discord.ts";
import { DISCORD_COMMANDS } from "../../adapters/discord/surface.ts";
import { PLATFORM as SLACK } from "../../adapters/slack/platform.ts";
import { Answerer } from "../../src/answer/answerer.ts";
import { ChatBot } from "../../src/chat/bot.ts";
import { commandSummary, helpText } from "../../src/chat/help.ts";
import { useSampleLibrary } from "../helpers/library.ts";

const samples = useSampleLibrary();
let bot: ChatBot;
beforeAll(() => {
  const library = samples();
  bot = new ChatBot({ library, answerer: new Answerer(library), logger: pino({ level: "silent" }), limits: { questionsPerWindow: 100, windowMs: 60_000, maxQuestionChars: 2_000 }, surfaces: SURFACES });
});

/** A whole terminal session over the real core: what it printed. */
async function session(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => void (printed += String(chunk)));
  const running = runConsole(bot, input, output);
  input.end(`${lines.join("\n")}\n`);
  await running;
  return printed;
}

describe("the terminal chat", () => {
  it("prints plain text: no Markdown marks, no <…> around links, a title search's address spelled out", async () => {
    const printed = await session(["thanks!", "which papers cover KV cache compression?", "more like the second one", "/paper BitNet", "what about protein folding with transformers?"]);
    expect(printed).not.toMatch(/<https?:|\*\*|(^|\s)\*\S|\\\*/m);
    expect(printed).toMatch(/^\[1\] (?:.+: )?title search: https:\/\/huggingface\.co\/papers\?q=\S+$/m);
    expect(printed).toMatch(/^You're welcome!/m);
    expect(printed).toMatch(/^Papers similar to Model Tells You What to Discard/m);
    expect(printed).toMatch(/^No paper is titled BitNet; this one has it in its title/m);
    expect(printed).not.toMatch(/no direct link/);
  });

  it("lists the same commands in its banner, its help and its answer to an unknown command, and no digest", async () => {
    const printed = await session(["/foo", "/help"]);
    expect(printed.split("\n")[0]).toBe("paperbot: ask about the papers in the library. /paper <name>, /similar <name>, /stats, /help, /quit.");
    expect(printed).toContain("I don't have a /foo command. The ones I know are /paper, /similar, /stats, /help and /quit.");
    expect(printed).toContain("/paper PyramidKV to look up one paper");
    expect(printed).toContain("/quit ends the session");
    expect(printed).not.toMatch(/digest|(^|\s)paper PyramidKV/m);
    expect(commandSummary(CONSOLE_COMMANDS)).toBe("/paper <name>, /similar <name>, /stats, /help, /quit");
  });
});

describe("command lists per surface", () => {
  it("are keyed by the adapters' own platform names", () => {
    expect(Object.keys(SURFACES).sort()).toEqual([CONSOLE, DISCORD, SLACK].sort());
  });

  it("spell each platform's commands as typed there", () => {
    expect(helpText(SURFACES[SLACK])).toContain("`/paperbot stats`");
    expect(helpText(DISCORD_COMMANDS)).toContain("`/digest subscribe [topic]`");
  });
});
