import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { Answerer } from "../answer/answerer.ts";
import type { Library } from "../library/library.ts";
import type { ChatCore, Reply } from "./adapter.ts";
import type { ChatRequest } from "./request.ts";
import { recordFeedback } from "./record-feedback.ts";
import { RecentQuestions, type FeedbackLog } from "./feedback.ts";
import { respond } from "./respond.ts";
import { mayChangeDigest, NOT_ALLOWED } from "./permissions.ts";
import { RateLimiter, type QuestionLimiter } from "./rate-limit.ts";
import { PaperRequests } from "./paper-requests.ts";
import type { ChatResponse } from "./response.ts";
import { statsMarkdown, type StatsSource } from "./stats.ts";
import { helpText, knownCommands, spelled, TEXT_COMMANDS, type CommandSurface } from "./help.ts";

export type ChatLimits = { questionsPerWindow: number; windowMs: number; maxQuestionChars: number };

/** Digest subscription commands; the digest feature plugs in here. */
export interface DigestCommands {
  handle(request: ChatRequest): Promise<ChatResponse>;
}

/** Conversation threads kept where other processes write too: `refresh` fetches a thread's latest turns before a question. */
export interface SharedThreads {
  refresh(thread: string): Promise<void>;
}

/**
 * `admins`: "platform:userId" entries allowed to change any channel's digest.
 * `limiter`: where questions per user are counted (in memory unless a shared store is given).
 * `threads`: set when conversations are shared with other processes (restarts, replicas).
 * `stats`: where `stats` reads the library's numbers (absent: the command says it is not available).
 * `feedback`: where thumbs up and down on answers are kept (absent: answers carry no feedback buttons).
 * `surfaces`: the commands each platform (by its adapter's name) offers, as typed there, for the help (absent: the commands as message text).
 */
export type ChatBotOptions = { answerer: Answerer; library: Library; logger: Logger; limits: ChatLimits; digest?: DigestCommands; admins?: readonly string[]; limiter?: QuestionLimiter; threads?: SharedThreads; stats?: StatsSource; feedback?: FeedbackLog; surfaces?: Readonly<Record<string, CommandSurface>> };


/**
 * The platform-neutral bot: one request in, one response out. Adapters
 * translate platform events into requests and render responses; everything
 * else (limits, commands, errors) happens here, the same on every platform.
 */
export class ChatBot implements ChatCore {
  readonly #options: ChatBotOptions;
  readonly #limiter: QuestionLimiter;
  readonly #admins: ReadonlySet<string>;
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #papers: PaperRequests;
  readonly #questions = new RecentQuestions();

  constructor(options: ChatBotOptions) {
    this.#options = options;
    this.#limiter = options.limiter ?? new RateLimiter(options.limits.questionsPerWindow, options.limits.windowMs);
    this.#papers = new PaperRequests(options.library, options.answerer);
    this.#admins = new Set(options.admins ?? []);
  }

