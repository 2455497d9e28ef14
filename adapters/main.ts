/**
 * The `paperbot` command: the core's commands plus the ones that need the
 * chat platforms (`serve`, `chat`). This is the one place where the
 * platform-free core and the platform adapters are put together.
 */
import { exitQuietlyOnClosedPipe, runCli } from "../src/cli/main.ts";
import { registerChat } from "./console/command.ts";
import { registerDigest } from "./digest/command.ts";
import { wasInterrupted } from "./interrupt.ts";
import { registerServe } from "./serve/command.ts";

exitQuietlyOnClosedPipe();
const code = await runCli(process.argv, [registerServe, registerChat, registerDigest]);
// Work still running after an interrupted command (an answer being written) is abandoned, as Ctrl-C asks.
if (wasInterrupted()) process.exit(130);
process.exitCode = code;
