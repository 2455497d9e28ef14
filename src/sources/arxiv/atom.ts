import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import { PaperbotError } from "../../errors.ts";
import { parseArxivId } from "../../papers/arxiv-id.ts";
import type { PaperRecord } from "../../papers/paper.ts";
import { oneLine } from "../../papers/text.ts";
import { LIMITS } from "../limits.ts";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  // These may occur once or many times; always read them as lists.
  isArray: (name) => ["entry", "author", "link", "category"].includes(name),
  textNodeName: "#text",
});

const Text = z.union([z.string(), z.number().transform(String), z.object({ "#text": z.union([z.string(), z.number().transform(String)]) }).loose().transform((node) => node["#text"])]);

const Entry = z.object({
  id: Text,
  title: Text.pipe(z.string().max(LIMITS.titleChars)),
  summary: Text.pipe(z.string().max(LIMITS.abstractChars)),
  published: Text,
  updated: Text.optional(),
  author: z.array(z.object({ name: Text }).loose()).default([]),
  link: z.array(z.object({ "@href": z.string(), "@rel": z.string().optional(), "@title": z.string().optional() }).loose()).default([]),
  category: z.array(z.object({ "@term": z.string() }).loose()).default([]),
  "arxiv:primary_category": z.object({ "@term": z.string() }).loose().optional(),
  "arxiv:comment": Text.optional(),
  "arxiv:journal_ref": Text.optional(),
  "arxiv:doi": Text.optional(),
}).loose();

export type AtomPage = { records: PaperRecord[]; skipped: { item: string; problem: string }[]; total: number; returned: number };

/** One page of the arXiv API's Atom feed, as paper records; malformed entries are skipped and reported. */
export function parseAtom(xml: string): AtomPage {
  let document: Record<string, any>;
  try {
    document = parser.parse(xml);
  } catch (cause) {
    throw new PaperbotError("SOURCE_FAILED", "arXiv returned malformed XML; the API may have changed", { cause });
  }
  const feed = document.feed;
  if (!feed || typeof feed !== "object") throw new PaperbotError("SOURCE_FAILED", "arXiv's response is not an Atom feed; the API may have changed");
  const entries: unknown[] = feed.entry ?? [];
  const page: AtomPage = { records: [], skipped: [], total: Number(feed["opensearch:totalResults"]?.["#text"] ?? feed["opensearch:totalResults"] ?? 0), returned: entries.length };
  for (const raw of entries) {
    const parsed = Entry.safeParse(raw);
    const id = parsed.success ? parseArxivId(parsed.data.id) : undefined;
    if (!parsed.success || !id) {
      const problem = parsed.success ? `unrecognised id ${parsed.data.id}` : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      page.skipped.push({ item: String((raw as { id?: unknown })?.id ?? "(no id)"), problem });
      continue;
    }
    page.records.push(toRecord(parsed.data, id));
  }
  return page;
}

function toRecord(entry: z.infer<typeof Entry>, arxivId: string): PaperRecord {
  const authors = entry.author.map((author) => oneLine(author.name)).filter(Boolean);
  const primary = entry["arxiv:primary_category"]?.["@term"];
  const categories = [...new Set([...(primary ? [primary] : []), ...entry.category.map((category) => category["@term"])])];
  const record: PaperRecord = {
    arxivId,
    title: oneLine(entry.title),
    abstract: oneLine(entry.summary),
    upvotes: 0,
    source: "arxiv",
    publishedAt: entry.published.slice(0, 10),
    ...(authors.length > 0 && { authors, authorCount: authors.length }),
    ...(categories.length > 0 && { categories }),
    ...(entry.updated && { updatedAt: entry.updated.slice(0, 10) }),
    ...(entry["arxiv:comment"] && { comment: oneLine(entry["arxiv:comment"]) }),
    ...(entry["arxiv:journal_ref"] && { journalRef: oneLine(entry["arxiv:journal_ref"]) }),
    ...(entry["arxiv:doi"] && { doi: oneLine(entry["arxiv:doi"]) }),
  };
  return record;
}
