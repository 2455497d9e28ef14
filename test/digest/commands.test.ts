import { describe, expect, it } from "vitest";
import { ChatDigestCommands } from "../../src/digest/commands.ts";
import type { ChatRequest } from "../../src/chat/request.ts";
import { digestLibrary, digestService, paper, RecordingPoster } from "../helpers/digest.ts";

const NOW = new Date("2026-11-22T12:00:00Z");
const request = (text: string, channel = "slack:C1"): ChatRequest => ({ command: "digest", text, thread: "t", channel, user: { id: "u" }, platform: "slack" });

describe("digest commands in chat", () => {
  it("subscribes with a topic, reports it, posts now in the reply, and unsubscribes", async () => {
    const { library, digests } = await digestLibrary([{ records: [paper("Video diffusion", { upvotes: 3 })], addedAt: new Date() }]);
    let changes = 0;
    const commands = new ChatDigestCommands(digests, await digestService(library, digests, new RecordingPoster()), { time: "08:00", timeZone: "UTC" }, () => changes++);
    expect(await commands.handle(request("subscribe LLM inference"))).toMatchObject({ markdown: expect.stringMatching(/^Subscribed: .* on \*LLM inference\* every day at 08:00 \(UTC\)/) });
    expect(await digests.subscription("slack:C1")).toMatchObject({ topic: "LLM inference", time: "08:00", timeZone: "UTC" });
    expect(await commands.handle(request(""))).toMatchObject({ markdown: expect.stringMatching(/daily digest on \*LLM inference\* at 08:00/) });
    const now = await commands.handle(request("now", "slack:C2"));
    expect(now).toMatchObject({ kind: "digest", digest: { channel: "slack:C2", items: [{ title: "Video diffusion" }] } });
    // What "now" showed is logged, so the scheduled digest will not repeat it.
    expect((await digests.log("slack:C2")).map((entry) => entry.state)).toEqual(["posted"]);
    expect(await commands.handle(request("unsubscribe"))).toMatchObject({ markdown: expect.stringMatching(/^Unsubscribed/) });
    expect(changes).toBe(2);
    expect(await commands.handle(request("subscribe", "console"))).toMatchObject({ markdown: expect.stringMatching(/go to Slack or Discord channels/) });
    void NOW;
  });
});
