/**
 * The two things a question compares, as written: "compare X and Y",
 * "X vs Y", "X versus Y for Z", "how does X differ from Y", "difference
 * between X and Y", "is X better than Y"; undefined for any other question.
 */
/** What one thing is said to be beside another: "better", "faster", "more accurate" (before "than", or after "how much"). */
export const COMPARATIVE = String.raw`(?:better|worse|faster|slower|cheaper|smaller|bigger|larger|more \w+|less \w+)`;

const FORMS = [
  /^(?:please )?(?:compare|comparing|contrast)\s+(.+?)\s+(?:and|with|to|vs\.?|versus)\s+(.+)$/,
  /^(?:what(?:'s| is| are) )?(?:the )?differences? between\s+(.+?)\s+and\s+(.+)$/,
  /^how(?:'s| (?:does|do|is|are))\s+(.+?)\s+(?:differ|different|compare)\s+(?:from|to|with)\s+(.+)$/,
  /^(.+?)\s+(?:vs\.?|versus)\s+(.+)$/,
  // "is flash attention 2 better than flash attention 1?"
  new RegExp(String.raw`^(?:is|are|was|were)\s+(.+?)\s+${COMPARATIVE}\s+than\s+(.+)$`),
];

export function comparedNames(question: string): [string, string] | undefined {
  // A "vs" inside parentheses is an aside ("… (bitrate vs quality tradeoff)"), not the question's comparison.
  const text = question.toLowerCase().replace(/\s*\([^()]*\)/g, " ").replace(/[?!.]+\s*$/, "").replace(/\s+/g, " ").trim();
  for (const form of FORMS) {
    const match = form.exec(text);
    if (match) return [match[1]!.trim(), match[2]!.trim()];
  }
  return undefined;
}

/**
 * Two requests in one message, each to be answered on its own: "papers on X
 * and also papers on Y", "X, and separately Y", "two things: 1) X 2) Y",
 * "X? also, anything on Y?". Each part is returned with its own asking
 * ("papers on Y"), to be searched as a question of its own; undefined for
 * any other question. A plain "X and Y" is one topic ("pruning and
 * quantization of LLMs"), so only a word that sets the parts apart counts.
 */
const APART = [
  /^(?:(?:two|2|a couple of|couple of) (?:things|questions|topics|requests|asks)\s*[:,.\-–—]?\s*)?(?:1[.):]|\(1\)|first[,:])\s*(.+?)[,;]?\s+(?:and\s+)?(?:2[.):]|\(2\)|second[,:])\s*(.+)$/,
  /^(.+?)(?:[,;]\s*(?:and\s+)?|\s+and\s+)separately[,:]?\s+(.+)$/,
  /^(.+?)[,;]?\s+(?:and\s+)?also\s+(?=(?:papers?|anything|something|any|work|stuff|research)\s+(?:on|about|for|regarding)\b)(.+)$/,
  /^(.+?)\s+as well as\s+(?=(?:papers?|anything|something|work|research)\s+(?:on|about)\b)(.+)$/,
  // "any papers on X? also, anything on Y?" (not "I work on X. Also, does it work for vision?": a second request, asked as one)
  /^(.+?[^.])[.?!;]\s+(?:and\s+)?(?:also|separately|plus|additionally)[,:]?\s+((?:any|anything|something|papers?|work|research|what about|is there|are there|do you have|do we have|got)\b.+)$/,
  // "X, and are there any on Y" (not "X, and any that work for vision?", which narrows X)
  /^(.+?)[,;]\s+(?:and|also|plus)\s+(?=(?:are there|is there|any|anything|do you have|do we have)(?:\s+(?:any|papers?|work|research|ones|stuff|good|recent|new))*\s+(?:on|about|regarding)\b)(.+)$/,
];

export function askedApart(question: string): [string, string] | undefined {
  const text = question.replace(/[?!.]+\s*$/, "").replace(/\s+/g, " ").trim();
  for (const form of APART) {
    const match = form.exec(text.toLowerCase());
    if (!match) continue;
    // Cut from the question as written, so each part keeps its capitals (names, acronyms).
    const second = text.slice(text.length - match[2]!.length).trim();
    const first = text.slice(text.toLowerCase().indexOf(match[1]!), text.toLowerCase().indexOf(match[1]!) + match[1]!.length).trim();
    if (/[a-z]{3}/i.test(first) && /[a-z]{3}/i.test(second)) return [first, second];
  }
  return undefined;
}

/**
 * A topic that is one of two short things, "music or audio", "pruning or quantization", "X / Y": each is asked on
 * its own when the library does not cover both at once, since either would do. Undefined for any other topic
 * (a side of more than two words, more than two sides, or a comma: a list, not a choice). "sign language
 * recognition or translation" is one topic, its "or" inside a phrase, and is not split.
 */
export function eitherOf(topic: string): [string, string] | undefined {
  if (/[,;()]/.test(topic)) return undefined;
  // ("ctr prediction / recsys models": a slash between spaces offers a choice as "or" does; "prefill/decode" is one thing.)
  const sides = topic.split(/\s+or\s+|\s+\/\s+/).map((side) => side.trim());
  const short = (side: string) => /[a-z]{3}/i.test(side) && side.split(/\s+/).length <= 2;
  return sides.length === 2 && sides.every(short) ? [sides[0]!, sides[1]!] : undefined;
}
