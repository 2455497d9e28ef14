import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { sendJson, startHttpServer } from "./http.ts";

export const BOT = { id: "900000000000000001", username: "paperbot", discriminator: "0", global_name: "paperbot", avatar: null, bot: true };
export const APP_ID = "900000000000000002";
export const GUILD_ID = "900000000000000010";
export const CHANNEL_ID = "900000000000000020";
export const USER = { id: "900000000000000100", username: "ada", discriminator: "0", global_name: "Ada", avatar: null };

/** `at`: when the call arrived (ms since the epoch); `created`: the id of what it created (a thread), for tracing a reply. */
export type DiscordCall = { method: string; path: string; body: any; at: number; created?: string };

/** A bot token this fake's REST API answers 401 to, as Discord does a reset one. */
export const REJECTED_TOKEN = "rejected-token";

/**
 * Discord's side of the wire on 127.0.0.1: the REST API the bot calls
 * (gateway discovery, messages, threads, interaction callbacks, webhook
 * edits, command registration) and the gateway WebSocket that sends it
 * HELLO, READY, GUILD_CREATE and then whatever events a test dispatches.
 */
/** The application flag Discord sets when Message Content is switched on for an app in under 100 servers. */
const MESSAGE_CONTENT_LIMITED = 1 << 19;

/**
 * `messageContent: false`: the app has not switched the privileged Message Content intent on (default: it has).
 * `recommendedShards`: what /gateway/bot recommends (default 1); above 1, shards may identify at once, so tests do not wait out Discord's 5 s per identify.
 */
