import { createRequire } from "node:module";
import { pino, type Logger } from "pino";

export type { Logger } from "pino";

/** Keys that may hold secrets, wherever they appear in a log object. */
const REDACT = ["apiKey", "token", "password", "secret", "authorization", "signingSecret", "botToken", "appToken"].flatMap((key) => [
  key,
  `*.${key}`,
  `*.*.${key}`,
]);

/**
 * Logs go to stderr so that stdout carries only a command's output: pretty
 * for a person at a terminal, JSON lines for everything else.
 */
export function createLogger(level: string, stream: NodeJS.WriteStream = process.stderr): Logger {
  const options = { level, redact: { paths: REDACT, censor: "[redacted]" } };
  if (stream.isTTY) {
    // Loaded only for a terminal: servers and pipes log JSON and need not pay for it at start (about 35 ms).
    const pretty = createRequire(import.meta.url)("pino-pretty") as typeof import("pino-pretty");
    return pino(options, pretty({ destination: stream, colorize: true, ignore: "pid,hostname", translateTime: "HH:MM:ss" }));
  }
  return pino(options, stream);
}
