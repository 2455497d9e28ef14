import type { SocketModeReceiver } from "@slack/bolt";
import type { Logger } from "pino";
import { preview } from "../status.ts";

type Listener = (data: unknown, isBinary: boolean) => unknown;

/**
 * Per-frame isolation for Socket Mode. The socket client reads
 * `payload.event.type` from every `events_api` envelope in an async
 * handler nothing awaits, so an envelope with `payload: null` (or a frame
 * of `null`) became an unhandled rejection. Here each frame's handling is
 * awaited, and a failure is logged, without secrets, and dropped.
 */
export function guardSocket(receiver: SocketModeReceiver, log: Logger): void {
  const client = receiver.client as unknown as { listeners(event: string): Listener[]; removeAllListeners(event: string): void; on(event: string, listener: Listener): void };
  const handlers = client.listeners("ws_message");
  client.removeAllListeners("ws_message");
  client.on("ws_message", (data, isBinary) => {
    for (const handle of handlers) {
      void Promise.resolve()
        .then(() => handle(data, isBinary))
        .catch((error: unknown) => log.warn({ err: error, frame: preview(String(data)) }, "dropped a Slack Socket Mode message that could not be read"));
    }
  });
}
