import type { ChatRequest } from "./request.ts";
import type { ChatResponse } from "./response.ts";

/**
 * The one port between the core and a chat platform. It is deliberately
 * smaller than vercel/chat's Adapter or bolt-js's Receiver: an adapter turns
 * platform events into `ChatRequest`s and hands each to the core with a
 * `Reply` for where it was asked; the core decides everything else (limits,
 * commands, errors, placeholders, progress). Platform names, credentials and
 * rendering stay in `adapters/`.
 */

/** A message the adapter posted, by the id it needs to find it again (a timestamp on one platform, a message id on another). */
export type Posted = { readonly id: string };

/**
 * What the core shows: progress Markdown (a placeholder, or the answer so
 * far), or a response. The adapter renders a response in its own format,
 * with `actionsOf(response)` and `feedbackOf(response)` as its buttons, and
 * shows one meant for the asker alone (`isForAskerOnly`) to them alone
 * where the platform can. `partial` is the answer written so far, without
 * the marks that say it is unfinished, for a platform that streams text
 * into a message rather than editing it.
 */
export type Outgoing = { progress: string; partial?: string } | { response: ChatResponse };

/** Where one request is answered: a thread, a DM, a slash command's or a button's reply. */
export interface Reply {
  post(message: Outgoing): Promise<Posted>;
  edit(posted: Posted, message: Outgoing): Promise<void>;
  /** `emoji` by its common short name ("thumbsup"); platforms without reactions may show it as text, or not at all. */
  react(posted: Posted, emoji: string): Promise<void>;
}

/** What adapters hand requests to: the assembled bot (see ChatBot.receive). */
export interface ChatCore {
  receive(request: ChatRequest, reply: Reply): Promise<void>;
}

/** A platform as `serve` runs it. `start` may return the HTTP server it listens on (an HTTP events endpoint), for the health check. */
export interface ChatAdapter {
  readonly name: string;
  start(): Promise<unknown>;
  stop(): Promise<void>;
}

export const PLACEHOLDER = "_Looking through the library…_";
