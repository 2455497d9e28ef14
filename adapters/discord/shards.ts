import type { ClientOptions } from "discord.js";
import type { AdapterState, StatusListener } from "../status.ts";
import type { DiscordConfig } from "./config.ts";

/**
 * Sharding the way discord.js does it inside one client: every shard a
 * gateway connection of this process, so `serve` keeps one bot, one health
 * check and one shutdown. "auto" asks Discord how many it recommends
 * (required from 2,500 servers on); a number opens that many. Without the
 * setting, one connection, as for most bots.
 */
export function shardOptions(shards: DiscordConfig["shards"]): Pick<ClientOptions, "shards" | "shardCount"> {
  if (shards === undefined) return {};
  return shards === "auto" ? { shards: "auto" } : { shardCount: shards };
}

const RANK: Record<AdapterState, number> = { ready: 0, starting: 1, reconnecting: 2, down: 3 };

/**
 * The adapter's one status from its shards' own: ready only when every
 * shard is, otherwise the worst one's state and reason (naming the shard
 * when there are several), so /healthz does not say "ready" while part of
 * the servers is cut off.
 */
export class ShardHealth {
  readonly #shards = new Map<number, { state: AdapterState; reason?: string }>();
  readonly #onStatus: StatusListener;

  constructor(onStatus: StatusListener) {
    this.#onStatus = onStatus;
  }

  set(shard: number, state: AdapterState, reason?: string): void {
    this.#shards.set(shard, { state, ...(reason && { reason }) });
    const several = this.#shards.size > 1;
    const [worstShard, worst] = [...this.#shards].reduce((a, b) => (RANK[b[1].state] > RANK[a[1].state] ? b : a));
    const why = worst.reason && several ? `shard ${worstShard}: ${worst.reason}` : worst.reason;
    this.#onStatus(worst.state, why);
  }
}
