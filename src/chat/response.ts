import type { Reply } from "../answer/reply.ts";
import type { Digest } from "../digest/types.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import { counted } from "../answer/counted.ts";

export type PaperCard = Pick<StoredPaper, "id" | "title" | "abstract" | "url" | "upvotes"> & Partial<Pick<StoredPaper, "authors" | "authorCount" | "organization" | "publishedAt">>;

/** What the core answers; adapters render each kind in their platform's format. */
export type ChatResponse =
  | { kind: "answer"; reply: Reply; questionId?: string }
  | { kind: "paper"; paper: PaperCard }
  /** `action: "similar"`: picking one lists papers like it (a `similar` request whose name fit several); otherwise it opens the paper. */
  | { kind: "choose"; query: string; papers: PaperCard[]; action?: "similar"; unshown?: number }
  | { kind: "digest"; digest: Digest }
  | { kind: "text"; markdown: string; forAskerOnly?: boolean };

/**
 * Errors, limits and refusals concern only the person who asked: adapters
 * show these to them alone where the platform can (ephemeral messages).
 */
export function isForAskerOnly(response: ChatResponse): boolean {
  return response.kind === "text" && response.forAskerOnly === true;
}

export function cardOf(paper: StoredPaper): PaperCard {
  const { contentHash, recordHash, addedAt, source, ...card } = paper;
  return card;
}

/** "Ada Lovelace, Alan Turing · 2024-06-04 · 36 upvotes": who, when and how liked, as far as known. */
export function paperByline(paper: PaperCard): string {
  const by = paper.authors?.join(", ") ?? paper.organization ?? (paper.authorCount ? counted(paper.authorCount, "author") : undefined);
  // Zero is what a page without an upvote count gives, so it says nothing.
  return [by, paper.publishedAt, paper.upvotes > 0 && counted(paper.upvotes, "upvote")].filter(Boolean).join(" · ");
}

/** Under a choice cut to its first few: that more fit, and how to reach them. */
export function unshownLine(unshown: number | undefined): string[] {
  return unshown ? [`…and ${counted(unshown, "more title")} like these; add a word from the one you mean to narrow it.`] : [];
}

/** A paper as plain text: title, byline, link, abstract. */
export function plainCard(paper: PaperCard): string {
  return [paper.title, paperByline(paper), paper.url, "", paper.abstract].join("\n");
}
