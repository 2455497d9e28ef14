/** A thumbs up or down on an answer. */
export type Vote = "up" | "down";

/**
 * One person's vote on one answer. `questionId` is the platform's id of the
 * message that asked (or one the bot made up for a command, which has
 * none); `answerId` is the id of the message that answered. Together they
 * find the exchange again in the chat. `question` and `answer` are what was
 * asked and answered, as far as the bot still knew them when the vote came.
 */
export type FeedbackEntry = {
  at: string;
  vote: Vote;
  questionId: string;
  answerId: string;
  platform: string;
  channel: string;
  thread: string;
  user: string;
  question?: string;
  answer?: string;
};

/** Where votes are kept: the library's database in `serve`; nowhere when absent. A person's later vote on the same answer replaces the earlier one. */
export interface FeedbackLog {
  record(entry: FeedbackEntry): Promise<void>;
}

/** How many questions the bot remembers the text of, so a vote can say what was asked; older ones are stored by id alone. */
const REMEMBERED = 2_000;

/** The text of recent questions by id, in least-recently-added order. */
export class RecentQuestions {
  readonly #texts = new Map<string, string>();

  remember(id: string, text: string): void {
    this.#texts.delete(id);
    this.#texts.set(id, text);
    while (this.#texts.size > REMEMBERED) this.#texts.delete(this.#texts.keys().next().value!);
  }

  get(id: string): string | undefined {
    return this.#texts.get(id);
  }
}
