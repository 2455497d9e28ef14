import { describe, expect, it } from "vitest";
import { ChatDigestCommands } from "../../src/chat/digest-commands.ts";
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
    expect(await commands.handle(request("subscribe", "console"))).toMatchObject({ markdown: expect.stringMatching(/^I cannot post daily digests here/) });
    expect(await digests.subscription("console")).toBeUndefined();
    void NOW;
  });

  it("refuses a subscription when no platform can post digests at all", async () => {
    const { library, digests } = await digestLibrary([{ records: [paper("Video diffusion")], addedAt: new Date() }]);
    const commands = new ChatDigestCommands(digests, await digestService(library, digests), { time: "08:00", timeZone: "UTC" });
    expect(await commands.handle(request("subscribe"))).toMatchObject({ markdown: expect.stringMatching(/^I cannot post daily digests here/) });
  });
});

describe("digest show in chat", () => {
  it("previews the channel's next digest to the asker alone, posting and logging nothing, without the key a real post carries", async () => {
    const { library, digests } = await digestLibrary([{ records: [paper("Video diffusion", { upvotes: 3 })], addedAt: new Date() }]);
    const poster = new RecordingPoster();
    const commands = new ChatDigestCommands(digests, await digestService(library, digests, poster), { time: "08:00", timeZone: "UTC" });
    await digests.saveSubscription({ channel: "slack:C1", time: "07:30", timeZone: "Europe/Berlin" });
    const shown = await commands.handle(request("show"));
    expect(shown).toMatchObject({ kind: "text", forAskerOnly: true, markdown: expect.stringMatching(/\(the past week\)\n1\. \*\*\[Video diffusion\]/) });
    expect((shown as { markdown: string }).markdown).toMatch(/Preview only: nothing was posted or logged\. The next digest goes out at 07:30 \(Europe\/Berlin\)\./);
    expect((shown as { markdown: string }).markdown).not.toMatch(/pbd-/);
    expect(poster.posts).toEqual([]);
    expect(await digests.log("slack:C1")).toEqual([]);
    expect((await digests.subscription("slack:C1"))!.lastDate).toBeUndefined();
    // What show promised is what `now` then posts.
    expect(await commands.handle(request("now"))).toMatchObject({ kind: "digest", digest: { items: [{ title: "Video diffusion" }] } });
    expect(await commands.handle(request("show"))).toMatchObject({ markdown: expect.stringMatching(/No new papers since \d{4}-\d\d-\d\d/) });
    expect(await commands.handle(request("shwo"))).toMatchObject({ markdown: expect.stringMatching(/I don't know `digest shwo`\. Try `digest show`/) });
  });
});
