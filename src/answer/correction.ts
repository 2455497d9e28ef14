/**
 * "no, I meant the multimodal ones", "sorry, I meant lifelong learning",
 * "actually I meant 2023": a correction of the message before, and what it
 * should have said. Only with a word of correction, or "I meant" itself: "I
 * mean, which is fastest?" is a filler, not a correction.
 */
const CORRECTION = /^(?:(?:no|nah|nope|sorry|oops|actually|wait)\b[\s,.!:;-]*)+(?:i\s+meant|i\s+mean|i\s+was\s+asking\s+about|i\s+was\s+after|i\s+wanted)\s+(.+?)\s*[.!?]*$|^i\s+meant\s+(.+?)\s*[.!?]*$/i;

/** What a correction says instead, or undefined when the message corrects nothing. */
export function correctedTo(text: string): string | undefined {
  const match = CORRECTION.exec(text.trim());
  const said = (match?.[1] ?? match?.[2])?.trim();
  return said ? said : undefined;
}

/** A narrowing's topic as a correction says it: "the multimodal ones" and "the ones about multimodal" are "multimodal". */
export function correctedTopic(said: string): string {
  return said.replace(/^(?:(?:the|those|these|ones?|papers?|about|on|for|with|using)\s+)+/i, "").replace(/\s+(?:ones?|papers?|stuff|things)$/i, "").trim() || said;
}
