import { describe, expect, it } from "vitest";
import { progressEdits } from "../../src/chat/progress.ts";

describe("progressEdits", () => {
  it("edits at most once per interval", () => {
    const edits: string[] = [];
    const progress = progressEdits(async (partial) => edits.push(partial), () => {}, 60_000);
    progress.onPartial("a");
    progress.onPartial("ab");
    expect(edits).toEqual(["a"]);
  });

  it("settled waits for the edit still in flight, so the final answer lands last", async () => {
    const order: string[] = [];
    let finishEdit = () => {};
    const progress = progressEdits(() => new Promise<void>((resolve) => (finishEdit = () => { order.push("progress"); resolve(); })), () => {});
    progress.onPartial("partial");
    const final = progress.settled().then(() => order.push("final"));
    finishEdit();
    await final;
    expect(order).toEqual(["progress", "final"]);
  });

  it("reports a failed edit instead of throwing", async () => {
    const errors: unknown[] = [];
    const progress = progressEdits(() => Promise.reject(new Error("rate limited")), (error) => errors.push(error));
    progress.onPartial("partial");
    await progress.settled();
    expect(errors).toHaveLength(1);
  });
});
