/**
 * Splits text into pieces of at most `limit` characters for platforms that
 * cap message or block length: at line breaks where possible, then at a
 * space, and only mid-word when a word is longer than the limit.
 */
export function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    current = line;
    while (current.length > limit) {
      const space = current.lastIndexOf(" ", limit);
      const cut = space > limit / 2 ? space : limit;
      pieces.push(current.slice(0, cut));
      current = current.slice(cut).trimStart();
    }
  }
  if (current.trim()) pieces.push(current);
  return pieces;
}
