/**
 * Who is asking, and for whom: words about the asker or the reader, not the
 * topic. "economist here - anything on money laundering?" with "economist"
 * kept as a topic word was answered "no paper in the library mentions
 * economist", and "Nothing in the library covers …" when the rest was
 * covered. Recognised by how a chat message introduces its writer (a lead-in
 * clause before the question), never by a list of professions.
 */

// One to three words of a role: "economist", "phd student", "machine learning engineer".
const ROLE = String.raw`[a-z][a-z'/-]*(?:\s+[a-z][a-z'/-]*){0,2}?`;
const CLAUSE_END = String.raw`\s*(?:[,;:.!]|\s[-–—]|\s*\))+\s*`;

/** Who will read the papers: "a beginner", "a layperson", "a five-year-old". */
const READERS = String.raw`(?:beginner|newbie|novice|layperson|layman|non-?expert|outsider|kid|child|five(?:[- ]year[- ]old)?|5(?:[- ]year[- ]old)?|undergrad)s?`;

const GREETING = String.raw`^(?:(?:hi|hey|hello|ok|okay|so)[\s,!]+)?`;

const LEAD_INS = [
  // "i'm a pharmacologist, …", "im a physician - …", "I am an economist and I want …"
  new RegExp(String.raw`${GREETING}(?:i'm|im|i am|we're|we are)\s+(?:a|an)\s+${ROLE}(?:${CLAUSE_END}|\s+(?:and|so)\s+)`),
  // "im from economics, …", "i'm in biology - …", "we're from a hospital lab and …": where the asker comes from.
  new RegExp(String.raw`${GREETING}(?:i'm|im|i am|we're|we are|i come|we come)\s+(?:from|in)\s+(?:a\s+|an\s+|the\s+)?${ROLE}(?:${CLAUSE_END}|\s+(?:and|so)\s+)`),
  // "economist here - …", "phd student here, …", "statistics person: …" (not "anything here - …")
  new RegExp(String.raw`${GREETING}(?!(?:any|anything|something|anyone|nothing|what|which|is|are|papers?|work|stuff|out|in)\b)${ROLE}\s+(?:here|person|guy|gal)${CLAUSE_END}`),
  // "for a beginner, …": who will read the papers, said first.
  new RegExp(String.raw`${GREETING}(?:for|as)\s+(?:a|an)\s+(?:total\s+|complete\s+)?${READERS}${CLAUSE_END}`),
  // "as a pharmacist, …", "speaking as a chemist: …"
  new RegExp(String.raw`${GREETING}(?:speaking\s+|asking\s+)?as\s+(?:a|an)\s+${ROLE}${CLAUSE_END}`),
  // "biologist question: …" ("quick question:" is a chat opener the question parser knows already)
  /^[a-z]+(?:ist|ian|er|or)\s+question\s*[:,.\-–—]+\s*/,
];

const TRAILERS = [
  // "…, asking as a biologist", "… (i'm a chemist)", "… - im a physician"
  new RegExp(String.raw`\s*(?:[,;(]|\s[-–—])\s*(?:asking\s+|speaking\s+)?(?:as\s+an?|i'm\s+an?|im\s+an?|i am\s+an?)\s+${ROLE}\)?$`),
  // "… for a beginner", "… explained like I'm five", "… like i'm a biologist": who will read the papers.
  new RegExp(String.raw`[,\s]+(?:explained\s+)?(?:to me\s+)?(?:as|like|for)\s+(?:a|an|i'm|i am)\s+(?:total\s+|complete\s+)?${READERS}$`),
  new RegExp(String.raw`[,\s]+(?:explained\s+)?(?:to me\s+)?(?:like|as if)\s+(?:i'm|im|i am|i were)\s+(?:a|an)\s+${ROLE}$`),
];

/** The question without a lead-in about its asker or a closing word about its reader (lowercase text). */
export function withoutAsker(text: string): string {
  let rest = text;
  for (const pattern of LEAD_INS) rest = rest.replace(pattern, "");
  for (const pattern of TRAILERS) rest = rest.replace(pattern, "");
  return rest.trim() === "" ? text : rest;
}
