import { plainText } from "./tex.ts";
import { createHash } from "node:crypto";
import { z } from "zod";

export const PaperSchema = z.object({
  /** arXiv id when known, otherwise `t-` + a hash of the normalised title. */
  id: z.string().min(1),
  title: z.string().min(1),
  abstract: z.string(),
  authors: z.array(z.string()).optional(),
  authorCount: z.number().int().nonnegative().optional(),
  /** Shown by Hugging Face instead of authors for some papers, e.g. "DeepSeek". */
  organization: z.string().optional(),
  /** ISO date, YYYY-MM-DD. */
  publishedAt: z.iso.date().optional(),
  upvotes: z.number().int().nonnegative().default(0),
  /** Where the record was read from: a file path or an API name. */
  source: z.string(),
  url: z.url(),
  /** The day Hugging Face featured it in Daily Papers (not its arXiv date). */
  featuredAt: z.iso.date().optional(),
  /** arXiv's last update, when known. */
  updatedAt: z.iso.date().optional(),
  /** arXiv categories, primary first. */
  categories: z.array(z.string()).optional(),
  aiSummary: z.string().optional(),
  aiKeywords: z.array(z.string()).optional(),
  githubRepo: z.string().optional(),
  comment: z.string().optional(),
  journalRef: z.string().optional(),
  doi: z.string().optional(),
});

/** Fields that only some sources give; stored together, since nothing filters on them. */
export const EXTRA_FIELDS = ["featuredAt", "updatedAt", "categories", "aiSummary", "aiKeywords", "githubRepo", "comment", "journalRef", "doi"] as const;

export type Paper = z.infer<typeof PaperSchema>;

/** What a source yields before ids and links are assigned. */
export type PaperRecord = Omit<Paper, "id" | "url"> & { arxivId?: string; url?: string };

/**
 * The key under which two records are the same paper: case, accents,
 * punctuation and spacing do not matter.
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function titleId(title: string): string {
  return `t-${createHash("sha256").update(normalizeTitle(title)).digest("hex").slice(0, 16)}`;
}

function paperUrl(arxivId: string | undefined, title: string): string {
  if (arxivId) return `https://arxiv.org/abs/${arxivId}`;
  // Parentheses too: a Markdown link ends at the first ")" ("… GPT-4V(ision) …" broke its link in chat).
  return `https://huggingface.co/papers?q=${encodeURIComponent(title).replace(/[()!'*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export function toPaper(record: PaperRecord): Paper {
  const { arxivId, url, ...fields } = record;
  return PaperSchema.parse({
    ...fields,
    // Titles stay exactly as the source wrote them: people and tools look papers up by their exact title.
    abstract: plainText(record.abstract, record.title),
    id: arxivId ?? titleId(record.title),
    url: url ?? paperUrl(arxivId, record.title),
  });
}

/** The inverse of `toPaper`, so stored papers can be merged with new records. */
export function toRecord(paper: Paper): PaperRecord {
  const { id, url, ...fields } = paper;
  const record: PaperRecord = { ...fields };
  if (!id.startsWith("t-")) record.arxivId = id;
  if (url !== paperUrl(record.arxivId, paper.title)) record.url = url;
  return record;
}
