/**
 * Turns text into vectors. Documents and queries are separate calls because
 * some models embed them differently; `id` names the model so that a library
 * built with one embedder is never searched with another.
 */
export interface Embedder {
  readonly id: string;
  readonly dims: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

/** The text a paper is embedded from. */
export function paperText(paper: { title: string; abstract: string }): string {
  return `${paper.title}\n\n${paper.abstract}`;
}

export function l2Normalize(vector: number[]): number[] {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}
