/**
 * CSFCube ("papers similar to this one", expert-graded) as the shared
 * runner scores it: each query's facet text searched over the 4,188
 * abstracts, the query paper removed, nDCG@10 with the adjudicated grades
 * (0..3) as gains, beside plain BM25 (no stopwords) from the same run.
 * Only the development half (even positions by query id) is ours to tune
 * on; the other half is looked at once, to check.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Library } from "../../src/library/library.ts";
import { type Half, halfOf } from "./shared-set.ts";
import { mean } from "./metrics.ts";
import { ReferenceBm25 } from "./reference-bm25.ts";

type Query = { qid: string; facet: string; query_title: string; text: string; rels: Record<string, number> };
export type CsfcubeOutcome = { qid: string; facet: string; half: Half; ndcg: number; bm25Ndcg: number; relevant: boolean };

export const csfcubeCorpusPath = (sharedDir: string) => join(sharedDir, "csfcube", "csfcube-corpus.jsonl");
export const hasCsfcube = (sharedDir: string) => existsSync(csfcubeCorpusPath(sharedDir));

const norm = (title: string) => (title.toLowerCase().match(/[a-z0-9]+/g) ?? []).join(" ");

export type CsfcubeForm = "facet" | "title" | "similar";

/**
 * `form`: "facet" searches the query's facet sentences and "title" the query
 * paper's title, as the shared runner does; "similar" asks "papers similar
 * to <the query paper's title>", which finds the paper by lookup and
 * searches by its title and abstract.
 */
export async function runCsfcube(sharedDir: string, library: Library, halves: Half[], form: CsfcubeForm = "facet"): Promise<CsfcubeOutcome[]> {
  const dir = join(sharedDir, "csfcube");
  const corpus: { title: string; abstract: string }[] = (await readFile(join(dir, "csfcube-corpus.jsonl"), "utf8")).split("\n").filter(Boolean).map((line) => JSON.parse(line));
  const titles: Record<string, string> = JSON.parse(await readFile(join(dir, "csfcube-titles.json"), "utf8"));
  const queries: Query[] = (await readFile(join(dir, "csfcube-queries.jsonl"), "utf8")).split("\n").filter(Boolean).map((line) => JSON.parse(line));
  queries.sort((a, b) => a.qid.localeCompare(b.qid));
  const bm25 = new ReferenceBm25(corpus.map((paper) => `${paper.title} ${paper.abstract}`), { stopwords: false });

  const outcomes: CsfcubeOutcome[] = [];
  for (const [index, query] of queries.entries()) {
    const half = halfOf(index);
    if (!halves.includes(half)) continue;
    const self = norm(query.query_title);
    const graded = new Map<string, number>();
    for (const [id, grade] of Object.entries(query.rels)) {
      const key = norm(titles[id] ?? "");
      graded.set(key, Math.max(graded.get(key) ?? 0, grade));
    }
    graded.delete(self);
    const question = { facet: query.text.replace(/\n/g, " "), title: query.query_title, similar: `papers similar to ${query.query_title}` }[form];
    const result = await library.search(question, { k: 21 });
    const ours = dedupe(result.results.map((hit) => norm(hit.paper.title)), self);
    const theirs = dedupe(bm25.rank(form === "facet" ? query.text : query.query_title, 41).map((i) => norm(corpus[i]!.title)), self);
    outcomes.push({ qid: query.qid, facet: query.facet, half, ndcg: gradedNdcg(ours, graded), bm25Ndcg: gradedNdcg(theirs, graded), relevant: result.relevant });
  }
  return outcomes;
}

function dedupe(keys: string[], self: string): string[] {
  return [...new Set(keys)].filter((key) => key !== self);
}

function gradedNdcg(ranked: string[], graded: Map<string, number>): number {
  const dcg = (gains: number[]) => gains.reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
  const ideal = dcg([...graded.values()].sort((a, b) => b - a).slice(0, 10));
  return ideal > 0 ? dcg(ranked.slice(0, 10).map((key) => graded.get(key) ?? 0)) / ideal : 0;
}

export function formatCsfcube(outcomes: CsfcubeOutcome[], form: CsfcubeForm = "facet"): string {
  const heading = {
    facet: "CSFCube (facet text; query paper removed; nDCG@10 with graded gains)",
    title: "CSFCube searched by the query paper's title (BM25 column: BM25 over the title)",
    similar: `CSFCube as "papers similar to <title>" (BM25 column: BM25 over the title)`,
  };
  const lines = [heading[form]];
  for (const half of ["tuned", "held-out"] as Half[]) {
    const rows = outcomes.filter((o) => o.half === half);
    if (rows.length === 0) continue;
    const byFacet = ["background", "method", "result"].map((facet) => {
      const subset = rows.filter((o) => o.facet === facet);
      return `${facet} ${mean(subset.map((o) => o.ndcg)).toFixed(3)}/${mean(subset.map((o) => o.bm25Ndcg)).toFixed(3)}`;
    });
    const wronglyAbsent = rows.filter((o) => !o.relevant).length;
    lines.push(`${half === "tuned" ? "development" : "held-out"} half (${rows.length} queries): paperbot ${mean(rows.map((o) => o.ndcg)).toFixed(3)}  bm25 ${mean(rows.map((o) => o.bm25Ndcg)).toFixed(3)}  (${byFacet.join(", ")}); judged not relevant ${wronglyAbsent}/${rows.length}`);
  }
  return lines.join("\n");
}
