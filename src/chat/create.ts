import type { Logger } from "pino";
import { Answerer, type EvidenceWriter } from "../answer/answerer.ts";
import type { Conversations } from "../answer/conversations.ts";
import type { ChatConfig } from "../config.ts";
import type { FeedbackLog } from "./feedback.ts";
import type { Library } from "../library/library.ts";
import { ChatBot, type DigestCommands, type SharedThreads } from "./bot.ts";
import type { QuestionLimiter } from "./rate-limit.ts";
import type { CommandSurface } from "./help.ts";
import type { StatsSource } from "./stats.ts";

/** The chat bot over a library, with the configured limits and answer writer. */
export function createChatBot(library: Library, deps: { logger: Logger; chat: ChatConfig; writer?: EvidenceWriter; digest?: DigestCommands; limiter?: QuestionLimiter; conversations?: Conversations & SharedThreads; stats?: StatsSource; feedback?: FeedbackLog; surfaces?: Readonly<Record<string, CommandSurface>> }): ChatBot {
  return new ChatBot({
    library,
    answerer: new Answerer(library, { ...(deps.writer && { writer: deps.writer }), ...(deps.conversations && { conversations: deps.conversations }) }),
    ...(deps.conversations && { threads: deps.conversations }),
    logger: deps.logger,
    limits: deps.chat.limits,
    ...(deps.chat.admins && { admins: deps.chat.admins }),
    ...(deps.limiter && { limiter: deps.limiter }),
    ...(deps.digest && { digest: deps.digest }),
    ...(deps.stats && { stats: deps.stats }),
    ...(deps.feedback && { feedback: deps.feedback }),
    ...(deps.surfaces && { surfaces: deps.surfaces }),
  });
}
