import { describe, expect, it } from "vitest";
import { splitMessage, toDiscordMessages } from "../../adapters/discord/format.ts";
import { toSlackMessage } from "../../adapters/slack/blocks.ts";
import { splitText, toMrkdwn } from "../../adapters/slack/mrkdwn.ts";
import type { Reply } from "../../src/answer/reply.ts";

const reply = (text: string, citations = 3): Reply => ({
  text,
  found: true,
  closest: [],
  notes: [],
  citations: Array.from({ length: citations }, (_, index) => ({ n: index + 1, id: `p${index}`, title: `Paper [${index}] *bold*`, url: `https://arxiv.org/abs/2401.0000${index}` })),
});

describe("Slack rendering", () => {
  it("turns Markdown into mrkdwn, escaping what Slack needs escaped", () => {
    expect(toMrkdwn("**Bold** and [a link](https://x.test/a?b=1&c=2) & <tags>")).toBe("*Bold* and <https://x.test/a?b=1&c=2|a link> &amp; &lt;tags&gt;");
    expect(toMrkdwn("A \\*starred\\* title")).toBe("A *starred* title");
  });

  it("keeps an answer's Markdown within the markdown block's 12,000 characters, every section within 3,000 and a message within 50 blocks", () => {
    const long = Array.from({ length: 1_200 }, (_, index) => `${index}. ${"word ".repeat(30)}`).join("\n");
    const message = toSlackMessage({ kind: "answer", reply: reply(long, 8) });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const [markdown, ...rest] = message.blocks as { type: string; text?: string }[];
    expect(markdown!.type).toBe("markdown");
    expect(markdown!.text!.length).toBeLessThanOrEqual(12_000);
    // Shortened, saying so, with the buttons kept last.
    expect(markdown!.text).toMatch(/ …\n\n_\(Shortened to fit Slack's message limits\.\)_$/);
    for (const block of rest) expect(JSON.stringify(block).length).toBeLessThan(3_200);
    expect(message.blocks.at(-1)).toMatchObject({ type: "actions" });
    expect(message.text.length).toBeLessThanOrEqual(300);
    const many = toSlackMessage({ kind: "answer", reply: reply("Short.", 200) });
    expect(many.blocks.length).toBeLessThanOrEqual(50);
  });

  it("splits at a line break when one fits, else at a space, and never loses text", () => {
    const text = `${"a".repeat(2_900)}\n${"b ".repeat(2_000)}`;
    const pieces = splitText(text, 3_000);
    expect(pieces.every((piece) => piece.length <= 3_000)).toBe(true);
    expect(pieces.join(" ").replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
    expect(pieces[0]).toBe("a".repeat(2_900));
  });

  it("lists sources as links with safe titles", () => {
    const message = toSlackMessage({ kind: "answer", reply: reply("Answer [1].", 1) });
    expect(JSON.stringify(message.blocks)).toContain("[1] <https://arxiv.org/abs/2401.00000|Paper [0] *bold*>");
  });
});

describe("Discord rendering", () => {
  it("splits long answers into messages of at most 2,000 characters at line breaks", () => {
    const long = Array.from({ length: 120 }, (_, index) => `${index + 1}. **A paper title** [1]: ${"A sentence from the abstract. ".repeat(2)}`).join("\n");
    const messages = toDiscordMessages({ kind: "answer", reply: reply(long) });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(2_000);
    expect(messages.join("\n")).toContain("**Sources**");
  });

  it("writes sources as masked links without unfurls, with brackets removed from titles", () => {
    const [message] = toDiscordMessages({ kind: "answer", reply: reply("Answer [1].", 1) });
    expect(message).toContain("[1] [Paper 0 *bold*](<https://arxiv.org/abs/2401.00000>)");
  });

  it("cuts a single over-long line at a space", () => {
    const pieces = splitMessage("word ".repeat(1_000), 2_000);
    expect(pieces.every((piece) => piece.length <= 2_000)).toBe(true);
    expect(pieces.every((piece) => !piece.startsWith(" "))).toBe(true);
  });
});
