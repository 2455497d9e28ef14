const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}+]*/gu;

/** `topic` (lower case) with each word as the question wrote it. */
export function asWritten(topic: string, text: string): string {
  const written = new Map<string, string>();
  for (const token of text.match(TOKEN) ?? []) written.set(token.toLowerCase(), token);
  return topic.replace(TOKEN, (token) => written.get(token) ?? token);
}
