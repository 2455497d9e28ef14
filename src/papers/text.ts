/**
 * Text as one line: APIs wrap titles and abstracts at fixed width with runs
 * of spaces, and prompts keep each paper to one paragraph.
 */
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

export function neutralizeReferenceMarkers(text: string): string {
  return text.replace(REFERENCE_MARKER, "");
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /\b(?:e\.g|i\.e|et al|etc|vs|cf|fig|eq|approx|resp|Fig|Eq)\.$/;

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
