import { plainCard, type ChatResponse } from "../../src/chat/response.ts";
import { digestMarkdown } from "../../src/digest/render.ts";

/** A response as plain terminal text: Markdown emphasis dropped, links and sources spelled out. */
export function renderForTerminal(response: ChatResponse): string {
  switch (response.kind) {
    case "text":
      return plain(response.markdown);
    case "digest":
      return plain(digestMarkdown(response.digest));
    case "paper":
      return plainCard(response.paper);
    case "choose":
      return [`"${response.query}" could be any of these; ask again with more of the title:`, ...response.papers.map((paper, index) => `  ${index + 1}. ${paper.title}`)].join("\n");
    case "answer": {
      const { reply } = response;
      const sources = reply.citations.map((citation) => `  [${citation.n}] ${citation.title}\n      ${citation.url}`);
      return [plain(reply.text), ...(sources.length > 0 ? ["", "Sources:", ...sources] : []), ...reply.notes.map((note) => `\n(${note})`)].join("\n");
    }
  }
}

function plain(markdown: string): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/\[([^\]]+)\]\((\S+)\)/g, "$1 <$2>")
    .replace(/\\([\\*_`[\]])/g, "$1");
}
