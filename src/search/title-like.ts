/** Short words a title capitalises only in title case ("Attention Is All You Need"); chat leaves them lower case. */
const TITLE_CASED = /^(?:A|An|The|Is|Are|Was|Be|All|You|We|It|Its|Of|For|To|In|On|At|By|With|And|Or|From|Into|Via|Do|Does|Can|Not|No|As)$/;

/**
 * Whether a message is a pasted paper title rather than a question:
 * "Attention Is All You Need", "LoRA: Low-Rank Adaptation of Large Language
 * Models". A topic typed with capitals ("KV Cache Compression") is not one:
 * a title shows itself by a name before a colon, by short words that only
 * title case capitalises, or by five words or more with every longer one
 * capitalised ("Deep Residual Learning for Image Recognition").
 */
const ASKS_FOR_PAPERS = /^(?:papers?|articles?|works?|research|anything|something|any(?:thing)?\s+papers?)\s+(?:on|about|for|regarding|related to)\s/i;

export function isTitleLike(text: string): boolean {
  const stripped = text.trim().replace(/^["'“‘]|["'”’.]$/g, "");
  const tokens = stripped.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (tokens.length < 3 || tokens.length > 30) return false;
  // "Papers on KV Cache Compression." asks for papers on a topic, in title case.
  if (ASKS_FOR_PAPERS.test(stripped)) return false;
  const long = tokens.filter((token) => token.replace(/\P{L}/gu, "").length >= 4);
  const capitalised = long.filter((token) => /^[\p{Lu}\p{N}]/u.test(token));
  if (long.length < 2 || capitalised.length < 0.8 * long.length) return false;
  const named = /^[^:]{2,40}:\s+\S+(?:\s+\S+){2,}/.test(stripped);
  return named || tokens.slice(1).some((token) => TITLE_CASED.test(token)) || (tokens.length >= 5 && capitalised.length === long.length);
}