export async function startDiscordServer(options: { messageContent?: boolean; recommendedShards?: number } = {}) {
  const calls: DiscordCall[] = [];
  /** Messages created in channels, oldest first. */
  const posted: ReturnType<typeof message>[] = [];
  let nextId = 910_000_000_000_000_000n;
  const snowflake = () => String(nextId++);
  let socket: WebSocket | undefined;
  let sequence = 0;
  /** The intents the client asked for in IDENTIFY. */
  let identifiedIntents = 0;
  /** The `shard` ([id, count]) of every IDENTIFY, in order; absent for an unsharded client. */
  const identifies: ([number, number] | undefined)[] = [];
  let identified: () => void;
  const ready = new Promise<void>((resolve) => (identified = resolve));

  const message = (channelId: string, body: any, id = snowflake()) => ({
    id, channel_id: channelId, author: BOT, content: body?.content ?? "", embeds: body?.embeds ?? [], components: [], attachments: [], mentions: [], mention_roles: [],
    mention_everyone: false, pinned: false, tts: false, type: 0, flags: 0, timestamp: new Date().toISOString(), edited_timestamp: null,
  });

  const http = await startHttpServer((request, raw, response) => {
    const path = decodeURIComponent((request.url ?? "").split("?")[0]!).replace(/^\/api\/v10/, "");
    const body = raw ? JSON.parse(raw) : undefined;
    const method = request.method ?? "GET";
    const call: DiscordCall = { method, path, body, at: Date.now() };
    calls.push(call);
    if (request.headers.authorization === `Bot ${REJECTED_TOKEN}`) return sendJson(response, 401, { message: "401: Unauthorized", code: 0 });
    let match: RegExpExecArray | null;
    if (method === "GET" && path === "/gateway/bot") {
      return sendJson(response, 200, { url: `ws://127.0.0.1:${(http.server.address() as AddressInfo).port}/gateway`, shards: options.recommendedShards ?? 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: (options.recommendedShards ?? 1) > 1 ? 16 : 1 } });
    }
    if (method === "GET" && path === "/users/@me") return sendJson(response, 200, BOT);
    if (method === "GET" && path === "/applications/@me") return sendJson(response, 200, { id: APP_ID, name: "paperbot", flags: options.messageContent === false ? 0 : MESSAGE_CONTENT_LIMITED, bot_public: true, bot_require_code_grant: false, verify_key: "", description: "", icon: null });
    if (method === "POST" && (match = /^\/channels\/(\d+)\/typing$/.exec(path))) return response.writeHead(204).end();
    if (method === "POST" && (match = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      call.created = snowflake();
      return sendJson(response, 201, { id: call.created, type: 11, guild_id: GUILD_ID, parent_id: match[1], name: body.name, owner_id: BOT.id, message_count: 0, member_count: 1, thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false } });
    }
    if (method === "POST" && (match = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const created = message(match[1]!, body);
      posted.push(created);
      call.created = created.id;
      return sendJson(response, 200, created);
    }
    if (method === "GET" && (match = /^\/channels\/(\d+)\/messages$/.exec(path))) return sendJson(response, 200, posted.filter((entry) => entry.channel_id === match![1]).reverse());
    if (method === "PATCH" && (match = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
      // Kept current, so a click on the message later carries what it now says, as Discord's does.
      const edited = posted.find((entry) => entry.id === match![2]);
      if (edited && typeof body?.content === "string") edited.content = body.content;
      return sendJson(response, 200, message(match[1]!, body, match[2]));
    }
    if (method === "PUT" && /^\/channels\/\d+\/messages\/\d+\/reactions\/[^/]+\/@me$/.test(path)) return response.writeHead(204).end();
    if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return response.writeHead(204).end();
    if (method === "PATCH" && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) return sendJson(response, 200, message(CHANNEL_ID, body));
    if (method === "POST" && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return sendJson(response, 200, message(CHANNEL_ID, body));
    if (method === "DELETE" && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) return response.writeHead(204).end();
    if (method === "PUT" && /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/.test(path)) return sendJson(response, 200, body.map((command: object) => ({ ...command, id: snowflake(), application_id: APP_ID, version: "1" })));
    sendJson(response, 404, { message: "404: Not Found", code: 0 });
  });

  const gateway = new WebSocketServer({ server: http.server, path: "/gateway" });
  const send = (payload: object) => socket?.send(JSON.stringify(payload));
  gateway.on("connection", (connection) => {
    socket = connection;
    // The handshake answers on its own connection: with several shards, another may have connected since.
    const reply = (payload: object) => connection.send(JSON.stringify(payload));
    const dispatchHere = (t: string, d: object) => reply({ op: 0, t, s: ++sequence, d });
    reply({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null });
    connection.on("message", (data) => {
      const payload = JSON.parse(String(data));
      if (payload.op === 1) reply({ op: 11, d: null, s: null, t: null });
      if (payload.op === 2) {
        identifiedIntents = payload.d.intents;
        identifies.push(payload.d.shard);
        const shard = payload.d.shard ?? [0, 1];
        dispatchHere("READY", {
          v: 10, user: BOT, guilds: [{ id: GUILD_ID, unavailable: true }], session_id: "session-1", resume_gateway_url: `ws://127.0.0.1:${(http.server.address() as AddressInfo).port}/gateway`,
          shard, application: { id: APP_ID, flags: 0 },
        });
        dispatchHere("GUILD_CREATE", {
          id: GUILD_ID, name: "Lab", icon: null, owner_id: USER.id, unavailable: false, member_count: 2, large: false, features: [], emojis: [], stickers: [], roles: [{ id: GUILD_ID, name: "@everyone", permissions: "274877975552", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
          channels: [{ id: CHANNEL_ID, type: 0, name: "papers", guild_id: GUILD_ID, position: 0, permission_overwrites: [], parent_id: null, nsfw: false, topic: null, rate_limit_per_user: 0 }],
          threads: [], members: [], voice_states: [], presences: [], stage_instances: [], guild_scheduled_events: [], joined_at: new Date().toISOString(),
        });
        identified();
      }
    });
  });

  function dispatch(t: string, d: object): void {
    send({ op: 0, t, s: ++sequence, d });
  }

  return {
    apiUrl: `${http.url}/api`,
    calls,
    posted,
    ready,
    snowflake,
    dispatch,
    intents: () => identifiedIntents,
    identifies,
    /** Any frame at all, as text: for fuzzing what the client does with it. */
    sendRaw: (text: string) => socket?.send(text),
    /** Closes the session as Discord does, e.g. 4004 when the token stops being valid. */
    closeSession: (code: number, reason = "") => socket?.close(code, reason),
    /** A user's message in the lab channel (or `channel`, e.g. a thread; or a DM when `guild` is false), optionally mentioning the bot. */
    userMessage(content: string, options: { mention?: boolean; guild?: boolean; author?: object; channel?: string } = {}) {
      const guild = options.guild ?? true;
      const id = snowflake();
      dispatch("MESSAGE_CREATE", {
        id, channel_id: guild ? (options.channel ?? CHANNEL_ID) : "900000000000000030", channel_type: guild ? 0 : 1, ...(guild && { guild_id: GUILD_ID, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false } }),
        author: options.author ?? USER, content: options.mention === false ? content : `<@${BOT.id}> ${content}`, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false,
        mentions: options.mention === false ? [] : [BOT], mention_roles: [], attachments: [], embeds: [], pinned: false, type: 0, flags: 0,
      });
      return id;
    },
    /** A slash command interaction, as Discord sends it. */
    slashCommand(name: string, options: object[], member: { permissions?: string; user?: object } = {}) {
      const id = snowflake();
      const token = `token-${id}`;
      dispatch("INTERACTION_CREATE", {
        id, application_id: APP_ID, type: 2, token, version: 1, guild_id: GUILD_ID, channel_id: CHANNEL_ID, locale: "en-US", guild_locale: "en-US", app_permissions: "274877975552", entitlements: [],
        authorizing_integration_owners: { "0": GUILD_ID }, context: 0,
        channel: { id: CHANNEL_ID, type: 0, name: "papers", guild_id: GUILD_ID },
        member: { user: member.user ?? USER, roles: [], permissions: member.permissions ?? "274877975552", joined_at: new Date().toISOString(), deaf: false, mute: false },
        data: { id: snowflake(), name, type: 1, options },
      });
      return { id, token };
    },
    /** A click on a button (custom_id) under one of the bot's messages in `channel` (a thread, or the lab channel). */
    buttonClick(customId: string, channel = CHANNEL_ID, user: object = USER) {
      const id = snowflake();
      const token = `token-${id}`;
      const clicked = posted.find((entry) => entry.channel_id === channel) ?? message(channel, { content: "" });
      dispatch("INTERACTION_CREATE", {
        id, application_id: APP_ID, type: 3, token, version: 1, guild_id: GUILD_ID, channel_id: channel, locale: "en-US", guild_locale: "en-US", app_permissions: "274877975552", entitlements: [],
        authorizing_integration_owners: { "0": GUILD_ID }, context: 0,
        channel: { id: channel, type: channel === CHANNEL_ID ? 0 : 11, name: "papers", guild_id: GUILD_ID, ...(channel !== CHANNEL_ID && { parent_id: CHANNEL_ID }) },
        member: { user, roles: [], permissions: "274877975552", joined_at: new Date().toISOString(), deaf: false, mute: false },
        message: clicked,
        data: { custom_id: customId, component_type: 2 },
      });
      return { id, token };
    },
    async close() {
      for (const client of gateway.clients) client.terminate();
      gateway.close();
      await http.close();
    },
  };
}
