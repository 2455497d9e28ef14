import type { FeedbackLog, Vote } from "./feedback.ts";
import type { ChatRequest } from "./request.ts";

/** Long enough to recognise the exchange in a report; the whole of it stays in the chat. */
const EXCERPT = 500;

/** Stores one vote and says, to the voter alone, that it was kept. */
export async function recordFeedback(log: FeedbackLog, request: ChatRequest, vote: { vote: Vote; questionId: string; answerId: string; answer?: string }, question: string | undefined): Promise<string> {
  await log.record({
    at: new Date().toISOString(),
    vote: vote.vote,
    questionId: vote.questionId,
    answerId: vote.answerId,
    platform: request.platform,
    channel: request.channel,
    thread: request.thread,
    user: request.user.id,
    ...(question && { question: question.slice(0, EXCERPT) }),
    ...(vote.answer && { answer: vote.answer.slice(0, EXCERPT) }),
  });
  return vote.vote === "up" ? "Thanks, glad it helped. Your vote is recorded." : "Thanks for telling me. Your vote is recorded, so whoever runs me can see which answers miss; rephrasing the question often finds better papers.";
}
