import { plainCard, unshownLine, type ChatResponse } from "../../src/chat/response.ts";
import { PLAIN, renderMarkdown, replyText } from "../../src/cli/render.ts";
import { digestMarkdown } from "../../src/digest/render.ts";

/**
 * A response as plain terminal text, the way `paperbot ask` prints it: the
 * core's Markdown without its marks (no `*word*`, no `<https://…>`), each
 * link spelled out after its text.
 */
export function renderForTerminal(response: ChatResponse): string {
  switch (response.kind) {
    case "text":
      return renderMarkdown(response.markdown, PLAIN);
    case "digest":
      return renderMarkdown(digestMarkdown(response.digest), PLAIN);
    case "paper":
      return plainCard(response.paper);
    case "choose": {
      const then = response.action === "similar" ? "for papers like it" : "to open it";
      return [`"${response.query}" could be any of these; reply with a number ${then}:`, ...response.papers.map((paper, index) => `  ${index + 1}. ${paper.title}`), ...unshownLine(response.unshown)].join("\n");
    }
    case "answer":
      return replyText(response.reply, PLAIN).trimEnd();
  }
}
