import { words } from "../embed/tokens.ts";
import { withApostrophes } from "../search/contractions.ts";
import type { Logger } from "pino";
import type { Library } from "../library/library.ts";
import { assistedSearch, type RetrievalAssist } from "../search/llm-assist.ts";
import type { SearchHit, SearchResult } from "../search/search-result.ts";
import type { PaperFilters, StoredPaper } from "../store/paper-store.ts";
import { SETTINGS } from "../search/settings.ts";
import { Conversations, type ListSource, type Turn } from "./conversations.ts";
import { coversInPart, extractiveReply, framingOf } from "./extractive.ts";
import { narrowing } from "./narrowing.ts";
import { withContrast } from "./paper-contrast.ts";
import { resolveFollowUp } from "./follow-up.ts";
import { nextPage } from "./next-page.ts";
import { namesOne, standaloneReference } from "./list-positions.ts";
import { asksGist } from "./thread-references.ts";
import { withUnwritten } from "./yes-no.ts";
import { detailReply, detailsReply, withCodeLinks, filteredReply, NO_CITATIONS, NO_VERDICT, orderedReply, withFirstFewNote, backReply } from "./list-replies.ts";
import { paperDetailReply, withMissingDetails } from "./detail-replies.ts";
import { sayingOnly } from "./thread-replies.ts";
import { notFoundReply, outsideFiltersReply } from "./not-found.ts";
import { noMatch, withExampleMiss, withTitleMiss } from "./lookup-miss.ts";
import { parseArxivId } from "../papers/arxiv-id.ts";
import { parseQuestion } from "../search/question.ts";
import type { Reply } from "./reply.ts";
import { similarReply } from "./similar-reply.ts";
import { smallTalkReply } from "./small-talk.ts";
import { asksLibrarySize, librarySizeReply } from "./library-size.ts";
import { asksHowMany, citedPapers, undatedOnTopicNote, withCount, withMoreNote, withUnavailableNote } from "./reply-notes.ts";

export type AskContext = {
  /** Platform-neutral thread reference; questions in one thread share context. */
  thread?: string;
  today?: Date;
  /** Called with the answer so far while a language model writes it. */
  onPartial?: (text: string) => void;
  logger?: Logger;
};

/** Writes an answer from evidence; the LLM implementation lives in llm-answer.ts. */
export interface EvidenceWriter {
  /** The same model's help with retrieval, when it gives any (src/search/llm-assist.ts). */
  readonly retrieval?: RetrievalAssist;
  write(question: string, evidence: StoredPaper[], context: AskContext & { history: string[] }): Promise<Reply | "cannot-answer">;
}

/**
 * The bot's answering core: a question in, a cited platform-neutral reply
 * out. Uses the thread's earlier turns for follow-ups, says honestly when
 * the library has nothing, and falls back from the language model to the
 * extractive answer whenever the model fails.
 */
export class Answerer {
  readonly #library: Library;
  readonly #writer: EvidenceWriter | undefined;
  readonly #assist: RetrievalAssist | undefined;
  readonly #conversations: Conversations;

  /** `assist`: a language model's help with retrieval (rewrite and grading), by default the writer's; used only together with a writer. */
  constructor(library: Library, options: { writer?: EvidenceWriter; assist?: RetrievalAssist; conversations?: Conversations } = {}) {
    this.#library = library;
    this.#writer = options.writer;
    this.#assist = options.writer ? (options.assist ?? options.writer.retrieval) : undefined;
    this.#conversations = options.conversations ?? new Conversations();
  }

