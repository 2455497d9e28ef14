import { withoutAccents } from "../embed/tokens.ts";
const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * The names a name is written from, where its capitals join them: "ScatterNeRF" holds NeRF, "MSPLoRA"
 * MSP and LoRA, so a question about NeRF or LoRA finds the papers named after them. A cut needs three
 * letters either side: "LLaVA", "GaLore" and "NeRF" itself are one word, and "ScatterNeRF" is not cut
 * before "RF".
 */
export function nameParts(text: string): string[] {
  const parts: string[] = [];
  for (const token of withoutAccents(text).match(TOKEN) ?? []) {
    if (!/\p{Ll}\p{Lu}/u.test(token) && !/\p{Lu}\p{Lu}\p{Ll}/u.test(token)) continue;
    const cuts: number[] = [];
    for (let i = 1; i < token.length; i++) {
      const [before, at, after] = [token[i - 1]!, token[i]!, token[i + 1] ?? ""];
      const upper = (char: string) => /\p{Lu}/u.test(char);
      const lower = (char: string) => /\p{Ll}/u.test(char);
      const boundary = (lower(before) && upper(at)) || (upper(before) && upper(at) && lower(after));
      if (boundary && letters(token.slice(cuts.at(-1) ?? 0, i)) >= 3 && letters(token.slice(i)) >= 3) cuts.push(i);
    }
    if (cuts.length === 0) continue;
    // Only a part written as a name is one: "NeRF", "LoRA", "MSP", not "Scatter" or "Smooth", everyday words that
    // would give every paper named with them a title word no question meant ("low" of LowFormer).
    for (const [index, start] of [0, ...cuts].entries()) {
      const part = token.slice(start, cuts[index] ?? token.length);
      if ((part.match(/\p{Lu}/gu) ?? []).length >= 2) parts.push(part.toLowerCase());
    }
  }
  return parts;
}

function letters(text: string): number {
  return text.replace(/[^\p{L}]/gu, "").length;
}
