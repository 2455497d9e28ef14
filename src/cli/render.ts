/**
 * Terminal rendering for the CLI: the core answers in Markdown (chat
 * platforms render it), which a terminal shows as raw asterisks. On a TTY
 * we use bold and clickable (OSC 8) links; with NO_COLOR, TERM=dumb or a
 * pipe we print plain text.
 */
import { escapeMarkdown } from "../answer/extractive.ts";
import type { Reply } from "../answer/reply.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { counted } from "../answer/counted.ts";

export type Style = { rich: boolean };

export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  return { rich: Boolean(stream.isTTY) && !("NO_COLOR" in env) && env.TERM !== "dumb" };
}

export const PLAIN: Style = { rich: false };

export function bold(text: string, style: Style): string {
  return style.rich ? `\x1b[1m${text}\x1b[22m` : text;
}

function hyperlink(url: string, label: string, style: Style): string {
  return style.rich ? `\x1b]8;;${url}\x1b\\${label}\x1b]8;;\x1b\\` : label;
}

/** A paper without an arXiv id links to a Hugging Face search for its title: say so rather than print it as if it were the paper. */
export function isSearchLink(url: string): boolean {
  return /^https:\/\/huggingface\.co\/papers\?q=/.test(url);
}

/**
 * "arxiv.org/abs/2406.02069". A title search (a paper without an arXiv id)
 * is labelled as one: a clickable label on a TTY; otherwise the same search
 * address that JSON and chat give, whole, since it is the only way to the paper.
 */
export function shortLink(url: string, style: Style): string {
  if (isSearchLink(url)) return style.rich ? hyperlink(url, "search Hugging Face for it", style) : `title search: ${url}`;
  return hyperlink(url, url.replace(/^https?:\/\/(www\.)?/, ""), style);
}

/** A Markdown link in a terminal: clickable on a TTY; otherwise its text, then the address. */
function linkText(label: string, url: string, style: Style): string {
  return style.rich ? hyperlink(url, label, style) : `${label} (${shortLink(url, style)})`;
}

/** The Markdown the core writes (bold, italics, code, links, headings, escapes) as terminal text. */
export function renderMarkdown(markdown: string, style: Style): string {
  return markdown
    .split("\n")
    .map((line) => {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      const text = heading ? heading[1]! : line;
      // A numbered paper's address goes on the line below it, as in paperList: inline, a title search's long
      // address buried the date after it.
      const item = !style.rich && /^\d+\.\s/.test(text);
      const below: string[] = [];
      const rendered = text
        .replace(/\[([^\]]+)\]\((<)?([^)>\s]+)>?\)/g, (_, label: string, _open, url: string) => (item ? (below.push(`   ${shortLink(url, style)}`), label) : linkText(label, url, style)))
        .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_, a?: string, b?: string) => bold(a ?? b ?? "", style))
        .replace(/(^|[\s(])\*(\S(?:.*?\S)?)\*(?=[\s).,;:!?]|$)/g, "$1$2")
        .replace(/`([^`]+)`/g, "$1")
        .replace(/\\([\\`*_[\]()#>!-])/g, "$1");
      return heading ? bold(rendered, style) : [rendered, ...below].join("\n");
    })
    .join("\n");
}

/** "2024-06-04 · 36 upvotes": what is known; no upvotes means unknown, not zero, so it is left out. */
function paperMeta(paper: Pick<StoredPaper, "upvotes"> & { publishedAt?: string | null | undefined }): string {
  return [paper.publishedAt, paper.upvotes > 0 ? counted(paper.upvotes, "upvote") : undefined].filter(Boolean).join(" · ");
}

type Listed = Pick<StoredPaper, "title" | "url" | "upvotes"> & { publishedAt?: string | null | undefined };

/** Numbered papers: one title each, its date and upvotes when known, and a short link. */
export function paperList(papers: Listed[], style: Style): string {
  return papers
    .map((paper, index) => {
      const meta = paperMeta(paper);
      return `${index + 1}. ${bold(paper.title, style)}${meta ? ` (${meta})` : ""}\n   ${shortLink(paper.url, style)}`;
    })
    .join("\n");
}

type Card = Listed & Pick<StoredPaper, "abstract"> & Partial<Pick<StoredPaper, "authors" | "organization" | "authorCount">>;

/** One paper: title, who and when, link, abstract. */
export function paperCard(paper: Card, style: Style): string {
  const by = paper.authors?.join(", ") || paper.organization || (paper.authorCount ? counted(paper.authorCount, "author") : undefined);
  const byline = [by, paperMeta(paper)].filter(Boolean).join(" · ");
  return [bold(paper.title, style), ...(byline ? [byline] : []), shortLink(paper.url, style), "", paper.abstract].join("\n");
}

/**
 * An answer in a terminal (`ask` and the terminal chat alike): its Markdown
 * as text, then the numbered sources, each with its link. A source whose
 * title the answer already shows is not named again.
 */
export function replyText(reply: Reply, style: Style = PLAIN): string {
  const shown = reply.text.toLowerCase();
  // The text holds titles escaped for Markdown ("Prefill \\& Decode"): compared as written there.
  const named = (title: string) => shown.includes(title.toLowerCase()) || shown.includes(escapeMarkdown(title).toLowerCase());
  const sources = reply.citations.map(({ n, title, url }) => `[${n}] ${named(title) ? "" : `${title}: `}${shortLink(url, style)}`);
  const notes = reply.notes.map((note) => `(${note})`);
  return [renderMarkdown(reply.text, style), ...(sources.length > 0 ? ["", "Sources:", ...sources] : []), ...(notes.length > 0 ? ["", ...notes] : [])].join("\n") + "\n";
}
