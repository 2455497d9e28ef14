import type { Schema } from "apache-arrow";
import { EXTRA_FIELDS } from "../../papers/paper.ts";
import type { StoredPaper, StoredPaperWithVector } from "../paper-store.ts";
import { arrow } from "./arrow.ts";

const { Field, FixedSizeList, Float32, Int32, List, Schema: ArrowSchema, Utf8 } = arrow;

function extraOf(paper: StoredPaperWithVector): string | null {
  const extra = Object.fromEntries(EXTRA_FIELDS.filter((field) => paper[field] !== undefined).map((field) => [field, paper[field]]));
  return Object.keys(extra).length > 0 ? JSON.stringify(extra) : null;
}

export const PAPERS_TABLE = "papers";

/**
 * Columns are snake_case because LanceDB's SQL filters fold unquoted
 * identifiers to lower case. `embedder` is stored on every row so that the
 * stamp is written in the same commit as the vectors it describes.
 */
export function papersSchema(dims: number): Schema {
  const text = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
  return new ArrowSchema([
    text("id"),
    text("title"),
    text("title_key"),
    text("abstract"),
    new Field("authors", new List(new Field("item", new Utf8(), true)), true),
    new Field("author_count", new Int32(), true),
    text("organization", true),
    text("published_at", true),
    new Field("upvotes", new Int32(), false),
    text("source"),
    text("url"),
    text("content_hash"),
    text("record_hash"),
    text("added_at"),
    text("embedder"),
    text("extra", true),
    new Field("vector", new FixedSizeList(dims, new Field("item", new Float32(), true)), false),
  ]);
}

export type PaperRow = {
  id: string;
  title: string;
  title_key: string;
  abstract: string;
  authors: string[] | null;
  author_count: number | null;
  organization: string | null;
  published_at: string | null;
  upvotes: number;
  source: string;
  url: string;
  content_hash: string;
  record_hash: string;
  added_at: string;
  embedder: string;
  extra: string | null;
  vector: Float32Array | number[];
};

export function toRow(paper: StoredPaperWithVector, titleKey: string, embedder: string): PaperRow {
  return {
    id: paper.id,
    title: paper.title,
    title_key: titleKey,
    abstract: paper.abstract,
    authors: paper.authors ?? null,
    author_count: paper.authorCount ?? null,
    organization: paper.organization ?? null,
    published_at: paper.publishedAt ?? null,
    upvotes: paper.upvotes,
    source: paper.source,
    url: paper.url,
    content_hash: paper.contentHash,
    record_hash: paper.recordHash,
    added_at: paper.addedAt,
    embedder,
    extra: extraOf(paper),
    vector: paper.vector,
  };
}

/** Arrow values (typed vectors, nulls) back to a plain StoredPaper. */
export function fromRow(row: Record<string, unknown>): StoredPaper {
  const paper: StoredPaper = {
    id: row.id as string,
    title: row.title as string,
    abstract: row.abstract as string,
    upvotes: Number(row.upvotes),
    source: row.source as string,
    url: row.url as string,
    contentHash: row.content_hash as string,
    recordHash: row.record_hash as string,
    addedAt: row.added_at as string,
  };
  const authors = row.authors as { toArray(): string[] } | null;
  if (authors) paper.authors = [...authors.toArray()];
  if (row.author_count != null) paper.authorCount = Number(row.author_count);
  if (row.organization != null) paper.organization = row.organization as string;
  if (row.published_at != null) paper.publishedAt = row.published_at as string;
  if (typeof row.extra === "string") Object.assign(paper, JSON.parse(row.extra));
  return paper;
}

export const COLUMNS_WITHOUT_VECTOR = papersSchema(1).fields.map((field) => field.name).filter((name) => name !== "vector");
