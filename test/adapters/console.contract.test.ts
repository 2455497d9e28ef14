import { PassThrough } from "node:stream";
import { runConsole } from "../../adapters/console/console.ts";
import { adapterContract } from "./adapter.case.ts";

adapterContract("console", async (core) => {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => void (printed += String(chunk)));
  const running = runConsole(core, input, output);
  return {
    buttons: false,
    say: async (text) => void input.write(`${text}\n`),
    // A terminal shows one running text; reactions are printed as "(name)".
    seen: () => (printed ? [{ text: printed, buttons: [], reactions: [...printed.matchAll(/^\((\w+)\)$/gm)].map((match) => match[1]!) }] : []),
    reset: () => void (printed = ""),
    async close() {
      input.end();
      await running;
    },
  };
});
