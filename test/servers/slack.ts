import { createHmac } from "node:crypto";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { sendJson, startHttpServer } from "./http.ts";

/** `at`: when the call arrived (ms since the epoch), for latency measurements. */
export type SlackCall = { method: string; body: Record<string, any>; at: number };

/** A bot token this fake rejects, as Slack does a revoked one. */
export const REJECTED_TOKEN = "xoxb-rejected";
/** An app-level (Socket Mode) token this fake rejects. */
export const REJECTED_APP_TOKEN = "xapp-rejected";
/** Users this fake reports as workspace admins (users.info). */
export const ADMIN_USER = "UADMIN";

/**
 * Slack's side of the wire on 127.0.0.1: a Web API (`auth.test`,
 * `chat.postMessage`, `chat.update`, `chat.delete`, `chat.postEphemeral`,
 * `users.info`, and text streaming: `chat.startStream`, `appendStream`,
 * `stopStream`) and the `response_url` that slash commands answer to. It
 * records every call for assertions. `streaming: false` answers the
 * streaming methods as Slack does for an app without the AI-app feature.
 */
export async function startSlackServer(options: { streaming?: boolean } = {}) {
  const calls: SlackCall[] = [];
  const responses: Record<string, any>[] = [];
  /** Messages posted to channels, newest last, as conversations.history returns them (newest first). */
  const posted: { channel: string; ts: string; thread_ts?: string; text: string; blocks?: unknown; metadata?: unknown }[] = [];
  /** How many more chat.postMessage calls post, then answer 500 as if the response were lost. */
  let loseResponses = 0;
  let nextTs = 1_700_000_000;
  /** Set to make every call fail as if the token were revoked mid-session. */
  let revoked = false;
  const http = await startHttpServer((request, raw, response) => {
    const path = (request.url ?? "").split("?")[0]!;
    const body = parseBody(raw, request.headers["content-type"] ?? "");
    if (path.startsWith("/response/")) {
      responses.push(body);
      response.writeHead(200).end("ok");
      return;
    }
    const method = path.replace(/^\/api\//, "");
    calls.push({ method, body, at: Date.now() });
    const token = request.headers.authorization?.replace(/^Bearer /, "") ?? body.token;
    if (token === REJECTED_TOKEN || token === REJECTED_APP_TOKEN || revoked) return sendJson(response, 200, { ok: false, error: revoked ? "token_revoked" : "invalid_auth" });
    if (method === "apps.connections.open") return sendJson(response, 200, { ok: true, url: `ws://127.0.0.1:${(http.server.address() as AddressInfo).port}/socket` });
    if (method === "auth.test") return sendJson(response, 200, { ok: true, url: "https://lab.slack.test/", team: "Lab", user: "paperbot", team_id: "T1", user_id: "UBOT", bot_id: "BBOT" });
    if (method === "chat.postMessage") {
      const ts = `${nextTs++}.000100`;
      posted.push({ channel: body.channel, ts, ...(body.thread_ts && { thread_ts: body.thread_ts }), text: body.text, blocks: body.blocks, metadata: typeof body.metadata === "string" ? JSON.parse(body.metadata) : body.metadata });
      if (loseResponses > 0) {
        loseResponses--;
        return sendJson(response, 500, { ok: false, error: "internal_error" });
      }
      return sendJson(response, 200, { ok: true, channel: body.channel, ts, message: { text: body.text } });
    }
    if (method.endsWith("Stream") && options.streaming === false) return sendJson(response, 200, { ok: false, error: "unknown_method" });
    if (method === "chat.startStream") {
      const ts = `${nextTs++}.000300`;
      posted.push({ channel: body.channel, ts, thread_ts: body.thread_ts, text: body.markdown_text ?? "" });
      return sendJson(response, 200, { ok: true, channel: body.channel, ts });
    }
    if (method === "chat.appendStream" || method === "chat.stopStream") {
      const streamed = posted.find((message) => message.ts === body.ts);
      if (!streamed) return sendJson(response, 200, { ok: false, error: "message_not_found" });
      if (method === "chat.appendStream") streamed.text += body.markdown_text ?? "";
      return sendJson(response, 200, { ok: true, channel: body.channel, ts: body.ts });
    }
    if (method === "conversations.replies") return sendJson(response, 200, { ok: true, messages: posted.filter((message) => message.channel === body.channel && (message.thread_ts === body.ts || message.ts === body.ts)), has_more: false });
    if (method === "conversations.history") return sendJson(response, 200, { ok: true, messages: posted.filter((message) => message.channel === body.channel).reverse(), has_more: false });
    if (method === "chat.update") return sendJson(response, 200, { ok: true, channel: body.channel, ts: body.ts, text: body.text });
    if (method === "assistant.threads.setStatus" || method === "views.publish") return sendJson(response, 200, { ok: true });
    if (method === "users.conversations") return sendJson(response, 200, { ok: true, channels: [{ id: "C1" }, { id: "D1" }], response_metadata: { next_cursor: "" } });
    if (method === "reactions.add") return sendJson(response, 200, { ok: true });
    if (method === "chat.delete") return sendJson(response, 200, { ok: true, channel: body.channel, ts: body.ts });
    if (method === "chat.postEphemeral") return sendJson(response, 200, { ok: true, message_ts: `${nextTs++}.000200` });
    if (method === "users.info") return sendJson(response, 200, { ok: true, user: { id: body.user, name: String(body.user).toLowerCase(), is_admin: body.user === ADMIN_USER, is_owner: false, is_primary_owner: false } });
    sendJson(response, 200, { ok: false, error: "unknown_method" });
  });
  // Socket Mode: the app connects here, gets "hello", then event envelopes it must acknowledge.
  const sockets = new WebSocketServer({ server: http.server, path: "/socket" });
  const acks: string[] = [];
  let socket: WebSocket | undefined;
  let connected: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  sockets.on("connection", (connection) => {
    socket = connection;
    connection.on("message", (data) => {
      const message = JSON.parse(String(data));
      if (message.envelope_id) acks.push(message.envelope_id);
    });
    connection.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "applink-local", build_number: 1, approximate_connection_time: 18_060 }, connection_info: { app_id: "A1" } }));
    connected();
  });
  /** Delivers an Events API payload over the socket, as Slack does in Socket Mode. */
  const socketEvent = (envelopeId: string, body: string) =>
    socket?.send(JSON.stringify({ envelope_id: envelopeId, payload: JSON.parse(body), type: "events_api", accepts_response_payload: false, retry_attempt: 0, retry_reason: "" }));
  /** Any frame at all over the socket, for fuzzing what the client does with it. */
  const socketSend = (text: string) => socket?.send(text);
  const close = async () => {
    for (const client of sockets.clients) client.terminate();
    sockets.close();
    await http.close();
  };
  return { apiUrl: `${http.url}/api/`, revokeToken: () => void (revoked = true), loseNextResponses: (count: number) => void (loseResponses = count), responseUrl: (id: string) => `${http.url}/response/${id}`, calls, responses, posted, socketReady: ready, socketEvent, socketSend, acks, close };
}

