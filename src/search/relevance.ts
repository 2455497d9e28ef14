import { words } from "../embed/tokens.ts";
import type { WordVectors } from "../embed/word-vectors/word-vectors.ts";
import { abbreviates } from "./acronyms.ts";
import { longFormHolds, withLongForms } from "./held-terms.ts";
import { isQuestionStopword } from "./query-stopwords.ts";
import { questionPhrases } from "./query-terms.ts";
import { headLeftOut, missingIn } from "./left-out.ts";
import type { ParsedQuestion } from "./question.ts";
import { describedAbsent, probabilityOf } from "./relevance-model.ts";
import type { ListShape, RelevanceSignals } from "./relevance-signals.ts";
import { SETTINGS } from "./settings.ts";
import type { LibrarySnapshot } from "./snapshot.ts";
import { dominance, heldAsPhrase, isBackground, namedApart, namesRarest, titlePinned, titleWrites } from "./topic-evidence.ts";
import { searchStem, stemSet, withForms } from "./stem.ts";
import { leastSpecificity, specificity } from "./word-specificity.ts";

export type RelevanceVerdict = {
  /** "yes": answer; "unsure": answer, saying the match is partial; "no": nothing in the library covers it. */
  decision: "yes" | "unsure" | "no";
  probability: number;
  signals: RelevanceSignals;
  /** The topic words the best papers do not account for, rarest first. */
  unmatched: string[];
  /** The part of the question none of the cited papers holds (RelevanceJudge.missingIn); search fills it in once it has chosen them. */
  missing: string[];
  /** Specialised words of the topic no paper in the library uses ("federated", "watermarking"), as the question wrote them. */
  unknown: string[];
};

/**
 * Decides whether the best papers are about the question, so the bot can
 * say "nothing in the library covers that" instead of citing near misses.
 * Signals computed from the library itself (words it has never seen, how
 * far the best match leans on a single word, whether the best papers' titles
 * name the topic) are mapped to a probability by a logistic model fitted on
 * the tuned halves of the development sets; two thresholds split it into
 * yes, unsure and no. The other signals stay in the verdict for diagnosis.
 */
export class RelevanceJudge {
  readonly #vectors: WordVectors;

  constructor(vectors: WordVectors) {
    this.#vectors = vectors;
  }

