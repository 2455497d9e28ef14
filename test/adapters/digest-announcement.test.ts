import { describe, expect, it } from "vitest";
import { SLASH_COMMANDS } from "../../adapters/discord/commands.ts";
import { digestEmbeds, toDiscordMessages } from "../../adapters/discord/format.ts";
import { digestMessage } from "../../adapters/slack/blocks.ts";
import type { Digest } from "../../src/digest/types.ts";

const digest: Digest = {
  channel: "slack:C1",
  from: "2026-11-29",
  to: "2026-11-29",
  items: [{ id: "2406.02069", title: "PyramidKV", url: "https://arxiv.org/abs/2406.02069", upvotes: 3, publishedAt: "2026-11-29", summary: "Layer-wise KV budgets." }],
  coverage: { papers: 390 },
  skippedAlreadyPosted: 0,
  key: "slack:C1:2026-11-29",
  imports: [{ day: "2026-11-29", papers: 387, undated: 233, earliest: "2017-07-16", latest: "2026-11-20" }],
};
const ANNOUNCEMENT = "The library now has 390 papers: 387 came in on 2026-11-29";

describe("a bulk import's announcement beside the papers", () => {
  it("Slack: a section before the first paper", () => {
    const text = digestMessage(digest).blocks.map((block) => JSON.stringify(block));
    const announced = text.findIndex((block) => block.includes(ANNOUNCEMENT));
    const paper = text.findIndex((block) => block.includes("PyramidKV"));
    expect(announced).toBeGreaterThan(0);
    expect(paper).toBeGreaterThan(announced);
  });

  it("Discord: in the digest message and in the scheduled digest's embeds, before the paper", () => {
    const [message] = toDiscordMessages({ kind: "digest", digest });
    expect(message!.indexOf(ANNOUNCEMENT)).toBeGreaterThan(0);
    expect(message!.indexOf("PyramidKV")).toBeGreaterThan(message!.indexOf(ANNOUNCEMENT));
    // Links stay masked, so Discord does not unfurl every paper.
    expect(message).toContain("(<https://arxiv.org/abs/2406.02069>)");
    expect(digestEmbeds(digest)[0]![0]!.description).toContain(ANNOUNCEMENT);
  });

  it("Discord registers /digest show and /stats", () => {
    const digestCommand = SLASH_COMMANDS.find((command) => command.name === "digest") as { options?: { name: string }[] };
    expect(digestCommand.options!.map((option) => option.name)).toContain("show");
    expect(SLASH_COMMANDS.map((command) => command.name)).toContain("stats");
  });
});
