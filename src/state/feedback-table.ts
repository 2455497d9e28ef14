import type * as lancedb from "@lancedb/lancedb";
import { Field, Schema, Utf8 } from "apache-arrow";
import type { FeedbackEntry, FeedbackLog, Vote } from "../chat/feedback.ts";
import { lazyTable } from "./chat-table.ts";
import { openIfExists } from "../store/lance/open-table.ts";

const TABLE = "chat_feedback";
const text = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
/** `vote_key`: one row per person per answer, so a changed mind replaces the first vote instead of counting twice. */
const schema = new Schema([
  text("vote_key"), text("at"), text("vote"), text("question_id"), text("answer_id"), text("platform"), text("channel"), text("thread"), text("user"),
  text("question", true), text("answer", true),
]);

/**
 * Thumbs up and down on answers, in the library's database beside the
 * bot's other tables. Votes are few and kept for good (they are what
 * `paperbot feedback` reports), so nothing is tidied away.
 */
export class LanceFeedback implements FeedbackLog {
  readonly #open: () => Promise<lancedb.Table>;

  constructor(db: lancedb.Connection) {
    this.#open = lazyTable(db, TABLE, schema);
  }

  async record(entry: FeedbackEntry): Promise<void> {
    const table = await this.#open();
    const row = {
      vote_key: `${entry.platform}\u0000${entry.answerId}\u0000${entry.user}`,
      at: entry.at, vote: entry.vote, question_id: entry.questionId, answer_id: entry.answerId,
      platform: entry.platform, channel: entry.channel, thread: entry.thread, user: entry.user,
      question: entry.question ?? null, answer: entry.answer ?? null,
    };
    await table.checkoutLatest();
    await table.mergeInsert("vote_key").whenMatchedUpdateAll().whenNotMatchedInsertAll().execute([row]);
  }
}

/** Every vote, newest first. Read-only: a library nobody voted in has no table, and none is created. */
export async function readFeedback(db: lancedb.Connection): Promise<FeedbackEntry[]> {
  const table = await openIfExists(db, TABLE);
  if (!table) return [];
  const rows = await table.query().toArray();
  return rows
    .map((row): FeedbackEntry => ({
      at: String(row.at), vote: row.vote as Vote, questionId: String(row.question_id), answerId: String(row.answer_id),
      platform: String(row.platform), channel: String(row.channel), thread: String(row.thread), user: String(row.user),
      ...(row.question != null && { question: String(row.question) }),
      ...(row.answer != null && { answer: String(row.answer) }),
    }))
    .sort((a, b) => b.at.localeCompare(a.at));
}
