import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { createDigestService } from "../digest/create.ts";
import type { DigestStore } from "../digest/digest-store.ts";
import { digestMarkdown } from "../digest/render.ts";
import type { DigestPoster, DigestService } from "../digest/service.ts";
import type { Digest } from "../digest/types.ts";
import type { Library } from "../library/library.ts";
import type { DigestCommands } from "./bot.ts";
import type { ChatRequest } from "./request.ts";
import type { ChatResponse } from "./response.ts";

export type SubscriptionDefaults = { time: string; timeZone: string };

/** `digest subscribe [topic]`, `digest unsubscribe`, `digest now`, `digest show` (a preview), and `digest` for the current setting. */
export class ChatDigestCommands implements DigestCommands {
  readonly #store: DigestStore;
  readonly #service: DigestService;
  readonly #defaults: SubscriptionDefaults;
  readonly #onChange: () => void;

  constructor(store: DigestStore, service: DigestService, defaults: SubscriptionDefaults, onChange: () => void = () => {}) {
    this.#store = store;
    this.#service = service;
    this.#defaults = defaults;
    this.#onChange = onChange;
  }

  async handle(request: ChatRequest): Promise<ChatResponse> {
    const [action = "", ...rest] = request.text.trim().split(/\s+/);
    const topic = rest.join(" ").trim();
    const existing = await this.#store.subscription(request.channel);
    switch (action.toLowerCase()) {
      case "subscribe": {
        if (!this.#service.canPostTo(request.channel)) return text("I cannot post daily digests here: they go to the chat channels of the platforms I am set up for. From a terminal, use `paperbot digest subscribe --channel <platform>:<channel id>`.");
        await this.#store.saveSubscription({ channel: request.channel, time: existing?.time ?? this.#defaults.time, timeZone: existing?.timeZone ?? this.#defaults.timeZone, ...(topic && { topic }), ...(existing?.lastDate && { lastDate: existing.lastDate }) });
        this.#onChange();
        const about = topic ? ` on *${topic}*` : "";
        return text(`Subscribed: this channel gets a digest of new papers${about} every day at ${existing?.time ?? this.#defaults.time} (${existing?.timeZone ?? this.#defaults.timeZone}). \`digest now\` posts today's at once.`);
      }
      case "unsubscribe": {
        const removed = await this.#store.removeSubscription(request.channel);
        this.#onChange();
        return text(removed ? "Unsubscribed: no more daily digests in this channel." : "This channel has no digest subscription.");
      }
      case "now": {
        let captured: Digest | undefined;
        await this.#service.run(await this.#next(request.channel), { post: async (digest) => void (captured = digest), hasPosted: async () => false });
        return captured ? { kind: "digest", digest: captured } : text("Nothing to post: no new papers, and this channel skips empty days.");
      }
      case "show":
      case "preview": {
        const { digest } = await this.#service.run({ ...(await this.#next(request.channel)), dryRun: true });
        // Plain text, not a digest message: a preview must not carry the digest's key, or a crashed run would take it for the real post.
        const when = existing ? `The next digest goes out at ${existing.time} (${existing.timeZone}).` : "This channel has no subscription; `digest subscribe [topic]` starts one.";
        return { kind: "text", markdown: `${digestMarkdown(digest)}\n\n_Preview only: nothing was posted or logged. ${when}_`, forAskerOnly: true };
      }
      case "":
      case "status":
        return text(existing ? `This channel gets a daily digest${existing.topic ? ` on *${existing.topic}*` : ""} at ${existing.time} (${existing.timeZone})${existing.lastDate ? `; the last one covered ${existing.lastDate}` : ""}.` : "No digest here yet. `digest subscribe [topic]` starts one.");
      default:
        return text(`I don't know \`digest ${action}\`. Try \`digest show\` (a preview), \`digest now\`, \`digest subscribe [topic]\` or \`digest unsubscribe\`.`);
    }
  }

  /** What `digest now` and `digest show` cover: what is due, or today again once today is covered (for papers that arrived since). */
  async #next(channel: string) {
    const due = await this.#service.due(channel);
    return { channel, from: due.from, to: due.to, ...(due.first && { first: true }) };
  }
}

function text(markdown: string): ChatResponse {
  return { kind: "text", markdown };
}

/** The digest service and the chat's `digest` commands over it, with the configured defaults for new subscriptions. */
export function createChatDigest(library: Library, store: DigestStore, config: Config, logger: Logger, options: { poster?: DigestPoster; onChange?: () => void } = {}) {
  const service = createDigestService(library, store, config, logger, options.poster);
  const commands = new ChatDigestCommands(store, service, { time: config.digest.time, timeZone: config.digest.timeZone }, options.onChange);
  return { service, commands };
}
