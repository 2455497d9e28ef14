/* The order and the number of papers a question asks for ("the 5 newest papers on X"), taken off before its topic is read. */

export type PaperOrder = "newest" | "oldest" | "upvotes";

/**
 * Words that ask for an order, when they are about the papers: followed (within a few words) by "papers",
 * "ones", "work", "first" and the like, by "on X" ("the latest on diffusion"), or ending the question.
 * The same words describing something else ("top-down clustering", "a popular approach", "the most recent
 * few-shot methods" in a pasted abstract) ask for none.
 */
/** "have the most upvotes", "with the highest number of upvotes": the upvote order said as a noun. */
const MOST_UPVOTES = String.raw`(?:(?:with|have|having)\s+)?(?:the\s+)?(?:most|highest|max(?:imum)?)\s+(?:number of\s+)?up ?votes`;
const ORDERS: { order: PaperOrder; words: string; by: string; most: string }[] = [
  { order: "upvotes", words: String.raw`most[- ](?:upvoted|popular|liked)|top(?: \d+)?|popular|highest[- ]rated|best[- ]rated`, by: String.raw`up ?votes?|votes|popularity|likes`, most: String.raw`${MOST_UPVOTES}(?:\s+(?:on|about|in|for)(?!\S))?` },
  { order: "oldest", words: String.raw`oldest|earliest|first published`, by: "(?!)", most: "(?!)" },
  { order: "newest", words: String.raw`newest|latest|most recent|(?<=\b(?:what's|whats|what is|anything|something)\s)(?:new|recent)|(?<=\b(?:any|some)\s)recent`, by: "date", most: "(?!)" },
];
const ABOUT_PAPERS = String.raw`(?=(?:\s+[\p{L}\p{N}'-]+){0,3}?\s+(?:papers?|ones|articles?|preprints?|additions|uploads|entries|first)\b|(?:\s+\d{1,2})?\s*$)`;
const ORDER_ASKED = ORDERS.map(({ order, words, by, most }): [PaperOrder, RegExp] => {
  // "the latest (work) on diffusion" asks for the newest; "popular in NLP", "the most recent work shows" describe.
  const onTopic = order === "newest" ? String.raw`|(?=(?:\s+(?:work|research|stuff|developments|progress))?\s+(?:on|in|about)\b)` : "";
  const said = String.raw`\b(?:${words})(?![\p{L}\p{N}-])(?:${ABOUT_PAPERS}${onTopic})(?:\s+first\b)?`;
  // "which papers have the most upvotes on X": the order said as a noun needs no "papers" after it.
  return [order, new RegExp(String.raw`${said}|(?:\b(?:sorted|ordered|ranked|listed)\s+)?\bby (?:${by})\b|\b${most}(?!\S)`, "gu")];
});

/** The number an order comes with: "top 3", "the 5 newest", "3 most upvoted", "the newest 3". */
const COUNT_ASKED = /\btop (\d{1,2})\b|\b(\d{1,2}) (?=newest|latest|most recent|oldest|earliest|most upvoted|most popular)|(?<=\b(?:newest|latest|most recent|oldest|earliest|most upvoted|most popular) )(\d{1,2})\b/;
/** One paper asked for in an order: "the newest paper on X", "most upvoted paper about Y". */
const ONE_ORDERED = /\b(?:newest|latest|most recent|oldest|earliest|most upvoted|most popular)\s+(?:paper|article|one)\b(?!\s+(?:and|or)\b)/;
/** The number of papers asked for with no order: "3 papers on X", "give me 2 recent papers on X" (not "llama 2 papers"). */
const PAPERS_COUNTED = /(?:^|\b(?:me|the|give|show|find|list|get|want|need|just|only|first|recommend|suggest|pick)\s+)(\d{1,2})\s+(?:(?:recent|new|good|relevant|more|other|key)\s+)?(?=papers?\b|articles?\b|ones\b)/;
/** "list all the papers on X", "all papers about Y", and how many that lists. */
const ALL_ASKED = /(?:^|\b(?:list|show|give|find|get|want|need|are)(?: me)?\s+)all(?: of)?(?: the)? (?:papers|works|articles|ones)\b/;
const ALL_PAPERS = 10;

/** An order asked of a topic ("most upvoted papers on attention", "newest papers on diffusion"): not part of the topic. */
const TOPIC_ORDER = new RegExp(String.raw`\b(?:newest|latest|most recent|oldest|earliest|first published|most[- ](?:upvoted|popular|liked)|${MOST_UPVOTES}(?:\s+(?:on|about|in|for)\b)?|highest[- ]rated|by (?:up ?votes?|votes|popularity|likes|date))\b`, "g");

/** The order and number of papers `text` asks for, and `text` without them. */
export function orderAsked(text: string): { order?: PaperOrder; count?: number; rest: string } {
  const ordered = ORDER_ASKED.find(([, pattern]) => new RegExp(pattern).test(text));
  // "top 3 papers on X", "the 5 newest papers": the number of papers asked for, with the order it comes with.
  const counted = (ordered ? COUNT_ASKED.exec(text) : null) ?? PAPERS_COUNTED.exec(text);
  // "the most upvoted paper on attention": one, though no number is said.
  // "list all the papers on X": as many as a long list shows.
  const count = counted ? Number(counted[1] ?? counted[2] ?? counted[3]) : ordered && ONE_ORDERED.test(text) ? 1 : ALL_ASKED.test(text) ? ALL_PAPERS : undefined;
  // "the 5 newest", "the newest 3": the number goes with the order ("top 3" goes as the order's own words do).
  const uncounted = counted && !counted[0].startsWith("top") ? text.replace(counted[0], " ") : text;
  const rest = (ordered ? uncounted.replace(ordered[1], " ") : uncounted).replace(TOPIC_ORDER, " ").replace(/\s+/g, " ").trim();
  return { ...(ordered && { order: ordered[0] }), ...(count !== undefined && { count }), rest };
}