  /** Undefined means: do not reply at all (another bot, or our own message). */
  handle(request: ChatRequest, onPartial?: (markdown: string) => void): Promise<ChatResponse | undefined> {
    const work = this.#handle(request, onPartial);
    this.#inFlight.add(work);
    void work.finally(() => this.#inFlight.delete(work));
    return work;
  }

  /** The port's entry: answers a request where it was asked (see respond.ts). A platform's failure is thrown to the adapter, which knows what it means. */
  async receive(request: ChatRequest, reply: Reply): Promise<void> {
    const log = this.#options.logger.child({ platform: request.platform, user: request.user.id });
    await respond(this, request, reply, (error) => log.warn({ err: error }, "progress edit failed"));
  }

  /** Waits for replies being written, up to `timeoutMs`, so a shutdown does not cut them off. */
  async drain(timeoutMs: number): Promise<void> {
    await Promise.race([Promise.allSettled([...this.#inFlight]), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  async #handle(request: ChatRequest, onPartial?: (markdown: string) => void): Promise<ChatResponse | undefined> {
    if (request.user.isBot) return undefined;
    const logger = this.#options.logger.child({ platform: request.platform, user: request.user.id, command: request.command });
    try {
      return await this.#route(request, logger, onPartial);
    } catch (error) {
      const reference = randomBytes(4).toString("hex");
      logger.error({ err: error, reference }, "request failed");
      return forAsker(`Sorry, something went wrong on my side (reference \`${reference}\`). Please try again in a minute; if it keeps happening, give that reference to whoever runs me.`);
    }
  }

  async #route(request: ChatRequest, logger: Logger, onPartial?: (markdown: string) => void): Promise<ChatResponse> {
    const { limits, answerer, digest } = this.#options;
    const surface = this.#options.surfaces?.[request.platform] ?? TEXT_COMMANDS;
    if (request.unknownCommand) return { kind: "text", markdown: `I don't have a \`/${request.unknownCommand}\` command. The ones I know are ${knownCommands(surface)}.\n\n${helpText(surface)}` };
    if (request.command === "help" || (request.command === "ask" && !request.text)) return { kind: "text", markdown: helpText(surface) };
    if (request.command === "feedback") {
      const { feedback } = this.#options;
      if (!feedback || !request.feedback) return forAsker("Feedback is not recorded on this bot.");
      return forAsker(await recordFeedback(feedback, request, request.feedback, this.#questions.get(request.feedback.questionId)));
    }
    if (request.command === "digest") {
      if (!digest) return { kind: "text", markdown: "Digests are not set up on this bot yet." };
      if (!mayChangeDigest(request, this.#admins)) return forAsker(NOT_ALLOWED);
      return await digest.handle(request);
    }
    if (request.text.length > limits.maxQuestionChars) {
      return forAsker(`That is a bit long for me (${request.text.length} characters; I take up to ${limits.maxQuestionChars}). Could you ask it more briefly?`);
    }
    const allowed = await this.#limiter.take(`${request.platform}:${request.user.id}`);
    if (!allowed.allowed) {
      return forAsker(`You are asking faster than I can keep up. Please try again in ${Math.ceil(allowed.retryInMs / 1000)} seconds.`);
    }
    if (request.command === "stats") {
      if (!this.#options.stats) return { kind: "text", markdown: "Library stats are not available here; whoever runs me can see them with `paperbot stats`." };
      return { kind: "text", markdown: statsMarkdown(await this.#options.stats(), request.channel) };
    }
    if (request.command === "paper") {
      if (!request.text && !request.paperId) return { kind: "text", markdown: `Which paper? For example: \`${spelled(surface, "paper")} PyramidKV\`.` };
      return await this.#papers.lookUp(request, logger, onPartial);
    }
    if (request.command === "similar") {
      if (!request.text && !request.paperId) return { kind: "text", markdown: `Papers similar to which one? For example: \`${spelled(surface, "similar")} PyramidKV\`.` };
      return await this.#papers.similar(request);
    }
    const picked = await this.#papers.pick(request);
    if (picked) return picked;
    // From here on a number refers to this answer's papers (the answerer's follow-ups), not to an older choice.
    this.#papers.forget(request.thread);
    await this.#options.threads?.refresh(request.thread).catch((error: unknown) => logger.warn({ err: error }, "could not read this thread's earlier turns; answering without them"));
    const reply = await answerer.ask(request.text, { thread: request.thread, logger, ...(onPartial && { onPartial }) });
    if (!this.#options.feedback) return { kind: "answer", reply };
    // A command has no message of its own to name; a made-up id still ties the votes on one answer together.
    const questionId = request.id ?? `q-${randomBytes(6).toString("hex")}`;
    this.#questions.remember(questionId, request.text);
    return { kind: "answer", reply, questionId };
  }
}

function forAsker(markdown: string): ChatResponse {
  return { kind: "text", markdown, forAskerOnly: true };
}
