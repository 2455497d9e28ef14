import { createHash } from "node:crypto";
import { paperText } from "../embed/embedder.ts";
import type { Paper } from "../papers/paper.ts";

export function contentHash(paper: Paper): string {
  return sha256(paperText(paper));
}

/** Covers every model field, in a fixed order, so that any change is seen. */
export function recordHash(paper: Paper): string {
  const ordered = Object.keys(paper)
    .sort()
    .map((key) => [key, paper[key as keyof Paper]]);
  return sha256(JSON.stringify(ordered));
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}
