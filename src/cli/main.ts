import { Command, CommanderError } from "commander";
import { loadDotEnv } from "../config.ts";
import { isPaperbotError } from "../errors.ts";
import { registerAsk } from "./commands/ask.ts";
import { registerFeedback } from "./commands/feedback.ts";
import { registerFetch } from "./commands/fetch.ts";
import { registerIngest } from "./commands/ingest.ts";
import { registerList } from "./commands/list.ts";
import { registerModel } from "./commands/model.ts";
import { registerPaper } from "./commands/paper.ts";
import { registerReindex } from "./commands/reindex.ts";
import { registerSearch } from "./commands/search.ts";
import { registerSimilar } from "./commands/similar.ts";
import { registerStats } from "./commands/stats.ts";
import { createCliContext, type CliContext } from "./context.ts";
import packageJson from "../../package.json" with { type: "json" };

/** Adds a command; the platform adapters add `serve` and `chat` this way, so the core never imports them. */
export type RegisterCommand = (program: Command, context: () => CliContext) => void;

/** Runs one CLI invocation and returns its exit code: 0 done, 1 failed, 2 bad usage. */
export async function runCli(argv: string[], extraCommands: RegisterCommand[] = []): Promise<number> {
  let context: CliContext | undefined;
  const getContext = () => (context ??= createCliContext());
  const program = new Command("paperbot")
    .description("Answers questions about research papers, citing the papers it used.")
    .version(packageJson.version, "-V, --version", "print the paperbot version")
    .showHelpAfterError("(run with --help for usage)")
    // Options belong to the command they follow, so `digest subscribe --channel` reaches `subscribe`.
    .enablePositionalOptions()
    .exitOverride();
  registerIngest(program, getContext);
  registerList(program, getContext);
  registerSearch(program, getContext);
  registerPaper(program, getContext);
  registerSimilar(program, getContext);
  registerAsk(program, getContext);
  registerFetch(program, getContext);
  registerStats(program, getContext);
  registerFeedback(program, getContext);
  registerReindex(program, getContext);
  registerModel(program, getContext);
  for (const register of extraCommands) register(program, getContext);

  const interrupt = exitOnInterrupt();
  try {
    loadDotEnv();
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const message = isPaperbotError(error) ? error.message : `unexpected failure: ${(error as Error).message}`;
    process.stderr.write(`paperbot: ${message}\n`);
    context?.logger.debug({ err: error }, "command failed");
    return isPaperbotError(error) && error.code === "USAGE" ? 2 : 1;
  } finally {
    interrupt.remove();
  }
}

/**
 * Ctrl-C exits 130, as shells expect of an interrupted command, whatever a
 * library has hooked. A command with its own SIGINT handling (serve drains
 * replies in flight, then exits 0 as a clean stop) is left to it; a second
 * Ctrl-C, once serve's one-shot handler is spent, exits 130 at once.
 */
function exitOnInterrupt(): { remove: () => void } {
  const listener = () => {
    if (process.listenerCount("SIGINT") === 1) process.exit(130);
  };
  process.on("SIGINT", listener);
  return { remove: () => process.off("SIGINT", listener) };
}

/** `paperbot list --json | head` closes the pipe early; that is not an error. */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

