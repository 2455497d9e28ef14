import { words } from "../embed/tokens.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import type { Ranked } from "./fusion.ts";
import { SETTINGS } from "./settings.ts";
import type { ParsedQuestion } from "./question.ts";
import type { LibrarySnapshot } from "./snapshot.ts";

/**
 * The library paper a pasted passage is quoted from: a sentence or more of
 * its abstract, word for word (punctuation and case aside), making
 * most of the message ("… which other papers do that?" around it). Whoever
 * pastes a paper's own sentences asks about that paper, so the passage is
 * read as the paper, as a pasted title is, rather than as a bag of its words:
 * the sentences of one part of an abstract share few words with the papers
 * like it, the whole paper shares more. A verbatim passage ranks its source
 * first by words, so only the best few lexical matches are read.
 */
export async function passageSource(query: ParsedQuestion, lexical: Ranked[], snapshot: LibrarySnapshot): Promise<StoredPaper | undefined> {
  const { minWords, candidates, quotedShare } = SETTINGS.passage;
  // The runs are read off the message as written, stopwords and all: a quotation is its words in their order.
  const asked = words(query.text);
  if (asked.length < minWords) return undefined;
  const shingles = triples(asked);
  // Most chat questions this long are no quotation: a paper lacking most of their words is not read from the store.
  const stems = [...new Set(query.parts.main.filter((stem) => !stem.includes(" ")))];
  const holders = lexical.slice(0, candidates).filter((entry) => stems.filter((stem) => snapshot.text.contains(entry.doc, stem)).length >= quotedShare * stems.length);
  if (holders.length === 0) return undefined;
  const papers = await snapshot.papers(holders.map((entry) => entry.doc));
  let best: { paper: StoredPaper; share: number } | undefined;
  for (const paper of papers) {
    // The abstract's words only: a message quoting a title ("compare <a title> with SPANN") names that paper, which lookup finds.
    const held = new Set(triples(words(paper.abstract)));
    const quoted = shingles.filter((shingle) => held.has(shingle)).length;
    const share = quoted / shingles.length;
    // (At least as many runs as a quotation of `minWords` words has.)
    if (quoted >= minWords - 2 && share >= quotedShare && (!best || share > best.share)) best = { paper, share };
  }
  return best?.paper;
}

/** Each run of three words, as one string: shared runs show copied text where shared words need not. */
function triples(tokens: string[]): string[] {
  return tokens.slice(2).map((word, i) => `${tokens[i]} ${tokens[i + 1]} ${word}`);
}