  judge(question: ParsedQuestion, top: number[], snapshot: LibrarySnapshot, lists: ListShape): RelevanceVerdict {
    const signals = this.signals(question, top, snapshot, lists);
    const { weights, bias, answerAbove, unsureAbove } = SETTINGS.relevance;
    const probability = probabilityOf(signals, weights, bias);
    const words = this.#questionWords(question);
    const holds = longFormHolds(snapshot, question.topic);
    // One of the best papers' titles naming every word of the topic settles it, however tersely asked ("grokking").
    // So does one whose title holds the topic's rarest word, a name few papers write, and whose abstract holds the rest
    // ("matryoshka embeddings": Matryoshka Representation Learning). So does the best paper's title holding every word of it
    // that is not everyday English ("VLMs reading charts": "… of VLMs for Chart Understanding"). Tuned halves: unchanged.
    const named = signals.titleNamed >= 0.99 || (signals.coverage >= 0.99 && namesRarest(question, top.slice(0, 1), snapshot)) || this.#titleNamesSpecialised(words, holds, top[0], snapshot);
    // "which papers use optimal transport": a best paper writing the topic as a phrase is at least a partial match,
    // however little the titles say (no development question, answerable or absent, changes with this).
    const phrased = probability < unsureAbove && heldAsPhrase(question, top.slice(0, SETTINGS.relevance.evidencePapers), snapshot);
    // "tinyml": a topic of one word English does not know, which the best paper writes, is the field's own term for it.
    const coined = probability < unsureAbove && this.#coinedTerm(question, top[0], snapshot);
    // A word after a number is its unit ("a few hundred KB of memory"), not a part of the topic the library lacks.
    const units = new Set([...question.topic.matchAll(/(?:\d|\b(?:hundred|thousand|million|billion))\s*([a-z]+)/gi)].map((match) => match[1]!.toLowerCase()));
    // ("browse" is used as "browser", which stems apart.)
    // ("restyling" is styling again, which papers write: "re-" says again, unlike "un-" of "unlearning".)
    const unused = (word: string) => [word, `${word}r`, `${word}er`, ...(/^re[a-z]{4,}/.test(word) ? [word.slice(2)] : [])].every((form) => snapshot.text.documentFrequency(searchStem(form)) === 0);
    // Named in the answer only as specialised as its most common form, its stem's included (the model weighs the word
    // as written, as it was fitted).
    const unknown = words.filter((word) => !units.has(word) && unused(word) && !titleWrites(word, top[0], snapshot) && Math.min(leastSpecificity(this.#vectors, word), specificity(this.#vectors, searchStem(word))) >= SETTINGS.relevance.unknownNoted);
    // "quantum machine learning or quantum neural networks": a topic whose every word outside the library's background
    // phrases ("machine learning", "neural networks") no paper uses is absent, whatever those phrases match.
    const background = new Set(questionPhrases(question.topic, { adjacent: true }).filter((phrase) => isBackground(phrase.term, snapshot.text)).flatMap((phrase) => phrase.words.split(" ")));
    const foreground = words.filter((word) => !background.has(word));
    const onlyUnknown = foreground.length > 0 && foreground.every((word) => snapshot.text.documentFrequency(searchStem(word)) === 0);
    // "federated learning: training one shared model across …": a topic named first by a word no paper uses is absent,
    // however much of the description after it other papers match; so is one named by words the papers use, but
    // never together ("automatic speech recognition: …", "knowledge tracing - …").
    // So is one whose first words qualify it by such a word ("federated learning where hospitals …"): a kind of the
    // thing the library lacks. Not an unknown last word, which may be the asker's own name for it ("software helpers that
    // click around websites" for web agents). (Tuned halves: absent topics caught 304 -> 314 of 461, answerable refused
    // 57 -> 58 of 3,101; held out once: 263 -> 267 of 418, 52 -> 53 of 3,100.)
    const lead = question.lead?.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean) ?? [];
    const heading = new Set([...(question.heading?.toLowerCase().split(/[^\p{L}\p{N}]+/u) ?? []), ...lead.slice(0, -1)]);
    // …unless the best paper holds every word of that heading ("explaining GNN predictions - which subgraph …": TempME).
    const headingHeld = question.heading !== undefined && top[0] !== undefined && this.#holdsAll(question.heading, top[0], snapshot);
    const namedAbsent = onlyUnknown || unknown.some((word) => heading.has(word)) || (question.heading !== undefined && !headingHeld && namedApart(question.heading, snapshot));
    // "weather forecasting with graph neural networks" over papers on graphs alone: the library lacks it in that setting.
    const evidence = top.slice(0, SETTINGS.relevance.evidencePapers);
    const headAbsent = headLeftOut(question, (word) => evidence.some((doc) => holds(searchStem(word), (term) => snapshot.text.contains(doc, term))), snapshot, top[0], this.#vectors) !== undefined;
    const decision = top.length === 0 || namedAbsent || (!named && (headAbsent || (describedAbsent(signals) && !titlePinned(words, top[0], snapshot)))) ? "no" : probability >= answerAbove || named ? "yes" : probability >= unsureAbove || phrased || coined ? "unsure" : "no";
    // `missing` is said of the papers an answer cites, which are chosen after this verdict (see missingIn).
    return { decision, probability, signals, unmatched: this.#unmatched(question, words, top, snapshot), missing: [], unknown };
  }

  signals(question: ParsedQuestion, top: number[], snapshot: LibrarySnapshot, lists: ListShape): RelevanceSignals {
    const index = snapshot.text;
    const vectorTop = lists.vector[0]?.score ?? 0;
    const shape = {
      vector: vectorTop,
      vectorGap: vectorTop - (lists.vector.at(-1)?.score ?? vectorTop),
      lexicalGap: lists.lexical.length > 0 ? 1 - (lists.lexical[Math.min(9, lists.lexical.length - 1)]!.score / lists.lexical[0]!.score) : 0,
      agreement: lists.lexical.slice(0, 10).filter((entry) => lists.vector.slice(0, 10).some((other) => other.doc === entry.doc)).length / 10,
      dominance: lists.lexical.length > 0 ? dominance(question, lists.lexical[0]!.doc, snapshot) : 1,
    };
    const wordiness = Math.min(1, Math.log(Math.max(1, words(question.topic).length)) / Math.log(SETTINGS.relevance.wordyAt));
    const main = question.parts.main.filter((stem) => !stem.includes(" "));
    const idf = (stem: string) => index.idf(stem);
    const holds = longFormHolds(snapshot, question.topic);
    const total = main.reduce((sum, stem) => sum + idf(stem), 0);
    if (total === 0 || top.length === 0) return { coverage: 0, missingSpecific: 0, unknownSpecific: 0, titleCoverage: 0, titleSpecific: 0, titleNamed: 0, wordiness, ...shape };
    const evidence = top.slice(0, SETTINGS.relevance.evidencePapers);
    const mainWords = this.#questionWords(question);
    const specialised = new Map<string, number>();
    for (const word of mainWords) specialised.set(searchStem(word), Math.max(specialised.get(searchStem(word)) ?? 0, specificity(this.#vectors, word)));
    const { titleEverydayWeight } = SETTINGS.relevance;
    const specific = (stem: string) => idf(stem) * (titleEverydayWeight + (1 - titleEverydayWeight) * (specialised.get(stem) ?? 1));
    // Each best paper's title stems, acronyms' long forms among them, read once for both title signals; a title's
    // "Molecular" names the "molecules" asked for (development sets: answerable questions refused 51 -> 49 of 3,594).
    const titles = new Map(evidence.map((doc) => [doc, withForms(withLongForms(stemSet(snapshot.docs.titles.at(doc)), snapshot))]));
    const inTitle = (weigh: (stem: string) => number) => {
      const all = main.reduce((sum, stem) => sum + weigh(stem), 0);
      return (doc: number) => {
        const stems = titles.get(doc)!;
        return main.filter((stem) => holds(stem, (term) => stems.has(term))).reduce((sum, stem) => sum + weigh(stem), 0) / all;
      };
    };
    const byIdf = inTitle(idf);
    const bySpecific = inTitle(specific);
    const held = evidence.map(byIdf);
    // Discounted by rank: the best paper's title says most, but one odd paper ranked first should not sink a covered topic.
    const titleCoverage = Math.max(...held.map((share, i) => share / (i + 1)));
    const titleSpecific = Math.max(...evidence.map((doc, i) => bySpecific(doc) / (i + 1)));
    const titleNamed = Math.max(...held);
    let coverage = 0;
    for (const doc of evidence) coverage = Math.max(coverage, main.filter((stem) => holds(stem, (term) => index.contains(doc, term))).reduce((sum, stem) => sum + idf(stem), 0) / total);

    // Words of an aside count half: "(machine unlearning)" names the topic, "(SAE)" only abbreviates it.
    const asides = this.#asideWords(question);
    const mass = (weigh: (word: string) => number) => mainWords.reduce((sum, word) => sum + weigh(word), 0) + 0.5 * asides.reduce((sum, word) => sum + weigh(word), 0);
    const missing = (word: string) => (evidence.some((doc) => holds(searchStem(word), (term) => index.contains(doc, term))) ? 0 : idf(searchStem(word)) * specificity(this.#vectors, word));
    const unknown = (word: string) => (index.documentFrequency(searchStem(word)) === 0 ? missing(word) : 0);
    const denominator = total + 0.5 * asides.reduce((sum, word) => sum + idf(searchStem(word)), 0);
    return { coverage, missingSpecific: Math.min(1, mass(missing) / denominator), unknownSpecific: Math.min(1, mass(unknown) / denominator), titleCoverage, titleSpecific, titleNamed, wordiness, ...shape };
  }

  /**
   * Whether `doc`'s title holds every one of the topic's `words` that is not everyday English, two or more of them:
   * "On the Perception Bottleneck of VLMs for Chart Understanding" for "VLMs reading charts" ("reading" is the asker's).
   */
  #titleNamesSpecialised(words: string[], holds: ReturnType<typeof longFormHolds>, doc: number | undefined, snapshot: LibrarySnapshot): boolean {
    const specialised = words.filter((word) => specificity(this.#vectors, word) >= SETTINGS.relevance.titleNamesAbove);
    if (doc === undefined || specialised.length < 2) return false;
    const title = withForms(withLongForms(stemSet(snapshot.docs.titles.at(doc)), snapshot));
    return specialised.every((word) => holds(searchStem(word), (term) => title.has(term)));
  }

  /** What of the question none of `docs` (the papers an answer cites) holds, as the question wrote it (left-out.ts). */
  missingIn(question: ParsedQuestion, docs: number[], snapshot: LibrarySnapshot): string[] {
    return missingIn(question, docs, snapshot, this.#vectors);
  }

  /** Whether `doc` holds every word of `text` but stopwords, an acronym by its long form. */
  #holdsAll(text: string, doc: number, snapshot: LibrarySnapshot): boolean {
    const holds = longFormHolds(snapshot, text);
    return words(text).filter((word) => !isQuestionStopword(word)).every((word) => holds(searchStem(word), (term) => snapshot.text.contains(doc, term)));
  }

  /** The topic's words as written (not stemmed), main part only. */
  #questionWords(question: ParsedQuestion): string[] {
    const main = new Set(question.parts.main);
    return [...new Set(words(question.topic))].filter((word) => !isQuestionStopword(word) && !/\d/.test(word) && main.has(searchStem(word)));
  }

  /** Words of the asides, leaving out acronyms of the main words ("sparse autoencoder (SAE)"). */
  #asideWords(question: ParsedQuestion): string[] {
    const main = words(question.topic.replace(/\([^)]*\)?/g, " "));
    const initials = main.map((word) => word[0]).join("");
    const aside = new Set(question.parts.aside);
    return [...new Set(words(question.topic))].filter((word) => {
      if (isQuestionStopword(word) || /\d/.test(word) || !aside.has(searchStem(word))) return false;
      const letters = word.replace(/s$/, "");
      return !(letters.length >= 2 && letters.length <= 6 && (initials.includes(letters) || abbreviates(letters, main.join(" "))));
    });
  }

  /** Whether the topic is one word general English does not know and `doc` writes. */
  #coinedTerm(question: ParsedQuestion, doc: number | undefined, snapshot: LibrarySnapshot): boolean {
    const [word, ...rest] = this.#questionWords(question);
    return word !== undefined && rest.length === 0 && question.parts.main.length === 1 && doc !== undefined && this.#vectors.row(word) === undefined && snapshot.text.contains(doc, searchStem(word));
  }

  /** The question's words (#questionWords) the best papers do not account for, rarest first. */
  #unmatched(question: ParsedQuestion, words: string[], top: number[], snapshot: LibrarySnapshot): string[] {
    const evidence = top.slice(0, SETTINGS.relevance.evidencePapers);
    const holds = longFormHolds(snapshot, question.topic);
    return words
      .filter((word) => !evidence.some((doc) => holds(searchStem(word), (term) => snapshot.text.contains(doc, term))))
      .sort((a, b) => snapshot.text.idf(searchStem(b)) - snapshot.text.idf(searchStem(a)));
  }
}

/** "Papers like X" found X: whatever ranks is like it, so the judgement is only whether anything ranked. */
export function exampleVerdict(found: boolean): RelevanceVerdict {
  const signals = { coverage: 1, missingSpecific: 0, unknownSpecific: 0, vector: 1, vectorGap: 1, lexicalGap: 1, agreement: 1, dominance: 0, titleCoverage: 1, titleSpecific: 1, titleNamed: 1, wordiness: 0 };
  return { decision: found ? "yes" : "no", probability: found ? 1 : 0, signals, unmatched: [], missing: [], unknown: [] };
}