function parseBody(raw: string, contentType: string): Record<string, any> {
  if (!raw) return {};
  if (contentType.includes("application/json")) return JSON.parse(raw);
  const form = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ["blocks", "attachments"]) if (typeof form[key] === "string") form[key] = JSON.parse(form[key]);
  return form;
}

/** Sends a request to the bot as Slack does: body signed with the signing secret and a timestamp (`skewSeconds` off the clock, for replay tests). */
export async function sendSigned(url: string, secret: string, body: string, contentType: string, headers: Record<string, string> = {}, skewSeconds = 0): Promise<Response> {
  const timestamp = String(Math.floor(Date.now() / 1000) + skewSeconds);
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return fetch(url, { method: "POST", body, headers: { "content-type": contentType, "x-slack-request-timestamp": timestamp, "x-slack-signature": signature, ...headers } });
}

export function eventCallback(eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({ token: "legacy", team_id: "T1", api_app_id: "A1", type: "event_callback", event_id: eventId, event_time: Math.floor(Date.now() / 1000), event });
}

export function slashCommand(command: string, text: string, responseUrl: string): string {
  return new URLSearchParams({ token: "legacy", team_id: "T1", team_domain: "lab", channel_id: "C1", channel_name: "papers", user_id: "U1", user_name: "ada", command, text, response_url: responseUrl, trigger_id: "1.2.3", api_app_id: "A1" }).toString();
}

/** A click on one of the bot's buttons, as Slack posts it (form field `payload`): under the message `ts` (in thread `threadTs`) in C1. */
export function blockAction(action: { action_id: string; value: string }, message: { ts: string; threadTs?: string }, responseUrl: string, user = "U1"): string {
  return new URLSearchParams({
    payload: JSON.stringify({
      type: "block_actions", token: "legacy", api_app_id: "A1", trigger_id: "1.2.3", response_url: responseUrl,
      team: { id: "T1", domain: "lab" }, user: { id: user, username: "ada", name: "ada", team_id: "T1" },
      container: { type: "message", message_ts: message.ts, channel_id: "C1", is_ephemeral: false },
      channel: { id: "C1", name: "papers" },
      message: { type: "message", ts: message.ts, ...(message.threadTs && { thread_ts: message.threadTs }), text: "", user: "UBOT", bot_id: "BBOT" },
      actions: [{ ...action, block_id: "paperbot_actions", type: "button", action_ts: `${Date.now() / 1000}`, text: { type: "plain_text", text: "button" } }],
    }),
  }).toString();
}
