import type { Embedder } from "./embedder.ts";
import { l2Normalize } from "./embedder.ts";
import { hashTerms } from "./local-hashing.ts";
import { termsOf, words } from "./tokens.ts";
import { loadWordVectors } from "./word-vectors/cache.ts";
import { SifEncoder } from "./word-vectors/sif.ts";

/** Share of the similarity that comes from shared words; the rest comes from word meanings. */
const LEXICAL_SHARE = 0.4;
/**
 * Hashed buckets for the shared-words half. 512 ranked as well as 1,024 on
 * the tuned halves of `npm run eval` (set1 0.718 vs 0.704, CSFCube 0.481 vs
 * 0.474; 256 lost answer citations) and halves the vectors' disk and the
 * vector index's build time, which grows with the dimensions.
 */
const LEXICAL_DIMS = 512;

/**
 * The offline default: a hashed bag of stemmed words and word pairs (exact
 * vocabulary overlap) joined with an average of pre-trained word vectors
 * (related words: "closest" is near "nearest"). Both halves are unit
 * vectors, weighted so that cosine similarity is the weighted sum of theirs;
 * the 0.4/0.6 split was chosen on `npm run eval`.
 */
export class LocalEmbedder implements Embedder {
  readonly id = "local-v3";
  readonly dims: number;
  readonly #sif: SifEncoder;

  private constructor(sif: SifEncoder) {
    this.#sif = sif;
    this.dims = LEXICAL_DIMS + sif.dims;
  }

  static async create(cacheDir?: string): Promise<LocalEmbedder> {
    return new LocalEmbedder(new SifEncoder(await loadWordVectors(cacheDir)));
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.#embed(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.#embed(text);
  }

  #embed(text: string): number[] {
    // Split once: the shared-words half and the meaning half read the same words.
    const titleEnd = text.indexOf("\n\n");
    const title = titleEnd < 0 ? undefined : words(text.slice(0, titleEnd));
    const all = title ? [...title, ...words(text.slice(titleEnd))] : words(text);
    const lexical = hashTerms(termsOf(all), LEXICAL_DIMS).map((value) => value * Math.sqrt(LEXICAL_SHARE));
    const semantic = l2Normalize(this.#sif.removeCommon(this.#meaning(all, title))).map((value) => value * Math.sqrt(1 - LEXICAL_SHARE));
    return l2Normalize([...lexical, ...semantic]);
  }

  /** A paper's title says what it is about more densely than its abstract, so it counts twice. */
  #meaning(all: string[], title: string[] | undefined): number[] {
    const whole = this.#sif.encodeWords(all);
    if (!title) return whole;
    const titleMeaning = this.#sif.encodeWords(title);
    return whole.map((value, i) => value + titleMeaning[i]!);
  }
}
