/** New-style (2501.01234) and old-style (hep-th/9901001) arXiv ids, with an optional version. */
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Za-z]{2})?\/\d{7})(?:v\d+)?$/;

/** The versionless arXiv id in `text` (a bare id or an arXiv / Hugging Face link), if any. */
export function parseArxivId(text: string): string | undefined {
  const trimmed = text.trim();
  // "arXiv:2205.14135", "arxiv 2205.14135", "paper 2205.14135?": an id as people type it in chat.
  const bare = ARXIV_ID.exec(trimmed.replace(/^(?:(?:the\s+)?(?:arxiv|paper)(?:\s+(?:id|paper))?\s*[:#]?\s*)/i, "").replace(/\s*[?.!]+$/, ""));
  if (bare) return bare[1];
  const link = /(?:arxiv\.org\/(?:abs|pdf|html)|huggingface\.co\/papers)\/([^\s?#]+?)(?:\.pdf)?(?:[?#].*)?$/i.exec(trimmed);
  return link ? ARXIV_ID.exec(link[1]!)?.[1] : undefined;
}
