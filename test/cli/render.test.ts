import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/answer/reply.ts";
import { paperCard, paperList, PLAIN, renderMarkdown, replyText as render, shortLink, styleFor } from "../../src/cli/render.ts";

const SEARCH = "https://huggingface.co/papers?q=PyramidKV%3A%20Dynamic%20KV%20Cache%20Compression";
const ARXIV = "https://arxiv.org/abs/2406.02069";

function reply(text: string, citations: Reply["citations"]): Reply {
  return { text, citations, found: true, closest: [], notes: [] };
}

describe("terminal rendering", () => {
  it("turns the answer's Markdown into plain text for a pipe", () => {
    const markdown = "## Answer\n5 papers speak to **kv cache**; see [PyramidKV](https://arxiv.org/abs/2406.02069), [a search](<" + SEARCH + ">), `code` and \\*stars\\*.";
    expect(renderMarkdown(markdown, PLAIN)).toBe(`Answer\n5 papers speak to kv cache; see PyramidKV (arxiv.org/abs/2406.02069), a search (title search: ${SEARCH}), code and *stars*.`);
    // A numbered paper's address goes below it, as the paper lists print it, so its date is not buried after a long search.
    expect(renderMarkdown(`1. [PyramidKV](${SEARCH}) (2024-06-04)`, PLAIN)).toBe(`1. PyramidKV (2024-06-04)\n   title search: ${SEARCH}`);
  });

  it("uses bold and clickable links on a terminal, and nothing fancy with NO_COLOR or TERM=dumb", () => {
    const rich = styleFor({ isTTY: true }, {});
    expect(renderMarkdown("**bold** [x](https://arxiv.org/abs/1)", rich)).toBe("\x1b[1mbold\x1b[22m \x1b]8;;https://arxiv.org/abs/1\x1b\\x\x1b]8;;\x1b\\");
    expect(styleFor({ isTTY: true }, { NO_COLOR: "" })).toEqual(PLAIN);
    expect(styleFor({ isTTY: true }, { TERM: "dumb" })).toEqual(PLAIN);
    expect(styleFor({ isTTY: false }, {})).toEqual(PLAIN);
  });

  it("shows links short, and a title search labelled as one, with the same search address JSON and chat give", () => {
    expect(shortLink(ARXIV, PLAIN)).toBe("arxiv.org/abs/2406.02069");
    expect(shortLink(SEARCH, PLAIN)).toBe(`title search: ${SEARCH}`);
    expect(shortLink(SEARCH, { rich: true })).toContain("search Hugging Face for it");
  });

  it("prints each title once: sources the answer already names get only their link, a title search its search address", () => {
    const text = "Two papers: **PyramidKV: Dynamic KV Cache Compression** [1] and **SnapKV** [2]. Also [3].";
    const out = render(reply(text, [
      { n: 1, id: "a", title: "PyramidKV: Dynamic KV Cache Compression", url: SEARCH },
      { n: 2, id: "b", title: "SnapKV", url: ARXIV },
      { n: 3, id: "c", title: "H2O: Heavy-Hitter Oracle", url: SEARCH },
    ]));
    expect(out).toBe([
      "Two papers: PyramidKV: Dynamic KV Cache Compression [1] and SnapKV [2]. Also [3].",
      "",
      "Sources:",
      `[1] title search: ${SEARCH}`,
      "[2] arxiv.org/abs/2406.02069",
      `[3] H2O: Heavy-Hitter Oracle: title search: ${SEARCH}`,
      "",
    ].join("\n"));
    expect(out).not.toMatch(/no direct link/);
  });

  it("lists search and similar results with their links, never 'no direct link'", () => {
    const out = paperList([{ title: "PyramidKV", url: SEARCH, upvotes: 0 }, { title: "SnapKV", url: ARXIV, upvotes: 3, publishedAt: "2024-04-22" }], PLAIN);
    expect(out).toBe(`1. PyramidKV\n   title search: ${SEARCH}\n2. SnapKV (2024-04-22 · 3 upvotes)\n   arxiv.org/abs/2406.02069`);
  });

  it("leaves out upvotes when there are none (unknown), and shows them when known", () => {
    const paper = { title: "T", abstract: "A.", url: ARXIV, upvotes: 0, publishedAt: "2024-06-04", authors: ["Ada"] };
    expect(paperCard(paper, PLAIN)).toBe("T\nAda · 2024-06-04\narxiv.org/abs/2406.02069\n\nA.");
    expect(paperCard({ ...paper, upvotes: 36 }, PLAIN)).toContain("Ada · 2024-06-04 · 36 upvotes");
    const unnamed = { title: "T", abstract: "A.", url: ARXIV, upvotes: 1, publishedAt: "2024-06-04" };
    expect(paperCard({ ...unnamed, authorCount: 1 }, PLAIN)).toContain("1 author · 2024-06-04 · 1 upvote\n");
    expect(paperCard({ ...unnamed, authorCount: 7 }, PLAIN)).toContain("7 authors");
  });

  it("knows a title the answer shows escaped for Markdown, and does not print it again", () => {
    const title = "TPLA: Prefill \\& Decode Inference";
    const out = render(reply(`**TPLA: Prefill \\\\& Decode Inference** [1]`, [{ n: 1, id: "a", title, url: ARXIV }]));
    expect(out).toContain("[1] arxiv.org/abs/2406.02069");
  });
});
