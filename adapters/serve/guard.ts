import { randomBytes } from "node:crypto";
import type { Logger } from "pino";

/**
 * The last line of defence for `serve`: an error that escapes every
 * per-request handler (a library's own async code choking on an input we
 * did not foresee) is logged with a reference and dropped, instead of
 * taking down every platform at once. Each adapter isolates its requests
 * first; this only catches what slips past them. Returns the uninstaller.
 */
export function installProcessGuard(logger: Logger, onDropped: () => void = () => {}): () => void {
  const drop = (kind: string) => (error: unknown) => {
    const reference = randomBytes(4).toString("hex");
    onDropped();
    logger.error({ err: error, reference, kind }, "an input failed outside any request handler; dropped it and kept running");
  };
  const onException = drop("uncaughtException");
  const onRejection = drop("unhandledRejection");
  process.on("uncaughtException", onException);
  process.on("unhandledRejection", onRejection);
  return () => {
    process.off("uncaughtException", onException);
    process.off("unhandledRejection", onRejection);
  };
}
