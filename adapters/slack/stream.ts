import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { neutralizeMentions } from "./mrkdwn.ts";
import { slackErrorCode } from "./platform.ts";

/** Whether this app may stream messages (Slack's AI-app text streaming), learned from the first try and shared by every reply. */
export type StreamSupport = { available: boolean };

/** Where the stream goes, and who it is for: outside a DM, Slack wants the recipient named. */
export type StreamPlace = { channel: string; threadTs: string; team?: string | undefined; user: string };

/**
 * A streamed answer in Slack (chat.startStream, appendStream, stopStream):
 * the text grows in one message as the model writes, instead of a message
 * edited every second and a half. Only what was added is sent each time;
 * when the answer so far was revised rather than extended, the stream
 * waits for the final answer, which replaces it. If Slack will not stream
 * for this app (no AI-app feature, a missing scope), the first refusal
 * turns streaming off for the adapter and the caller goes back to edits.
 */
export class AnswerStream {
  readonly #client: WebClient;
  readonly #place: StreamPlace;
  readonly #support: StreamSupport;
  readonly #log: Logger;
  #ts: string | undefined;
  #sent = "";
  #broken = false;
  /** One call at a time: each append sends what the previous ones did not. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(client: WebClient, place: StreamPlace, support: StreamSupport, log: Logger) {
    this.#client = client;
    this.#place = place;
    this.#support = support;
    this.#log = log;
  }

  /** The streamed message's ts, once the stream has started. */
  get ts(): string | undefined {
    return this.#ts;
  }

  /** Shows the answer so far; false when it was not streamed (the caller edits its placeholder instead). */
  show(partial: string): Promise<boolean> {
    const shown = this.#queue.then(() => this.#show(partial));
    this.#queue = shown.catch(() => {});
    return shown;
  }

  async #show(partial: string): Promise<boolean> {
    if (this.#broken || (!this.#ts && !this.#support.available)) return Boolean(this.#ts);
    const { channel, threadTs, team, user } = this.#place;
    try {
      if (!this.#ts) {
        const started = await this.#client.chat.startStream({ channel, thread_ts: threadTs, markdown_text: safe(partial), recipient_user_id: user, ...(team && { recipient_team_id: team }) });
        this.#ts = started.ts;
        this.#sent = partial;
        return Boolean(this.#ts);
      }
      if (partial.startsWith(this.#sent) && partial.length > this.#sent.length) {
        await this.#client.chat.appendStream({ channel, ts: this.#ts, markdown_text: safe(partial.slice(this.#sent.length)) });
        this.#sent = partial;
      }
      return true;
    } catch (error) {
      if (!this.#ts && slackErrorCode(error)) {
        this.#support.available = false;
        this.#log.info({ err: error }, "Slack will not stream messages for this app (it needs the Agents & AI Apps feature); showing answers by editing them instead");
      } else {
        this.#log.warn({ err: error }, "streaming the answer failed; the final answer will replace what was shown");
      }
      this.#broken = true;
      return Boolean(this.#ts);
    }
  }

  /** Ends the stream, so the message can be edited into the final answer. */
  async stop(): Promise<void> {
    await this.#queue;
    if (!this.#ts) return;
    await this.#client.chat.stopStream({ channel: this.#place.channel, ts: this.#ts }).catch((error: unknown) => this.#log.warn({ err: error }, "could not stop the answer's stream; editing it anyway"));
  }
}

/** Streamed text is the model's Markdown; nothing in it may mention anyone. */
function safe(markdown: string): string {
  return neutralizeMentions(markdown);
}
