import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Inputs for the parser fuzz test, each made from (seed, index) alone, so a
 * failing case can be rebuilt and replayed from the two numbers it reports.
 */
export type FuzzCase = { kind: "page" | "jsonl"; how: string; text: string; bytes: Uint8Array };

const SAMPLES_DIR = join(import.meta.dirname, "..", "..", "data", "samples");
const samples = readdirSync(SAMPLES_DIR)
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .map((name) => readFileSync(join(SAMPLES_DIR, name), "utf8"));

/** Lines that mean something to the page parser, and some that should not. */
const PAGE_TOKENS = [
  "·", "• 3 authors", "• 1 author", "• Ada Lovelace, Alan Turing and Grace Hopper", "•", "• ", "Nov 1, 2023", "May 28 2", "Feb 7, 2024 3",
  "Jan 18", "Feb 29", "Feb 30, 2023", "Jan 0", "Dec 31, 9999 99999999999999999999", "Mar 3 123456789012", "• 99999999999999999999 authors", "Sep 9, 0000", "Mayday 12", "deepseek-ai DeepSeek",
  "Subscribe", "Daily Papers", "new", "Get trending papers in your email inbox!", "SubscribeA Title Glued To Chrome", "[1]", "\u00a0", "\ufeff",
  "\u200b", "\t\t", "#", "{}", "null", "x".repeat(301), "y".repeat(10_050), "A short line.",
];

const JSON_VALUES: unknown[] = [
  null, true, false, 0, -1, 1.5, 2 ** 53, 1e308, -0, "", " ", "t-", "t-abc", "2501.01234", "2501.01234v2", "hep-th/9901001", "arXiv:2501.01234",
  "not an id", "2024-02-30", "2024-02-29", "24-1-1", "javascript:alert(1)", "https://example.org/x", "__proto__", "x".repeat(600), "z".repeat(10_001),
  [], [1, 2], ["a", null], {}, { nested: { deeper: [] } }, "\u0000", "\ud800", "\udc00 alone", "\ud83d\ude00",
];

const FIELDS = ["id", "title", "abstract", "authors", "authorCount", "organization", "publishedAt", "upvotes", "url", "source", "featuredAt", "categories", "aiSummary", "extra", "__proto__", "constructor"];

type Random = { int(n: number): number; pick<T>(items: readonly T[]): T; chance(p: number): boolean };

function random(seed: number): Random {
  // mulberry32: tiny, fast, and the same sequence on every machine.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n) => Math.floor(next() * n), pick: (items) => items[Math.floor(next() * items.length)]!, chance: (p) => next() < p };
}

function randomText(r: Random, max: number): string {
  const ranges = [[0x20, 0x7e], [0x00, 0x1f], [0xa0, 0x2ff], [0x2000, 0x206f], [0x4e00, 0x4eff], [0xd800, 0xdfff], [0x1f600, 0x1f64f]] as const;
  let text = "";
  for (let i = r.int(max); i > 0; i--) {
    const [low, high] = r.pick(ranges);
    text += String.fromCodePoint(low + r.int(high - low + 1));
  }
  return text;
}

function mutateLines(r: Random, lines: string[]): string[] {
  const out = [...lines];
  const at = () => r.int(Math.max(out.length, 1));
  // Sometimes none, so that whole windows of valid page reach the parser too.
  for (let n = r.int(7); n > 0; n--) {
    switch (r.int(12)) {
      case 10: out[at()] = r.pick(PAGE_TOKENS); break;
      case 11: {
        // Numbers (upvotes, author counts, days, years) grown past anything real.
        const withDigits = out.map((line, i) => [line, i] as const).filter(([line]) => /\d/.test(line));
        if (withDigits.length === 0) break;
        const [line, i] = r.pick(withDigits);
        out[i] = line.replace(/\d+(?!.*\d)/, "9".repeat(1 + r.int(25)));
        break;
      }
      case 0: out.splice(at(), 1); break;
      case 1: { const i = at(); out.splice(i, 0, out[i] ?? ""); break; }
      case 2: { const i = at(); const j = at(); [out[i], out[j]] = [out[j] ?? "", out[i] ?? ""]; break; }
      case 3: out.splice(at(), 0, r.pick(PAGE_TOKENS)); break;
      case 4: out.length = at(); break;
      case 5: { const i = at(); const line = out[i] ?? ""; const cut = r.int(line.length + 1); out[i] = line.slice(0, cut) + randomText(r, 4) + line.slice(cut); break; }
      case 6: { const i = at(); out.splice(i, 2, `${out[i] ?? ""}${out[i + 1] ?? ""}`); break; }
      case 7: { const i = at(); const line = out[i] ?? ""; const cut = r.int(line.length + 1); out.splice(i, 1, line.slice(0, cut), line.slice(cut)); break; }
      case 8: out.splice(at(), 0, ""); break;
      default: out.splice(at(), 0, randomText(r, 80));
    }
  }
  return out;
}

