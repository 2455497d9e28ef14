/** One numbered source in a reply; `[n]` in the text refers to it. */
export type Citation = { n: number; id: string; title: string; url: string; publishedAt?: string };

/**
 * What the core answers, for any platform to render: Markdown text with
 * numbered citations, the citation list, and whether the library had
 * anything relevant. `closest` lists near misses when it had not.
 */
export type Reply = {
  text: string;
  citations: Citation[];
  found: boolean;
  /** Found, but the library may cover the question only in part; the text says so. */
  partial?: true;
  closest: Citation[];
  /** Short remarks for the reader, e.g. that the language model was unavailable. */
  notes: string[];
};

export function citationOf(n: number, paper: { id: string; title: string; url: string; publishedAt?: string | undefined }): Citation {
  return { n, id: paper.id, title: paper.title, url: paper.url, ...(paper.publishedAt && { publishedAt: paper.publishedAt }) };
}
