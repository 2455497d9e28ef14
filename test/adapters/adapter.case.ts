/**
 * The chat port's contract (src/chat/adapter.ts), in hono's
 * `common.case.test.ts` pattern: these cases describe what every adapter
 * does, and a small test file per adapter runs them against its platform's
 * local fake. The core is replaced by a recorder running a script, so a
 * failure here is the adapter's, not the bot's.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ChatCore, Reply } from "../../src/chat/adapter.ts";
import type { ChatRequest } from "../../src/chat/request.ts";
import type { ChatResponse, PaperCard } from "../../src/chat/response.ts";
import { eventually } from "../helpers/bot.ts";

/** A bot message as the user sees it: its text, its buttons' values, the reactions on it (by short name). */
export type Seen = { text: string; buttons: string[]; reactions: string[] };

export type Harness = {
  /** Delivers `text` to the bot as a user would (a mention, or a line typed in the console). */
  say(text: string): Promise<void>;
  /** The bot's messages since the last `reset`, in order. */
  seen(): Seen[];
  reset(): void;
  close(): Promise<void>;
  /** The console cannot show buttons; it prints commands instead. */
  buttons: boolean;
};

export class RecordingCore implements ChatCore {
  received: ChatRequest[] = [];
  script: (reply: Reply) => Promise<void> = async () => {};
  async receive(request: ChatRequest, reply: Reply): Promise<void> {
    this.received.push(request);
    await this.script(reply);
  }
}

const PAPER: PaperCard = { id: "2406.02069", title: "PyramidKV: Dynamic KV Cache Compression", abstract: "Layer-wise budgets.", url: "https://arxiv.org/abs/2406.02069", upvotes: 3 };
const text = (markdown: string): { response: ChatResponse } => ({ response: { kind: "text", markdown } });

export function adapterContract(name: string, start: (core: ChatCore) => Promise<Harness>): void {
  describe(`chat port contract: ${name}`, () => {
    const core = new RecordingCore();
    let harness: Harness;
    beforeAll(async () => void (harness = await start(core)), 60_000);
    afterAll(() => harness.close());
    beforeEach(() => {
      core.received = [];
      core.script = async () => {};
      harness.reset();
    });

    it("receives a message as a request: command, text, thread, channel and user", async () => {
      await harness.say("paper PyramidKV");
      await eventually(() => expect(core.received).toHaveLength(1));
      const [request] = core.received;
      expect(request).toMatchObject({ command: "paper", text: "PyramidKV" });
      expect(request!.thread).toEqual(expect.any(String));
      expect(request!.channel).toEqual(expect.any(String));
      expect(request!.user.id).toEqual(expect.any(String));
      expect(request!.user.isBot).toBeFalsy();
    });

    it("posts, then edits that same message: the user ends with the edit, not a second message", async () => {
      core.script = async (reply) => {
        const posted = await reply.post({ progress: "_Working on it…_" });
        await reply.edit(posted, text("Done, see **above**."));
      };
      await harness.say("which papers cover KV cache compression?");
      await eventually(() => expect(harness.seen().map((message) => message.text).join("\n")).toContain("Done, see"));
      expect(harness.seen().filter((message) => message.text.includes("Done, see"))).toHaveLength(1);
      expect(harness.seen().some((message) => message.text.includes("Working on it"))).toBe(false);
    });

    it("shows a response's buttons with it", async () => {
      core.script = async (reply) => {
        const posted = await reply.post({ progress: "_Looking…_" });
        await reply.edit(posted, { response: { kind: "paper", paper: PAPER } });
      };
      await harness.say("paper PyramidKV");
      await eventually(() => expect(harness.seen().some((message) => message.text.includes("PyramidKV: Dynamic KV Cache Compression"))).toBe(true));
      const card = harness.seen().find((message) => message.text.includes("PyramidKV: Dynamic KV Cache Compression"))!;
      if (harness.buttons) expect(card.buttons.some((value) => value.includes("similar:2406.02069"))).toBe(true);
    });

    it("shows thumbs up and down under an answer that asks for feedback", async () => {
      const answer: ChatResponse = { kind: "answer", questionId: "q-contract", reply: { text: "Two papers cover it [1].", citations: [{ n: 1, id: PAPER.id, title: PAPER.title, url: PAPER.url }], found: true, closest: [], notes: [] } };
      core.script = async (reply) => {
        const posted = await reply.post({ progress: "_Looking…_" });
        await reply.edit(posted, { response: answer });
      };
      await harness.say("which papers cover KV cache compression?");
      await eventually(() => expect(harness.seen().some((message) => message.text.includes("Two papers cover it"))).toBe(true));
      const shown = harness.seen().filter((message) => message.buttons.length > 0).flatMap((message) => message.buttons);
      if (harness.buttons) expect(shown).toEqual(expect.arrayContaining([expect.stringContaining("feedback:up:q-contract"), expect.stringContaining("feedback:down:q-contract")]));
    });

    it("reacts to a message it posted", async () => {
      core.script = async (reply) => {
        const posted = await reply.post(text("Noted."));
        await reply.react(posted, "thumbsup");
      };
      await harness.say("thanks");
      await eventually(() => expect(harness.seen().find((message) => message.text.includes("Noted."))?.reactions).toContain("thumbsup"));
    });
  });
}
