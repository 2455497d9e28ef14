import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AdapterState, AdapterStatus } from "../status.ts";

export type HealthState = { adapters: Map<string, AdapterStatus>; startedAt: Date; shuttingDown: boolean };

export function healthState(): HealthState {
  return { adapters: new Map(), startedAt: new Date(), shuttingDown: false };
}

/** Records an adapter's new state; returns the previous one so callers can log only changes. */
export function setAdapterState(state: HealthState, name: string, next: AdapterState, reason?: string): AdapterState | undefined {
  const previous = state.adapters.get(name);
  if (previous?.state === next && previous.reason === reason) return previous.state;
  state.adapters.set(name, { state: next, since: new Date(), ...(reason && { reason }) });
  return previous?.state;
}

/**
 * GET /healthz: 200 only when every configured platform is connected and
 * accepted our token; 503 otherwise (a platform down or reconnecting, none
 * configured, or shutting down), with each adapter's state and reason so
 * whoever is paged sees what to fix.
 */
export function healthHandler(state: HealthState): (request: IncomingMessage, response: ServerResponse) => void {
  return (_request, response) => {
    const adapters = Object.fromEntries([...state.adapters].map(([name, status]) => [name, { state: status.state, ...(status.reason && { reason: status.reason }), since: status.since.toISOString() }]));
    const statuses = [...state.adapters.values()];
    const status =
      state.shuttingDown ? "shutting-down"
      : statuses.length === 0 ? "no-platform"
      : statuses.every((adapter) => adapter.state === "ready") ? "ok"
      : "degraded";
    response.writeHead(status === "ok" ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" }).end(
      JSON.stringify({
        status,
        adapters,
        ...(status === "no-platform" && { reason: "no chat platform is configured: set SLACK_BOT_TOKEN or DISCORD_TOKEN" }),
        uptimeSeconds: Math.round((Date.now() - state.startedAt.getTime()) / 1000),
      }),
    );
  };
}

/** A server with only /healthz, for when no Slack HTTP receiver is listening on the port. */
export async function startHealthServer(port: number, state: HealthState): Promise<Server> {
  const handle = healthHandler(state);
  const server = createServer((request, response) => {
    if (request.method === "GET" && request.url?.split("?")[0] === "/healthz") return handle(request, response);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return server;
}
