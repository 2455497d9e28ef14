/**
 * The two things a question compares, as written: "compare X and Y",
 * "X vs Y", "X versus Y for Z", "how does X differ from Y", "difference
 * between X and Y"; undefined for any other question.
 */
const FORMS = [
  /^(?:please )?(?:compare|comparing|contrast)\s+(.+?)\s+(?:and|with|to|vs\.?|versus)\s+(.+)$/,
  /^(?:what(?:'s| is| are) )?(?:the )?differences? between\s+(.+?)\s+and\s+(.+)$/,
  /^how(?:'s| (?:does|do|is|are))\s+(.+?)\s+(?:differ|different|compare)\s+(?:from|to|with)\s+(.+)$/,
  /^(.+?)\s+(?:vs\.?|versus)\s+(.+)$/,
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