  async ask(asked: string, context: AskContext = {}): Promise<Reply> {
    // "whats new on moe": read as "what's", as the frames and follow-ups are written.
    const question = withApostrophes(asked);
    const today = context.today ?? new Date();
    const turns = this.#conversations.turns(context.thread);
    const previous = turns.at(-1);
    // Small talk leaves the thread as it was: "thanks" then "2" still opens the second paper.
    const small = smallTalkReply(question, previous !== undefined && (previous.papers.length > 0 || previous.focus !== undefined));
    if (small) return small;
    if (asksLibrarySize(question)) return librarySizeReply(await this.#library.coverage({}));
    let followUp = resolveFollowUp(question, previous, today, turns);
    let widened: string | undefined; // what a narrowing that found none of the list says before the wider search
    const plain = followUp && sayingOnly(followUp);
    if (plain) return plain;
    if (followUp?.kind === "back" && followUp.turn) {
      // The earlier list is the thread's list again: "2" and "more" refer to it.
      return this.#remember(context, { ...followUp.turn, question }, backReply(followUp.turn));
    }
    if (followUp && previous) {
      // Each of these keeps the thread's list (and where it came from) unless it shows a new one.
      const keep = { topic: previous.topic, filters: previous.filters, papers: previous.papers, ...(previous.source && { source: previous.source }) };
      switch (followUp.kind) {
        case "order": {
          const reply = orderedReply(followUp.by, followUp.papers);
          const papers = citedPapers(reply, followUp.papers, previous.papers);
          // "which of those is the newest?", "whats the newest?" name one paper: "it" is that paper next ("what does it propose?").
          const one = namesOne(question) && reply.citations.length > 0;
          return this.#remember(context, { ...keep, question, papers, ...(one && papers[0] && { focus: papers[0] }) }, reply);
        }
        case "filter": {
          const reply = filteredReply(followUp.papers, followUp.filters);
          const source = previous.source && { ...previous.source, filters: { ...previous.source.filters, ...followUp.filters } };
          return this.#remember(context, { ...keep, question, papers: citedPapers(reply, followUp.papers, previous.papers), ...(source && { source }) }, reply);
        }
        case "narrow": {
          const narrowed = await narrowing(this.#library, followUp, previous, today);
          if ("reply" in narrowed) return this.#remember(context, { ...keep, question, papers: narrowed.papers ?? citedPapers(narrowed.reply, followUp.papers, previous.papers) }, narrowed.reply);
          widened = narrowed.widened;
          followUp = { kind: "refine", question: narrowed.wider };
          break;
        }
        case "pick": {
          // The model answers the question as asked ("what does the third one propose?"), about that paper alone; a bare "2" asks for its gist.
          const standalone = followUp.gist || standaloneReference(question) !== undefined;
          const of = followUp.asked ?? question;
          const asked = standalone ? `Tell me more about "${followUp.paper.title}".` : `${of} (about the paper "${followUp.paper.title}")`;
          // What was asked of it ("what are its results?") picks the sentences quoted; a bare "2" or "tell me about the
          // parallel thinking one" takes its gist (the words "parallel thinking" had picked its closing sentences).
          const cue = standalone || asksGist(question) ? undefined : await this.#library.sentenceCue(of);
          const written = await this.#write(asked, [{ paper: followUp.paper, score: 1, relevant: true }], detailReply(followUp.paper, cue), context, turns);
          // "who wrote it?" of a paper whose authors the library lacks: that is the answer, said first.
          const lacking = withMissingDetails(written, of, [followUp.paper]);
          const reply = standalone ? written : await withUnwritten(withCodeLinks(lacking, of, [followUp.paper]), of, followUp.paper, this.#library);
          return this.#remember(context, { ...keep, question, focus: followUp.paper }, reply);
        }
        case "compare":
        case "about": {
          const of = (followUp.kind === "about" && followUp.asked) || question;
          const asked = `${of} (about the papers ${followUp.papers.map((paper) => `"${paper.title}"`).join(" and ")})`;
          // "what are the results?" and "which is faster?" quote what answers them; "compare them" takes each one's gist.
          const cue = followUp.kind === "about" || !/^(?:compare|contrast)\b/i.test(question.trim()) ? await this.#library.sentenceCue(of) : undefined;
          const quoted = withFirstFewNote(detailsReply(followUp.papers, cue), followUp.papers.length, followUp.of);
          const details = followUp.kind === "compare" ? await withContrast(quoted, followUp.papers, this.#library) : quoted;
          // "which is better?" asks for a verdict the abstracts do not give: say so before what each reports.
          if (followUp.kind === "compare" && followUp.of !== undefined) details.notes.unshift(NO_VERDICT);
          const offline = followUp.kind === "about" ? withCodeLinks(withMissingDetails(details, of, followUp.papers), of, followUp.papers) : details;
          const reply = await this.#write(asked, followUp.papers.map((paper) => ({ paper, score: 1, relevant: true })), offline, context, turns);
          // "compare it with MARLIN": "it" is still the paper that was open ("papers like it" next).
          const kept = previous.focus && followUp.papers.some((paper) => paper.id === previous.focus!.id) ? { focus: previous.focus } : {};
          return this.#remember(context, { ...keep, question, ...kept, discussed: followUp.papers }, reply);
        }
        case "similar": {
          const reply = await this.similar(followUp.paper, { ...context, question }, followUp.filters);
          return followUp.citing ? { ...reply, notes: [NO_CITATIONS, ...reply.notes] } : reply;
        }
        case "more":
          return this.#more(question, previous, context, today);
      }
    }

    // An arXiv id or link names one paper or none: its words ("arxiv", "org", "abs") are no topic to search.
    if (!followUp && parseArxivId(question)) {
      const { match } = await this.#library.lookup(question);
      const reply: Reply = match ? detailReply(match) : { text: noMatch("", question), citations: [], found: false, closest: [], notes: [] };
      return this.#remember(context, { question, topic: "", filters: {}, papers: match ? [match] : (previous?.papers ?? []), ...(match && { focus: match }) }, reply);
    }
    // "what about imputation?" after "time series forecasting": "time series imputation", when papers write it so.
    const swapped = followUp?.kind === "refine" && followUp.swapped && (await this.#library.mentioning(parseQuestion(followUp.swapped, today))).count > 0 ? followUp.swapped : undefined;
    const refined = followUp?.kind === "refine" ? (swapped ?? followUp.question) : question;
    const first = await this.#search(refined, today, context, followUp?.kind === "refine" ? followUp.filters : undefined);
    // "what about agents?" that the last topic with agents does not surely cover asks for agents; so does one whose cited
    // papers leave agents out ("what about music" after speaker verification cited the speaker paper alone).
    const leftOut = (said: string) => first.result.verdict.missing.some((missing) => words(missing).every((word) => words(said).includes(word)));
    const otherwise = followUp?.kind === "refine" && followUp.otherwise && (first.result.verdict.decision !== "yes" || leftOut(followUp.otherwise)) ? followUp.otherwise : undefined;
    const searched = otherwise ?? refined;
    const { result, modelFailed } = otherwise ? await this.#search(otherwise, today, context) : first;
    const { topic, filters } = result.query;
    const said = (reply: Reply) => (result.unfoundTitle ? withTitleMiss(reply, result.unfoundTitle, result.unfoundClosest) : result.unfoundExample ? withExampleMiss(reply, result.unfoundExample) : reply);
    // Judged covered but with no paper left to cite (every one on the side a contrast rules out): not covered, said so.
    if (!result.relevant || !result.results.some((hit) => hit.relevant)) {
      const outside = topic ? await this.#outsideFilters(searched, today, result.query.shown, filters) : undefined;
      const unfound = outside?.reply ?? (await this.#notFound(result));
      // "how many papers mention Mamba?" that no paper is about: how many write it is still the answer.
      const reply = asksHowMany(searched) && !outside ? withCount(unfound, await this.#library.mentioning(result.query), result.query.shown, filters) : unfound;
      // The closest papers it lists are the thread's list: "2" opens the second.
      const shown = (outside?.hits ?? result.results).map((hit) => hit.paper);
      const listed = reply.closest.flatMap((citation) => shown.filter((paper) => paper.id === citation.id));
      // With no closest papers to number, the list the thread showed before is still the one "2" refers to.
      const kept = listed.length === 0 && previous ? { papers: previous.papers, ...(previous.source && { source: previous.source }) } : { papers: listed, closest: true as const };
      return this.#remember(context, { question, topic, filters, ...kept }, said(reply));
    }
    // "who wrote FlashAttention-2?": that paper's authors (or what the library lacks), not papers like it.
    if (result.query.detail && result.named) {
      const cue = await this.#library.sentenceCue(topic, question);
      // "what does NoProp do instead of backprop?": the sentence on what it does, not the one on what it replaces.
      for (const stem of result.query.parts.contrast) cue.terms.delete(stem);
      const detailed = paperDetailReply(result.named, result.query.detail, cue);
      // "what datasets does TALL-masks use?" of an abstract naming none says so first, as of a paper opened from a list.
      const reply = result.query.detail === "content" ? await withUnwritten(detailed, question, result.named, this.#library) : detailed;
      return this.#remember(context, { question, topic, filters, papers: [result.named], focus: result.named }, reply);
    }
    const hits = result.results.filter((hit) => hit.relevant);
    const cue = await this.#library.sentenceCue(result.example ? `${result.example.title} ${topic}` : topic, question);
    // "difference between DistServe and Nexus": what sets the two apart in their own words first, as for "compare 1 and 2".
    const quoted = extractiveReply(result.query.shown, hits, cue, framingOf(result));
    const extractive = result.compared ? await withContrast(quoted, result.compared, this.#library, { afterLead: true }) : quoted;
    // The model already failed on this question: answer offline at once rather than wait for it again.
    // A list by date or upvotes has nothing for a model to write: it is the answer as it stands.
    const reply = result.query.listing
      ? extractive
      : modelFailed
      ? withUnavailableNote(extractive)
      : await this.#write(searched, hits, extractive, context, turns, () => this.#notFound(result));
    const shown = hits.map((hit) => hit.paper);
    const papers = citedPapers(reply, shown, shown);
    // "more" after "anything older?" pages on within the dates it added.
    const added = followUp?.kind === "refine" ? followUp.filters : undefined;
    const source: ListSource = { question: searched, seen: papers.map((paper) => paper.id), ...(result.example && { example: result.example.id }), ...(added && { filters: added }) };
    const hedged: Reply = reply.found && coversInPart(result) ? { ...reply, partial: true } : reply;
    const undated = topic && (filters.from || filters.to) ? await this.#undatedOnTopic(searched, today) : 0;
    const noted: Reply = undated > 0 ? { ...hedged, notes: [...hedged.notes, undatedOnTopicNote(undated)] } : hedged;
    const dated = asksHowMany(searched) ? withCount(noted, await this.#library.mentioning(result.query), result.query.shown, filters) : noted;
    // "what is FLUTE?" answers with FLUTE first: "it" is FLUTE next ("how does it work?"), whatever else is listed.
    // "compare it with MARLIN" (the paper in view against another): "it" stays that paper.
    const kept = result.compared && previous?.focus && result.compared.some((paper) => paper.id === previous.focus!.id) ? previous.focus : undefined;
    const focus = result.named && papers.some((paper) => paper.id === result.named!.id) ? { focus: result.named } : kept ? { focus: kept } : {};
    const answered = said(withMoreNote(dated, result));
    return this.#remember(context, { question, topic, filters, papers, source, ...focus }, widened ? { ...answered, text: `${widened}\n\n${answered.text}` } : answered);
  }

  /** How many papers on a dated question's topic the library has no date for: a date filter can neither keep nor rule them out. */
  async #undatedOnTopic(question: string, today: Date): Promise<number> {
    return (await this.#library.search(question, { today, filters: { from: undefined, to: undefined } })).results.filter((hit) => hit.relevant && !hit.paper.publishedAt).length;
  }

  /**
   * Papers like one the thread listed (or one looked up by name): a
   * numbered list that "2", "more" and the other follow-ups then refer to.
   * `question` is what was asked, for the thread's record.
   */
  async similar(paper: StoredPaper, context: AskContext & { question?: string } = {}, filters: PaperFilters = {}): Promise<Reply> {
    const question = `papers similar to ${paper.title}`;
    const { reply, papers } = similarReply(paper, await this.#library.search(question, { today: context.today ?? new Date(), example: paper, filters }), filters);
    const source: ListSource = { question, example: paper.id, seen: papers.map((listed) => listed.id) };
    // After "papers like X", "it" is still X ("anything that cites it?").
    return this.#remember(context, { question: context.question ?? question, topic: paper.title, filters: {}, papers, source, focus: paper }, reply);
  }

  /** The numbered list the thread shows now, for a command that names a paper by its number ("/similar 2"). */
  listed(thread: string | undefined): StoredPaper[] {
    return this.#conversations.turns(thread).at(-1)?.papers ?? [];
  }

  /**
   * Papers shown in the thread outside an answer: a choice of candidates for a name (`paper` with no `focus`), or one
   * paper's card (`focus`, shown alone or picked from `papers`). "2", "compare 1 and 3" then refer to the list, and
   * "papers like it", "what does it propose?" to the paper opened.
   */
  shown(thread: string | undefined, asked: string, papers: StoredPaper[], focus?: StoredPaper): void {
    this.#conversations.add(thread, { question: asked, topic: focus?.title ?? asked, filters: {}, papers, answer: "", ...(focus && { focus }) });
  }

  /** "More": the next page of the search the thread's list came from, numbered on from the list's end. */
  async #more(question: string, previous: Turn, context: AskContext, today: Date): Promise<Reply> {
    const next = await nextPage(this.#library, previous, today);
    return next.turn ? this.#remember(context, { question, ...next.turn }, next.reply) : next.reply;
  }

  /** Search, with the language model's rewrite and grades when it is configured; `filters`: dates a follow-up adds ("anything older?"). */
  async #search(question: string, today: Date, context: AskContext, filters?: PaperFilters): Promise<{ result: SearchResult; modelFailed: boolean }> {
    const options = { today, ...(filters && { filters }) };
    if (!this.#assist) return { result: await this.#library.search(question, options), modelFailed: false };
    return assistedSearch((text, options) => this.#library.search(text, options), this.#assist, question, options, context.logger);
  }

  /** "Nothing in the library covers that", with what was searched and the closest papers. */
  async #notFound(result: SearchResult): Promise<Reply> {
    const { shown, filters } = result.query;
    const library = shown.trim() || (!filters.from && !filters.to) ? undefined : await this.#library.coverage({});
    const near = result.verdict.probability >= SETTINGS.relevance.nearAbove && result.verdict.unknown.length === 0;
    return notFoundReply(shown, filters, await this.#library.coverage(filters), result.results, { unknown: result.verdict.unknown, library, near, untitled: (result.unfoundTitle ?? result.unfoundExample) !== undefined });
  }

  /** When a constrained question finds nothing, whether the topic is covered outside the constraint: the reply, and the papers it drew on. */
  async #outsideFilters(question: string, today: Date, topic: string, filters: PaperFilters): Promise<{ reply: Reply; hits: SearchHit[] } | undefined> {
    if (!filters.from && !filters.to && filters.minUpvotes === undefined) return undefined;
    // The newest papers on the topic, not the newest of its best few: what is nearest to the dates asked.
    const unconstrained = await this.#library.search(question, { today, filters: { from: undefined, to: undefined, minUpvotes: undefined }, order: "newest" });
    const onTopic = unconstrained.results.filter((hit) => hit.relevant);
    return unconstrained.verdict.decision === "yes" && onTopic.length > 0 ? { reply: outsideFiltersReply(topic, filters, onTopic), hits: onTopic } : undefined;
  }

  /** The language model's answer when one is configured and works; the extractive one otherwise. */
  async #write(question: string, hits: SearchHit[], extractive: Reply, context: AskContext, turns: Turn[], cannotAnswer?: () => Promise<Reply>): Promise<Reply> {
    if (!this.#writer) return extractive;
    const history = turns.flatMap((turn) => [`User: ${turn.question}`, `Assistant: ${turn.answer}`]);
    try {
      const written = await this.#writer.write(question, hits.map((hit) => hit.paper), { ...context, history });
      if (written !== "cannot-answer") return written;
      return cannotAnswer ? await cannotAnswer() : extractive;
    } catch (error) {
      context.logger?.warn({ err: error }, "language model failed; answering from the abstracts");
      return withUnavailableNote(extractive);
    }
  }

  #remember(context: AskContext, turn: Omit<Turn, "answer">, reply: Reply): Reply {
    this.#conversations.add(context.thread, { ...turn, answer: reply.text });
    return reply;
  }
}

