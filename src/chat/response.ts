import type { Reply } from "../answer/reply.ts";
import type { Digest } from "../digest/types.ts";
import type { StoredPaper } from "../store/paper-store.ts";

export type PaperCard = Pick<StoredPaper, "id" | "title" | "abstract" | "url" | "upvotes"> & Partial<Pick<StoredPaper, "authors" | "authorCount" | "organization" | "publishedAt">>;

/** What the core answers; adapters render each kind in their platform's format. */
export type ChatResponse =
  | { kind: "answer"; reply: Reply }
  | { kind: "paper"; paper: PaperCard }
  | { kind: "choose"; query: string; papers: PaperCard[] }
  | { kind: "digest"; digest: Digest }
  | { kind: "text"; markdown: string };

export function cardOf(paper: StoredPaper): PaperCard {
  const { contentHash, recordHash, addedAt, source, ...card } = paper;
  return card;
}
