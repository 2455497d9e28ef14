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
