/**
 * Abstracts and titles copied from arXiv keep their LaTeX: "Poincar\'e",
 * "0.1\%", "S-NIAH 1\&2", "$2$-$4\times$", "``the bottleneck''". Quoted in
 * chat they read as noise, so the markup people type most is turned into
 * the characters it stands for, and any other command is left as written.
 */
const ACCENTS: Record<string, string> = { "'": "\u0301", '"': "\u0308", "`": "\u0300", "^": "\u0302", "~": "\u0303" };
const SYMBOLS: Record<string, string> = {
  times: "×", cdot: "·", pm: "±", approx: "≈", sim: "~", leq: "≤", le: "≤", geq: "≥", ge: "≥", neq: "≠", to: "→", rightarrow: "→", infty: "∞", ell: "ℓ",
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", eta: "η", theta: "θ", kappa: "κ", lambda: "λ", mu: "μ", pi: "π", rho: "ρ", sigma: "σ", tau: "τ", phi: "φ", omega: "ω",
};

/**
 * A font switch whose backslash and braces a page dropped before a name: "(tt KRISS)" was "({\\tt KRISS})", and
 * read so it hid the name's definition "Knowledge-RIch Self-Supervision (KRISS)" from the acronym miner.
 */
const FONT_SWITCH = /(?<![\p{L}\p{N}])\\?(?:tt|bf|sc|sf|rm)\s+(?=\p{Lu}[\p{L}\p{N}-]*\p{Lu})/gu;

/** A command an author defined for a name of their own ("we built \\mname", "our new \\benchname"), and what it names. */
const OWN_NAME = /\\(?:ours|[a-z]*name(?:full)?)(?![A-Za-z])/g;
const OWN_KIND: [RegExp, string][] = [[/^\\bench/, "benchmark"], [/^\\data/, "dataset"], [/^\\model/, "model"]];
/** Layout that says nothing in a chat line: "size\\break of", "{\\footnotesizeblue{https://…}}". */
const LAYOUT = /\\(?:break|linebreak|newline|centering|small|footnotesize[a-z]*|scriptsize|large|Large|huge)(?![A-Za-z])/g;

/**
 * The paper's own name for such a command: its title's lead before a colon ("EditReward: A Human-Aligned …"), or
 * failing that a name-like word of the title ("On the Road with GPT-4V(ision): …"); a benchmark or dataset command
 * is another thing the paper made, said as what it is.
 */
function ownName(command: string, title: string): string {
  const kind = OWN_KIND.find(([pattern]) => pattern.test(command))?.[1];
  if (kind && kind !== "model") return kind;
  const lead = /^([^:]{1,40}):/.exec(title)?.[1]?.trim();
  if (lead && lead.split(/\s+/).length <= 3) return lead;
  const named = title.split(/\s+/).find((word) => /\p{Lu}.*\d|\d.*\p{Lu}|\p{Ll}\p{Lu}/u.test(word));
  return named?.replace(/[:,;]$/, "") ?? kind ?? "the method";
}

/** Math a page kept without its backslash: "2-4times", "ell_1-loss". */
const UNSLASHED = [[/(\d)times\b/g, "$1×"], [/(?<![\\\p{L}])ell_(?=[\d{])/gu, "ℓ_"]] as const;

export function plainText(text: string, title = ""): string {
  const switched = text.replace(FONT_SWITCH, "");
  // (Looked for only where they may be: ingest reads every abstract.)
  const unswitched = switched.includes("times") || switched.includes("ell_") ? UNSLASHED.reduce((done, [pattern, symbol]) => done.replace(pattern, symbol), switched) : switched;
  if (!/[\\$`']/.test(unswitched)) return unswitched;
  // Most abstracts hold an apostrophe and nothing else of this: quotes only, then.
  if (!/[\\$]/.test(unswitched)) return unswitched.replace(/``|''/g, '"');
  return unswitched
    .replace(OWN_NAME, (command) => ownName(command, title))
    .replace(LAYOUT, " ")
    // A group's braces, once the command before it is gone ("{ {https://github.com/…}}"); "\\{0,1\\}" stays a set.
    .replace(/(?<!\\)\{\s*\{([^{}\\]*)\}\s*\}|(?<![\\\p{L}])\{([^{}\\]*)(?<!\\)\}/gu, (_all, inner?: string, alone?: string) => inner ?? alone ?? "")
    .replace(/\\([&%$#_{}])/g, "$1")
    .replace(/\\(['"`^~])\{?([A-Za-z])\}?/g, (_all, accent: string, letter: string) => `${letter}${ACCENTS[accent]}`.normalize("NFC"))
    .replace(/\\(?:textbf|textit|emph|mathbf|mathrm|mathcal|texttt|text)\{([^{}]*)\}/g, "$1")
    .replace(/\\([A-Za-z]+)(?![A-Za-z])/g, (all, name: string) => SYMBOLS[name] ?? all)
    .replace(/``|''/g, '"')
    // Inline math with no spaces ("$2$", "$4\times$"); "$5 and $10" is money, not math.
    .replace(/\$([^\s$]{1,40})\$/g, "$1");
}
