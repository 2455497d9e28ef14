import type { Client } from "discord.js";
import type { Logger } from "pino";
import { preview } from "../status.ts";

type Packet = { t?: string; d?: unknown };
type PacketManager = { handlePacket(packet?: Packet, shard?: unknown): boolean };

/**
 * Per-frame isolation for the gateway. discord.js turns each dispatch into
 * objects synchronously inside its socket handler, so one malformed frame
 * (MESSAGE_CREATE with `d: null` or `author: null`) throws where nothing
 * catches it and takes the process down. Here such a frame is logged,
 * without secrets, and dropped; the session carries on with the next one.
 * `handlePacket` is discord.js's internal entry point for every dispatch
 * (queued ones too); test/adapters/fuzz.test.ts holds this in place.
 */
export function guardGatewayPackets(client: Client, log: Logger): void {
  const manager = client.ws as unknown as PacketManager;
  const handle = manager.handlePacket.bind(manager);
  manager.handlePacket = (packet, shard) => {
    try {
      return handle(packet, shard);
    } catch (error) {
      log.warn({ err: error, event: packet?.t, data: preview(packet?.d) }, "dropped a Discord gateway event that could not be read");
      return true;
    }
  };
}