function pageCase(r: Random): Omit<FuzzCase, "bytes"> {
  const eol = r.pick(["\n", "\r\n", "\r"]);
  if (r.chance(0.2)) {
    const lines = Array.from({ length: r.int(40) }, () => (r.chance(0.5) ? r.pick(PAGE_TOKENS) : randomText(r, 120)));
    return { kind: "page", how: "line soup", text: lines.join(eol) };
  }
  const sample = r.pick(samples).split(/\r?\n/);
  // A window keeps a case small and reaches every part of a page, though it
  // mostly cuts a record in two; whole pages let mutations reach the end.
  const start = r.chance(0.5) ? 0 : r.int(sample.length);
  const window = r.chance(0.4) ? sample : sample.slice(start, start + 10 + r.int(60));
  return { kind: "page", how: `mutated sample from line ${start + 1}`, text: mutateLines(r, window).join(eol) };
}

function validPaper(r: Random): Record<string, unknown> {
  const paper: Record<string, unknown> = { title: `Paper ${r.int(1000)} on retrieval`, abstract: "We study retrieval and report results." };
  if (r.chance(0.5)) paper.authors = ["Ada Lovelace", "Alan Turing"];
  if (r.chance(0.5)) paper.publishedAt = "2024-03-01";
  if (r.chance(0.5)) paper.upvotes = r.int(100);
  if (r.chance(0.3)) paper.id = "2403.01234";
  return paper;
}

function jsonlCase(r: Random): Omit<FuzzCase, "bytes"> {
  const lines = Array.from({ length: 1 + r.int(5) }, () => {
    const paper = validPaper(r);
    for (let n = r.chance(0.5) ? 0 : 1 + r.int(3); n > 0; n--) {
      const field = r.pick(FIELDS);
      if (r.chance(0.2)) delete paper[field];
      else paper[field] = r.pick(JSON_VALUES);
    }
    let line = JSON.stringify(paper);
    if (r.chance(0.15)) {
      const cut = r.int(line.length + 1);
      line = r.chance(0.5) ? line.slice(0, cut) : line.slice(0, cut) + randomText(r, 3) + line.slice(cut + 1);
    }
    return line;
  });
  if (r.chance(0.1)) lines.push(randomText(r, 200));
  // JSON may spell half a character as an escape; files cannot hold one raw.
  if (r.chance(0.1)) lines.push(JSON.stringify(validPaper(r)).replace("Paper", r.pick(["\\ud800", "\\udfff x", "\\ud83d\\ude00"])));
  if (r.chance(0.02)) lines.push(`${"[".repeat(50_000)}${"]".repeat(50_000)}`);
  return { kind: "jsonl", how: "mutated records", text: lines.join(r.pick(["\n", "\r\n"])) };
}

/** The file's bytes: the text as UTF-8 (where a lone surrogate cannot exist), now and then with raw bytes spliced in. */
function bytesOf(r: Random, text: string): Uint8Array {
  const utf8 = Buffer.from(text, "utf8");
  if (!r.chance(0.05)) return utf8;
  const noise = Uint8Array.from({ length: 1 + r.int(16) }, () => r.int(256));
  const at = r.int(utf8.length + 1);
  return Buffer.concat([utf8.subarray(0, at), noise, utf8.subarray(at)]);
}

export function fuzzCase(seed: number, index: number): FuzzCase {
  const r = random(seed * 1_000_003 + index);
  const input = index % 2 === 0 ? pageCase(r) : jsonlCase(r);
  return { ...input, bytes: bytesOf(r, input.text) };
}
