import { pino, type Logger } from "pino";
import pretty from "pino-pretty";

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
    return pino(options, pretty({ destination: stream, colorize: true, ignore: "pid,hostname", translateTime: "HH:MM:ss" }));
  }
  return pino(options, stream);
}
