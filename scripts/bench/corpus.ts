/**
 * A larger library made from the bundled papers, for `npm run bench`. The
 * real papers come first and unchanged (so the eval's lookups still name
 * them); every other paper is new: a name spliced from two real ones, a
 * title whose words are varied from a real title's, an abstract of
 * sentences from real abstracts (introducing the name, as real ones do),
 * and a date, upvotes and authors drawn from realistic spreads. Titles are
 * unique, so N records make N papers. Deterministic (seeded), so runs compare.
 */

/** A paper as `paperbot list --json` prints it, the fields the generator reads. */
export type SeedPaper = { id: string; title: string; abstract: string; authors?: string[]; organization?: string; publishedAt?: string; upvotes: number };

/** One line of a JSON Lines file `paperbot ingest` reads. */
export type CorpusPaper = { id?: string; title: string; abstract: string; authors?: string[]; authorCount?: number; organization?: string; publishedAt?: string; upvotes: number };

const FIRST_YEAR = 2015;
const LAST_DATE = "2026-11-20";
/** arXiv grows by about a third a year; later years get proportionally more papers. */
const YEARLY_GROWTH = 1.35;
/** Synthetic arXiv numbers start above any real month's count, so they never take a real paper's id. */
const SYNTHETIC_ARXIV_FROM = 60_000;
const WITH_ARXIV_ID = 0.75;
const NAMED_TITLE = 0.6;
const ORGANIZATION_ONLY = 0.15;

export function* syntheticCorpus(seed: SeedPaper[], size: number): Generator<CorpusPaper> {
  const random = mulberry32(42);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const pools = poolsOf(seed);
  const taken = new Set<number>(seed.map((paper) => titleHash(paper.title)));
  const perMonth = new Map<string, number>();

  for (const paper of seed.slice(0, size)) yield fromSeed(paper);
  for (let i = seed.length; i < size; i++) {
    let title: string;
    let name: string | undefined;
    do {
      name = random() < NAMED_TITLE ? splicedName(pools.names, random) : undefined;
      const tail = variedWords(pick(pools.tails), pools.titleWords, random);
      title = name ? `${name}: ${tail}` : tail;
    } while (taken.has(titleHash(title)));
    taken.add(titleHash(title));

    const sentences = Array.from({ length: 4 + Math.floor(random() * 6) }, () => pick(pools.sentences));
    if (name) sentences.splice(Math.floor(random() * 2), 0, `We introduce ${name}, ${lowerFirst(title.slice(name.length + 2))}.`);
    const publishedAt = randomDate(random);
    const month = publishedAt.slice(2, 4) + publishedAt.slice(5, 7);
    const paper: CorpusPaper = { title, abstract: sentences.join(" "), publishedAt, upvotes: heavyTailed(random) };
    if (random() < WITH_ARXIV_ID) {
      const n = (perMonth.get(month) ?? SYNTHETIC_ARXIV_FROM) + 1;
      perMonth.set(month, n);
      paper.id = `${month}.${n}`;
    }
    if (random() < ORGANIZATION_ONLY) paper.organization = pick(pools.organizations);
    else {
      paper.authors = Array.from({ length: 1 + Math.floor(random() * 7) }, () => pick(pools.authors));
      paper.authorCount = paper.authors.length + (random() < 0.2 ? Math.floor(random() * 20) : 0);
    }
    yield paper;
  }
}

function fromSeed(paper: SeedPaper): CorpusPaper {
  const record: CorpusPaper = { title: paper.title, abstract: paper.abstract, upvotes: paper.upvotes };
  if (!paper.id.startsWith("t-")) record.id = paper.id;
  if (paper.authors) record.authors = paper.authors;
  if (paper.organization) record.organization = paper.organization;
  if (paper.publishedAt) record.publishedAt = paper.publishedAt;
  return record;
}

type Pools = { names: string[]; tails: string[][]; titleWords: string[]; sentences: string[]; authors: string[]; organizations: string[] };

function poolsOf(seed: SeedPaper[]): Pools {
  const names: string[] = [];
  const tails: string[][] = [];
  for (const { title } of seed) {
    const colon = title.indexOf(":");
    const head = colon > 0 ? title.slice(0, colon).trim() : "";
    if (head && head.split(/\s+/).length === 1 && head.length >= 4) names.push(head);
    tails.push((colon > 0 && head.split(/\s+/).length <= 3 ? title.slice(colon + 1) : title).trim().split(/\s+/));
  }
  const titleWords = [...new Set(tails.flat().filter((word) => /^[A-Za-z][a-z-]{4,}$/.test(word)))];
  const sentences = seed.flatMap((paper) => paper.abstract.split(/(?<=\.)\s+/)).filter((sentence) => sentence.length > 40 && sentence.length < 400);
  const authors = [...new Set(seed.flatMap((paper) => paper.authors ?? []))];
  const organizations = [...new Set(seed.flatMap((paper) => (paper.organization ? [paper.organization] : [])))];
  return { names, tails, titleWords, sentences, authors: authors.length > 0 ? authors : ["A. Author"], organizations: organizations.length > 0 ? organizations : ["Lab"] };
}

/** The start of one real name and the end of another ("Pyramid" + "Quant" -> "PyraQuant"), sometimes versioned. */
function splicedName(names: string[], random: () => number): string {
  const a = names[Math.floor(random() * names.length)]!;
  const b = names[Math.floor(random() * names.length)]!;
  const head = a.slice(0, 2 + Math.floor(random() * Math.max(1, a.length - 3)));
  const tail = b.slice(Math.floor(b.length / 2));
  const version = random() < 0.15 ? `-${2 + Math.floor(random() * 3)}` : "";
  return `${head}${tail}${version}`;
}

/** A real title's words with one to three of its longer words swapped for words from other titles. */
function variedWords(words: string[], pool: string[], random: () => number): string {
  const varied = [...words];
  const swappable = varied.flatMap((word, i) => (/^[A-Za-z][a-z-]{4,}$/.test(word) ? [i] : []));
  for (let n = 1 + Math.floor(random() * 3); n > 0 && swappable.length > 0; n--) {
    const at = swappable.splice(Math.floor(random() * swappable.length), 1)[0]!;
    varied[at] = pool[Math.floor(random() * pool.length)]!;
  }
  return varied.join(" ");
}

function randomDate(random: () => number): string {
  const last = new Date(`${LAST_DATE}T00:00:00Z`);
  const years = last.getUTCFullYear() - FIRST_YEAR + 1;
  const weights = Array.from({ length: years }, (_, i) => YEARLY_GROWTH ** i);
  let draw = random() * weights.reduce((sum, weight) => sum + weight, 0);
  let year = FIRST_YEAR;
  for (const weight of weights) {
    if ((draw -= weight) <= 0) break;
    year++;
  }
  const date = `${Math.min(year, last.getUTCFullYear())}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
  return date > LAST_DATE ? LAST_DATE : date;
}

/** Most papers get a few upvotes, a few get hundreds, as on Hugging Face. */
function heavyTailed(random: () => number): number {
  return Math.floor(Math.exp(random() * random() * 6)) - 1;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** Title identity as ingest sees it (case and punctuation ignored), as a number: a million of them stay small. */
function titleHash(title: string): number {
  const key = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822519);
  }
  return (h1 >>> 0) * 2 ** 21 + ((h2 >>> 0) & 0x1fffff);
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
