import type { IncomingMessage, ServerResponse } from "node:http";
import { HTTPModuleFunctions, type HTTPReceiver } from "@slack/bolt";
import type { Logger } from "pino";
import { preview } from "../status.ts";

/** Slack's replay window; Bolt checks only the past side of it. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

type Buffered = IncomingMessage & { rawBody: Buffer };

/**
 * Per-request isolation in front of Bolt's HTTP receiver. Bolt reads
 * `body.ssl_check` from whatever JSON a request holds, in an async block
 * nothing awaits, so a correctly signed body of `null` (or `payload=null`,
 * `[]`, `7`) became an unhandled rejection that stopped the process. Here
 * the body is read once, anything that is not a JSON object is logged and
 * answered 400, and the rest goes to Bolt (which reuses the buffered body).
 * A timestamp from more than five minutes in the future is refused too.
 */
export function guardReceiver(receiver: HTTPReceiver, eventsPath: string, log: Logger): void {
  const pass = receiver.requestListener;
  receiver.requestListener = (request, response) => {
    if (request.method !== "POST" || request.url?.split("?")[0] !== eventsPath) return pass(request, response);
    void screen(request, response).catch((error: unknown) => {
      log.warn({ err: error }, "dropped a Slack request that could not be read");
      if (!response.headersSent) response.writeHead(400).end();
    });
  };

  async function screen(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let buffered: Buffered;
    try {
      buffered = (await HTTPModuleFunctions.bufferIncomingMessage(request, HTTPModuleFunctions.defaultBodyLimit)) as Buffered;
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && (error.type === "entity.too.large" || error.statusCode === 413);
      log.warn({ err: error }, tooLarge ? "dropped a Slack request: body too large" : "dropped a Slack request whose body could not be read");
      response.writeHead(tooLarge ? 413 : 400).end();
      return;
    }
    const timestamp = Number(request.headers["x-slack-request-timestamp"]);
    if (Number.isFinite(timestamp) && timestamp - Date.now() / 1000 > MAX_CLOCK_SKEW_SECONDS) {
      log.warn({ timestamp }, "refused a Slack request dated in the future (a replay, or a badly wrong clock)");
      response.writeHead(401).end();
      return;
    }
    const problem = shapeProblem(buffered);
    if (problem) {
      log.warn({ contentType: request.headers["content-type"], body: preview(buffered.rawBody.toString("utf8")) }, `dropped a Slack request: ${problem}`);
      response.writeHead(400).end();
      return;
    }
    pass(buffered, response);
  }
}

/** What Bolt would choke on: a body that parses (as Bolt parses it) to something other than an object. Unparseable bodies Bolt answers itself. */
function shapeProblem(request: Buffered): string | undefined {
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(request);
  } catch {
    return undefined;
  }
  return body !== null && typeof body === "object" && !Array.isArray(body) ? undefined : `its body is ${body === null ? "null" : Array.isArray(body) ? "an array" : `a ${typeof body}`}, not a JSON object`;
}
