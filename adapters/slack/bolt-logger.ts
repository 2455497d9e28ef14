import type { Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "pino";

/** Bolt's logger interface over our pino logger, so Bolt's messages land in the same logs. */
export function boltLogger(logger: Logger): BoltLogger {
  let level = "info" as LogLevel;
  return {
    debug: (...messages: unknown[]) => logger.debug(messages.map(String).join(" ")),
    info: (...messages: unknown[]) => logger.info(messages.map(String).join(" ")),
    warn: (...messages: unknown[]) => logger.warn(messages.map(String).join(" ")),
    error: (...messages: unknown[]) => logger.error(messages.map(String).join(" ")),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
