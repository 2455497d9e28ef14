/**
 * Text as one line: APIs wrap titles and abstracts at fixed width with runs
 * of spaces, and prompts keep each paper to one paragraph.
 */
/** Text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * An abstract's own reference markers ("as shown in [2]", "[3, 7]",
 * "[12-14]") point into that paper's bibliography, not at our numbered
 * citations. Quoted as they are, they would read as ours, so they are
 * dropped from any abstract text we show or hand to a model.
 */
const REFERENCE_MARKER = /\s*\[\s*\d+(?:\s*[-–,]\s*\d+)*\s*\]/g;
/** LaTeX that arXiv abstracts carry into the listings: formatting commands (with or without their backslash) and grouping braces. */
const LATEX_COMMAND = /\\?\b(?:textbf|textit|texttt|textrm|emph|underline|mathcal|mathbb|mathbf|mathrm|widetilde|footnotesize\w*)\b\s*/g;

/** Abstract text as we show it or hand it to a model: no reference markers of its own, no LaTeX leftovers. */
export function readableAbstract(text: string): string {
  return text
    .replace(REFERENCE_MARKER, "")
    .replace(/\\%/g, "%")
    // A LaTeX comment sign left between sentences ("… overheads. % To address this …").
    .replace(/(^|[.!?]\s+)%\s+/g, "$1")
    .replace(LATEX_COMMAND, "")
    .replace(/[{}]/g, "");
}

/**
 * An abstract without the heading scraped exports leave at its start: "AbstractThis paper …", "ABSTRACT: We …",
 * "Abstract - In …". A first word that is content ("Abstract reasoning …", "Abstract Meaning Representation …") stays.
 */
export function withoutHeading(abstract: string): string {
  // ("Abstract We present …" may be either, and stays.)
  return abstract.replace(/^\s*(?:(?:Abstract|ABSTRACT)(?=\p{Lu}\p{Ll})|(?:Abstract|ABSTRACT)\s*[:.\-–—]+|ABSTRACT\s+)\s*/u, "");
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /\b(?:e\.g|i\.e|et al|etc|vs|v\.s|cf|fig|eq|approx|resp|Fig|Eq)\.$/;

/** An abstract's sentences, not cut at "e.g." or "et al.". */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let current = "";
  for (const piece of text.split(/(?<=[.!?])\s+(?=[A-Z0-9"(])/)) {
    current = current ? `${current} ${piece}` : piece;
    if (!ABBREVIATION.test(current)) {
      sentences.push(current.trim());
      current = "";
    }
  }
  if (current.trim()) sentences.push(current.trim());
  return sentences.filter((sentence) => sentence.length > 0);
}

/** Whether a text writes these words together as whole words, in any case ("HNSW", "product quantization", "GPT-4"). */
export function writesPhrase(text: string, words: string): boolean {
  const parts = words.trim().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (parts.length === 0) return false;
  const phrase = parts.map((word) => escapeRegExp(word)).join("[^\\p{L}\\p{N}]+");
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${phrase}(?:$|[^\\p{L}\\p{N}])`, "iu").test(text);
}

/** Whether every one of these papers writes one name ("Mamba") in its title or abstract: none about it, all mention it. */
export function allWriteName(name: string, papers: { title: string; abstract: string }[]): boolean {
  const trimmed = name.trim();
  return /^[\p{L}][\p{L}\p{N}.+-]{2,}$/u.test(trimmed) && papers.length > 0 && papers.every((paper) => writesPhrase(`${paper.title} ${paper.abstract}`, trimmed));
}
