import { Answerer } from "../../src/answer/answerer.ts";
import type { Embedder } from "../../src/embed/embedder.ts";
import { Library } from "../../src/library/library.ts";
import { PaperLookup } from "../../src/search/lookup.ts";
import type { StoredPaper } from "../../src/store/paper-store.ts";
import { loadLookups, loadQuestions, titleResolver, type LabelledLookup, type LabelledQuestion } from "./dataset.ts";
import { bm25Query, ensureTextIndexes } from "../lance-bm25.ts";
import { buildEvalLibrary } from "./library.ts";
import { mean, ndcg, recall, reciprocalRank } from "./metrics.ts";

export type Scored = { question: LabelledQuestion; ranked: string[]; relevant: boolean };
export type RetrievalRow = { group: string; n: number; ndcg: number; recall: number; mrr: number; bm25: { ndcg: number; recall: number; mrr: number } };
export type LookupOutcome = { entry: LabelledLookup; correct: boolean; got: string };
export type AnswerOutcome = { question: LabelledQuestion; found: boolean; cited: string[] };
export type EvalReport = { papers: number; embedder: string; retrieval: RetrievalRow[]; ours: Scored[]; lookups: LookupOutcome[]; answers: AnswerOutcome[] };

/** The question groups reported, in order. */
const GROUPS: [string, (question: LabelledQuestion) => boolean][] = [
  ["keyword", (q) => q.kind === "keyword"],
  ["paraphrase", (q) => q.kind === "paraphrase"],
  ["  tuned on", (q) => q.kind === "paraphrase" && !q.heldOut],
  ["  held out", (q) => q.kind === "paraphrase" && q.heldOut],
  ["constraint", (q) => q.kind === "constraint"],
  ["all", (q) => q.kind !== "absent"],
];

/** Builds the eval library, runs every labelled question and lookup, and scores them. */
export async function runEval(embedder: Embedder): Promise<EvalReport> {
  const built = await buildEvalLibrary(embedder);
  try {
    const papers = await built.store.list();
    const { now, questions } = await loadQuestions(papers);
    const library = new Library(built.store, embedder);
    await ensureTextIndexes(built.store.table!);
    const ours: Scored[] = [];
    const bm25: Scored[] = [];
    for (const question of questions) {
      const result = await library.search(question.question, { k: 10, today: now });
      ours.push({ question, ranked: result.results.map((hit) => hit.paper.id), relevant: result.relevant });
      // Plain BM25: the raw question, title and abstract weighted alike, no filters.
      const rows = await built.store.table!.query().fullTextSearch(bm25Query(question.question)).select(["id", "_score"]).limit(10).toArray();
      bm25.push({ question, ranked: rows.map((row) => row.id as string), relevant: rows.length > 0 });
    }
    const answerer = new Answerer(library);
    const answers: AnswerOutcome[] = [];
    for (const question of questions) {
      const reply = await answerer.ask(question.question, { today: now });
      answers.push({ question, found: reply.found, cited: reply.citations.map((citation) => citation.id) });
    }
    return { papers: papers.length, embedder: embedder.id, retrieval: retrievalRows(ours, bm25), ours, lookups: await scoreLookups(await loadLookups(), papers), answers };
  } finally {
    await built.dispose();
  }
}

function retrievalRows(ours: Scored[], baseline: Scored[]): RetrievalRow[] {
  return GROUPS.map(([group, belongs]) => {
    const pick = (scored: Scored[]) => scored.filter((entry) => belongs(entry.question));
    const metric = (scored: Scored[], fn: (ranked: string[], grades: Map<string, number>) => number) => mean(pick(scored).map((entry) => fn(entry.ranked, entry.question.relevant)));
    return {
      group,
      n: pick(ours).length,
      ndcg: metric(ours, ndcg),
      recall: metric(ours, recall),
      mrr: metric(ours, reciprocalRank),
      bm25: { ndcg: metric(baseline, ndcg), recall: metric(baseline, recall), mrr: metric(baseline, reciprocalRank) },
    };
  });
}

async function scoreLookups(lookups: LabelledLookup[], papers: StoredPaper[]): Promise<LookupOutcome[]> {
  const lookup = PaperLookup.over(papers);
  const resolve = titleResolver(papers);
  const outcomes: LookupOutcome[] = [];
  for (const entry of lookups) {
    const found = await lookup.find(entry.query);
    let correct: boolean;
    if (entry.expect === null) correct = found.match === null;
    else if (Array.isArray(entry.expect)) correct = found.match === null && entry.expect.every((title) => found.alternatives.some((paper) => paper.id === resolve(title)));
    else correct = found.match?.id === resolve(entry.expect);
    const got = found.match ? found.match.title : found.alternatives.length > 0 ? `ask: ${found.alternatives.map((paper) => paper.title.slice(0, 30)).join(" / ")}` : "no match";
    outcomes.push({ entry, correct, got });
  }
  return outcomes;
}

/** Answer quality: how many citations point to relevant papers, and how many answers cite a squarely relevant one. */
export function answerSummary(answers: AnswerOutcome[]) {
  const answerable = answers.filter((answer) => answer.question.kind !== "absent");
  const absent = answers.filter((answer) => answer.question.kind === "absent");
  const citations = answerable.flatMap((answer) => answer.cited.map((id) => answer.question.relevant.get(id) ?? 0));
  const citingSquarely = answerable.filter((answer) => answer.cited.some((id) => answer.question.relevant.get(id) === 2));
  return {
    citations: citations.length,
    relevantCitationShare: citations.filter((grade) => grade >= 1).length / Math.max(citations.length, 1),
    squareCitationShare: citations.filter((grade) => grade === 2).length / Math.max(citations.length, 1),
    answerable: answerable.length,
    citingSquarely: citingSquarely.length,
    absent: absent.length,
    absentNotFound: absent.filter((answer) => !answer.found).length,
    missed: answerable.filter((answer) => !citingSquarely.includes(answer)).map((answer) => answer.question.question),
  };
}
