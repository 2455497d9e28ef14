import type OpenAI from "openai";
import { z } from "zod";
import { readableAbstract, splitSentences } from "../papers/text.ts";
import { contentTerms } from "../embed/tokens.ts";
import type { LlmConfig } from "../config.ts";
import { fillTemplate } from "../prompt-templates.ts";
import type { Library } from "../library/library.ts";
import type { StoredPaper } from "../store/paper-store.ts";

const MAX_CHARS = 220;
const CONTRIBUTION = /\b(?:we (?:propose|present|introduce|develop|show|find|demonstrate)|this (?:paper|work)|our (?:method|approach|results?))\b/i;

/** Writes a digest item's one-line summary. */
export interface Summarizer {
  summarize(paper: StoredPaper): Promise<string>;
}

/**
 * The abstract's most informative sentence, not simply its first (which is
 * usually background): the one with the most library-rare words for its
 * length, preferring one that states the contribution.
 */
export class ExtractiveSummarizer implements Summarizer {
  readonly #library: Pick<Library, "idf">;

  /** Word rarity is asked of the library at each summary, so a long-running bot follows the library as it grows. */
  constructor(library: Pick<Library, "idf">) {
    this.#library = library;
  }

  async summarize(paper: StoredPaper): Promise<string> {
    const idf = await this.#library.idf();
    // The abstract's own "[2]" would read as a citation of ours in the digest.
    const sentences = splitSentences(readableAbstract(paper.abstract)).filter((sentence) => sentence.length >= 40);
    if (sentences.length === 0) return clip(paper.abstract || paper.title);
    const scored = sentences.map((sentence, index) => {
      const terms = [...new Set(contentTerms(sentence))];
      const information = terms.reduce((sum, term) => sum + idf(term), 0) / Math.sqrt(Math.max(terms.length, 1));
      const bonus = CONTRIBUTION.test(sentence) ? 1.5 : 0;
      const penalty = sentence.length > 350 ? 1 : 0;
      return { sentence, score: information + bonus - penalty - index * 0.05 };
    });
    return clip(scored.sort((a, b) => b.score - a.score)[0]!.sentence);
  }
}

const TldrOutput = z
  .string()
  .transform((text) => text.trim().replace(/^TL;DR:\s*/i, "").replace(/\s+/g, " "))
  .pipe(z.string().min(15, "too short").max(300, "too long"));

/** The language model's TL;DR, validated; any failure falls back to the extractive sentence. */
export class LlmSummarizer implements Summarizer {
  readonly #client: OpenAI;
  readonly #config: LlmConfig;
  readonly #fallback: Summarizer;

  constructor(client: OpenAI, config: LlmConfig, fallback: Summarizer) {
    this.#client = client;
    this.#config = config;
    this.#fallback = fallback;
  }

  async summarize(paper: StoredPaper): Promise<string> {
    try {
      const completion = await this.#client.chat.completions.create(
        {
          model: this.#config.model,
          temperature: 0.2,
          messages: [
            { role: "system", content: fillTemplate("tldr.system.md", {}) },
            { role: "user", content: fillTemplate("tldr.user.md", { title: paper.title, abstract: readableAbstract(paper.abstract).replace(/\s+/g, " ") }) },
          ],
        },
        { timeout: this.#config.timeoutMs },
      );
      const parsed = TldrOutput.safeParse(completion.choices[0]?.message.content ?? "");
      if (parsed.success) return clip(parsed.data);
    } catch {
      // The digest goes out regardless; the extractive line stands in.
    }
    return this.#fallback.summarize(paper);
  }
}

function clip(text: string): string {
  // Abstracts copied from LaTeX keep escapes such as "\%".
  const oneLine = text.replace(/\\([%&_$#{}])/g, "$1").replace(/\s+/g, " ").trim();
  if (oneLine.length <= MAX_CHARS) return oneLine;
  const cut = oneLine.lastIndexOf(" ", MAX_CHARS - 1);
  return `${oneLine.slice(0, cut > 100 ? cut : MAX_CHARS - 1)}…`;
}
