import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export type HealthState = { adapters: string[]; startedAt: Date; shuttingDown: boolean };

/** GET /healthz: 200 with what is running, 503 while shutting down. */
export function healthHandler(state: HealthState): (request: IncomingMessage, response: ServerResponse) => void {
  return (_request, response) => {
    const status = state.shuttingDown ? 503 : 200;
    response.writeHead(status, { "content-type": "application/json" }).end(
      JSON.stringify({ status: state.shuttingDown ? "shutting-down" : "ok", adapters: state.adapters, uptimeSeconds: Math.round((Date.now() - state.startedAt.getTime()) / 1000) }),
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
