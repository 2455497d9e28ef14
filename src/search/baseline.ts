import { writesPhrase } from "../papers/text.ts";
import type { StoredPaper } from "../store/paper-store.ts";
import type { Ranked } from "./fusion.ts";
import { SETTINGS } from "./settings.ts";
import { searchStem } from "./stem.ts";
import type { LibrarySnapshot } from "./snapshot.ts";

const NAME = String.raw`(?:the\s+)?([\p{L}\p{N}][\p{L}\p{N}.+-]*[\p{L}\p{N}])`;
const ENDS = String.raw`(?=\s*(?:$|[?.!,;:)]|\s+(?:on|for|in|at|and|or|as|with|when|while|baselines?|kernels?)\b))`;
const AGAINST = String.raw`(?:compar(?:e|es|ed|ing)|benchmark(?:s|ed|ing)?|evaluat(?:e|es|ed|ing)|test(?:s|ed|ing)?|measur(?:e|es|ed|ing)|run(?:s|ning)?)\s+(?:themselves\s+|itself\s+)?(?:against|with|to|on)`;
const BEATS = String.raw`outperform(?:s|ed|ing)?|beat(?:s|ing)?|surpass(?:es|ed|ing)?|improv(?:e|es|ed|ing)\s+(?:on|upon|over)`;
const THAN = String.raw`(?:faster|better|cheaper|quicker|more efficient|speed-?ups?|improvements?|gains?)\s+(?:than|over|against|compared to|relative to)`;
/** "papers that outperform FlashAttention-2", "benchmarked against Mamba", "evaluated on LongBench", "speedups over FA-2", "use X as a baseline". */
const BASELINE = [
  new RegExp(String.raw`\b(?:${AGAINST}|${BEATS}|${THAN})\s+${NAME}${ENDS}`, "iu"),
  new RegExp(String.raw`\b(?:use|uses|used|using)\s+${NAME}\s+as\s+(?:a|the|their|its)?\s*baseline`, "iu"),
  new RegExp(String.raw`\bbaselines?\s+(?:like|such as|including)\s+${NAME}${ENDS}`, "iu"),
];
/** "is FlashAttention-3 faster than FlashAttention-2?": one thing compared with another, not papers asked for. */
const SUBJECT_ASKED = /^\s*(?:is|are|was|were|does|do|did|can|could|will|would|how)\s+(?!(?:there|any|anything|anyone|anybody|some|papers?|you|we|i)\b)/i;

/** The name a question asks papers to be compared against, as written; undefined when it asks none. */
export function baselineAsked(text: string): string | undefined {
  // A passage pasted from an abstract ("… improves on the VSM. On the related problem …") describes, not asks.
  if (SUBJECT_ASKED.test(text) || text.trim().split(/\s+/).length > SETTINGS.baseline.maxWords || /[.!?]\s+\p{Lu}/u.test(text)) return undefined;
  for (const pattern of BASELINE) {
    const name = pattern.exec(text)?.[1];
    if (name) return name;
  }
  return undefined;
}

/** Papers compared against a baseline: `cited` write its name; `own`, the paper titled by it (listed, not cited). */
export type AgainstBaseline = { name: string; cited: Ranked[]; rest: Ranked[]; own?: StoredPaper };

/**
 * "papers that benchmark against FlashAttention-2": the papers whose abstracts write the name, FlashAttention-2's
 * own paper (and any other titled by the name) listed after them rather than first. Undefined when no other paper
 * writes it, or when so many do that it is the library's everyday vocabulary ("faster than attention"), not a name.
 */
export async function againstBaseline(name: string, ranked: Ranked[], snapshot: LibrarySnapshot): Promise<AgainstBaseline | undefined> {
  const stems = name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((part) => /\p{L}/u.test(part));
  const writers = Math.min(...stems.map((stem) => snapshot.text.documentFrequency(searchStem(stem))));
  if (stems.length === 0 || writers > Math.max(SETTINGS.baseline.minPapers, SETTINGS.baseline.maxShare * snapshot.docs.size)) return undefined;
  const candidates = ranked.slice(0, SETTINGS.candidates);
  const papers = new Map((await snapshot.papers(candidates.map((entry) => entry.doc))).map((paper) => [snapshot.docs.docOf(paper.id), paper]));
  // Its own paper, as lookup finds the name (a title, or a short name its abstract gives: "HNSW").
  const own = (await snapshot.lookup.find(name)).match ?? undefined;
  const titled = (entry: Ranked) => writesPhrase(papers.get(entry.doc)?.title ?? "", name) || papers.get(entry.doc)?.id === own?.id;
  const cited = candidates.filter((entry) => !titled(entry) && writesPhrase(`${papers.get(entry.doc)?.title ?? ""} ${papers.get(entry.doc)?.abstract ?? ""}`, name));
  if (cited.length === 0) return undefined;
  const rest = [...candidates.filter(titled), ...ranked.filter((entry) => !cited.includes(entry) && !titled(entry))];
  return { name, cited, rest, ...(own && { own }) };
}
