import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordDigestPoster } from "../../adapters/discord/digest-poster.ts";
import { platformPoster } from "../../adapters/digest/poster.ts";
import { LlmSummarizer, ExtractiveSummarizer } from "../../src/digest/summary.ts";
import { DigestScheduler } from "../../src/digest/scheduler.ts";
import { createOpenAIClient } from "../../src/embed/create.ts";
import { crashBeforeConfirming, digestLibrary, digestService, paper } from "../helpers/digest.ts";
import { silentLogger } from "../helpers/logger.ts";
import { APP_ID, CHANNEL_ID, startDiscordServer } from "../servers/discord.ts";
import { answerWith, errorReply, startOpenAICompatibleServer } from "../servers/openai-compatible.ts";
import { startSlackServer } from "../servers/slack.ts";

const NOW = new Date("2026-11-22T12:00:00Z");
let slack: Awaited<ReturnType<typeof startSlackServer>>;
let discord: Awaited<ReturnType<typeof startDiscordServer>>;
beforeAll(async () => {
  slack = await startSlackServer();
  discord = await startDiscordServer();
});
afterAll(async () => {
  await slack.close();
  await discord.close();
});

const records = [paper("KV cache compression for long context", { publishedAt: "2026-11-22", upvotes: 5 }), paper("Diffusion models for video", { publishedAt: "2026-11-22", upvotes: 9 })];
const poster = () => platformPoster({ slack: { botToken: "xoxb-test", apiUrl: slack.apiUrl, eventsPath: "/slack/events" }, discord: { token: "t", applicationId: APP_ID, apiUrl: discord.apiUrl } });

describe("digest through the real Slack and Discord clients", () => {
  it("is posted by the scheduler to both platforms, with the key that lets a crashed run find it", async () => {
    const { library, digests } = await digestLibrary([{ records, addedAt: NOW }]);
    const service = await digestService(library, digests, poster());
    await digests.saveSubscription({ channel: "slack:C1", time: "08:00", timeZone: "UTC", lastDate: "2026-11-21" });
    await digests.saveSubscription({ channel: `discord:${CHANNEL_ID}`, time: "09:00", timeZone: "UTC", lastDate: "2026-11-21" });
    const scheduler = new DigestScheduler({ store: digests, service, logger: silentLogger, now: () => NOW });
    await scheduler.start();
    await scheduler.stop();

    const slackPost = slack.posted.find((message) => message.channel === "C1")!;
    expect(JSON.stringify(slackPost.blocks)).toContain("<https://huggingface.co/papers?q=Diffusion%20models%20for%20video|Diffusion models for video>");
    expect((slackPost.metadata as { event_type: string }).event_type).toBe("paperbot_digest");
    const discordPost = discord.posted.find((message) => message.channel_id === CHANNEL_ID && message.embeds.length > 0)!;
    expect(discordPost.embeds[0]!.title).toBe("New papers, 2026-11-22");
    expect(discordPost.embeds[0]!.description).toMatch(/^1\. \*\*\[Diffusion models for video\]/);
    expect(discordPost.embeds.at(-1)!.footer.text).toMatch(/^paperbot digest pbd-/);

    const key = discordPost.embeds.at(-1)!.footer.text.replace("paperbot digest ", "");
    expect(await new DiscordDigestPoster("t", discord.apiUrl).hasPosted(`discord:${CHANNEL_ID}`, key)).toBe(true);
    expect(await poster().hasPosted("slack:C1", (slackPost.metadata as { event_payload: { key: string } }).event_payload.key)).toBe(true);
    expect(await poster().hasPosted("slack:C1", "pbd-unknown")).toBe(false);
  });

  it("reconciles with the platform after a crash between posting and logging", async () => {
    const { library, digests } = await digestLibrary([{ records, addedAt: NOW }]);
    const service = await digestService(library, digests, poster());
    crashBeforeConfirming(digests);
    const before = slack.posted.length;
    await expect(service.run({ channel: "slack:C9", now: NOW })).rejects.toThrow("killed");
    expect((await service.run({ channel: "slack:C9", now: NOW })).posted).toBe(false);
    expect(slack.posted.length - before).toBe(1);
  });
});

describe("TL;DR from a language model", () => {
  it("uses the model's validated one-liner, and falls back to the abstract when the model fails or rambles", async () => {
    const server = await startOpenAICompatibleServer();
    try {
      const { library } = await digestLibrary([{ records, addedAt: NOW }]);
      const [kv] = (await library.papers()).filter((candidate) => candidate.title.startsWith("KV"));
      const summarizer = new LlmSummarizer(createOpenAIClient({ apiKey: "k", baseURL: server.baseURL, timeoutMs: 2_000, maxRetries: 0 }), { model: "m", timeoutMs: 2_000 }, new ExtractiveSummarizer(library));
      server.override(answerWith("TL;DR: Compresses the KV cache for long contexts with little accuracy loss."));
      expect(await summarizer.summarize(kv!)).toBe("Compresses the KV cache for long contexts with little accuracy loss.");
      expect(server.requests[0]!.body.messages[1].content).toContain("Title: KV cache compression for long context");
      server.override(errorReply(500));
      expect(await summarizer.summarize(kv!)).toMatch(/^We propose a method/);
      server.override(answerWith("ok"));
      expect(await summarizer.summarize(kv!)).toMatch(/^We propose a method/);
    } finally {
      await server.close();
    }
  });
});
