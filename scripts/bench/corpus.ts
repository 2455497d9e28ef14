import type { PaperRecord } from "../../src/papers/paper.ts";

/**
 * A larger library made from the real samples: each synthetic paper takes a
 * real title with a numbered variant suffix and an abstract spliced from
 * sentences of real abstracts, so text statistics stay realistic.
 * Deterministic (seeded), so runs compare.
 */
export function syntheticCorpus(seed: PaperRecord[], size: number): PaperRecord[] {
  const random = mulberry32(42);
  const sentences = seed.flatMap((record) => record.abstract.split(/(?<=\.)\s+/)).filter((sentence) => sentence.length > 40);
  const records: PaperRecord[] = [];
  for (let i = 0; i < size; i++) {
    const base = seed[i % seed.length]!;
    const original = i < seed.length;
    const abstract = Array.from({ length: 6 + Math.floor(random() * 5) }, () => sentences[Math.floor(random() * sentences.length)]!).join(" ");
    const year = 2018 + Math.floor(random() * 9);
    const month = 1 + Math.floor(random() * 12);
    records.push({
      title: original ? base.title : `${base.title} (variant ${i})`,
      abstract: original ? base.abstract : abstract,
      upvotes: Math.floor(random() * 20),
      source: "bench",
      publishedAt: `${year}-${String(month).padStart(2, "0")}-15`,
    });
  }
  return records;
}

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
