/** The phrasings by which a message refers to the thread's previous answer (read by follow-up.ts). */
export const REFERENCE = /\b(?:those|these|them|they|that one|this one|the ones?|which ones?|it)\b/g;
/** Words that say nothing beyond the reference in "which of those are from 2024?". */
export const FILLER = /\b(?:which|what|of|are|is|were|was|have|has|any|anything|some|only|just|ones?|and|but|about|how|published|came out|from|also|too|that)\b/g;
/**
 * "Which of those …", "any of them …", "do any of these …", "which use RL", "which is about retrieval": a question about
 * the listed papers only. ("which is the best …" and "which are surveys" are left to be asked of the library.)
 */
export const OF_THOSE = /^(?:(?:which|what|any|(?:do|does|did|is|are|was|were|has|have) any|how many)\s+(?:ones\s+)?of\s+(?:those|these|them)|which\s+(?:is|are|was|were)\s+(?:about|on|for|from)|which\s+ones?\s+(?:is|are|was|were)|which(?:\s+ones?)?\s+(?:use|uses|used|using|mention|mentions|cover|covers|deal with|deals with|do|does|did|has|have|support|supports|need|needs|handle|handles|target|targets|run|runs|work|works|evict|evicts|focus on|focuses on|apply|applies|train|trains)|any\s+[\w-]+(?:\s+[\w-]+)?\s+ones|(?:any|the\s+ones?|ones?)\s+(?:that|which)\s+also)\b/;
/** "do any of them use RL?", "is any of them about microcontrollers?": yes or no, of every paper listed. */
export const ANY_OF = /^(?:do|does|did|is|are|was|were|has|have)\s+any\s+(?:ones?\s+)?of\s+(?:those|these|them)\b/;
/** Verbs and prepositions that link "those" to a topic: "are for", "are about", "use", "mention". */
export const LINKING = /\b(?:(?:evaluate|evaluates|evaluated|test|tests|tested|benchmark|benchmarks|benchmarked|report|reports|train|trains|trained)\s+on|are|is|for|about|on|use|uses|using|mention|mentions|cover|covers|deal with|deals with|target|targets|handle|handles|support|supports|focus on|focuses on|apply to|applies to|run on|runs on|do|does|how many)\b/g;
/** What may be left of a follow-up that only adds a constraint ("any from 2024?", "same topic but from 2023"). */
const LEFTOVER_WORDS = "any|anything|some|more|ones?|those|these|them|only|just|and|but|what about|how about|same|topic|thing|question|the";
export const LEFTOVER = new RegExp(`^(?:${LEFTOVER_WORDS}|\\s)*$`);
/** The same words and a few more ("so", "ok", "papers") taken out of such a follow-up, leaving its constraint. */
export const NOT_CONSTRAINT = new RegExp(`\\b(?:so|ok|okay|something|papers?|${LEFTOVER_WORDS})\\b[\\s,]*`, "gi");
/** "only 2025", "just the 2024 ones": a year asked of the list. */
export const YEAR_ONLY = /^(?:only|just)\s+(?:the\s+)?(?:ones\s+)?(?:from\s+|in\s+)?(\d{4})(?:\s+ones?)?\s*[?.!]*$/;
/** A message that asks for nothing but an order: "which is the newest?", "the newest?", "newest first", "sort by date". */
export const ORDER_ONLY = /^(?:(?:which|what)(?:'s| is| are| one is)?\s+)?(?:the\s+)?(?:sort(?:ed)?(?:\s+(?:them|it|these|those))?\s+by\s+(?:date|upvotes)|(?:most recent|newest|latest|oldest|earliest|most upvoted)(?:\s+(?:one|ones|first|paper|papers))?)\s*[?.!]*$/;

/** "papers like it", "more like this", "what does it propose?", "that one": the paper the thread just showed, when it showed one. */
export const PRONOUN = new RegExp(
  [
    String.raw`\b(?:like|to|about|on|of|open|summari[sz]e|explain|read)\s+(?:it|this|that)(?:\s+(?:one|paper))?\s*[?.!]*$`,
    String.raw`^(?:what|how|why)\s+(?:does|did|do)\s+(?:it|this|that)(?:\s+(?:one|paper))?\s+\w+`,
    String.raw`^(?:who|when)\s+(?:wrote|published|released|made|authored|was)\s+(?:it|this|that)(?:\s+(?:one|paper))?\b`,
    String.raw`^how\s+many\s+\w+\s+(?:does|did|has)\s+(?:it|this|that)(?:\s+(?:one|paper))?\b`,
    String.raw`^what\s+(?:is|are|was|were)\s+its\b`,
    String.raw`^(?:this|that)(?:\s+(?:one|paper))?\s*[?.!]*$`,
    String.raw`^(?:(?:anything|something|any|more|other)\s+)?(?:similar|related)(?:\s+(?:papers|ones|work))?(?:\s+to\s+(?:it|this|that))?\s*[?.!]*$`,
  ].join("|"),
);

/** "which needs fine-tuning?", "which one is faster?": one of a few papers shown, asked for ("which papers …" asks the library). */
export const WHICH_OF_FEW = /^which(?:\s+one|\s+of\s+(?:the two|both|the three))?\s+(?!papers?\b|ones?\b|of\b|work\b|research\b)[a-z]/;
/** "drop the vision ones", "not the vision ones", "without the MoE papers": the list, less the papers on a topic. */
export const DROP_LISTED = /^(?:(?:but|and|ok|okay|now)[,\s]+)?(?:drop|remove|exclude|skip|hide|filter out|leave out|without|not|no|minus)\s+(?:the\s+|any\s+|all\s+)?(.+?)\s+(?:ones?|papers?|stuff)\s*[?.!]*$/;
/** "drop the ones about object detection", "remove the papers on vision": the same, said the other way round. */
export const DROP_ABOUT = /^(?:(?:but|and|ok|okay|now)[,\s]+)?(?:drop|remove|exclude|skip|hide|filter out|leave out|without)\s+(?:the\s+|any\s+|all\s+)?(?:ones?|papers?)\s+(?:about|on|for|with|using|that (?:are about|use|mention))\s+(.+?)\s*[?.!]*$/;
/** "which ones are not about vision?", "the ones that aren't for LLMs", "any of those not on graphs?": the same, asked. */
export const NOT_ABOUT = /^(?:(?:but|and|ok|okay|now)[,\s]+)?(?:which|what|any|the|only the|just the)(?:\s+(?:ones?|papers?))?(?:\s+of\s+(?:those|these|them))?(?:\s+(?:that|which))?\s+(?:(?:are|is)\s+not|aren'?t|isn'?t|not)\s+(?:about|on|for|related to|using|to do with)\s+(.+?)\s*[?.!]*$/;
/** A chat opener before a follow-up ("ok which is newest?", "hm ok, what about …", "well, which of those …", "nice. more", "and which one …"): how it was said, not what. */
export const OPENER = /^(?:(?:(?:hm+|um+|uh+|oh|ah|well|yeah|yes|yep|wait)\s*[,.!]\s*|(?:hm+|um+|uh+)\s+)|(?:ok(?:ay)?|hmm+|nice|cool|great|thanks|thank you|thx|alright|right|sure|got it|i see|i mean|interesting|perfect|awesome)\b[\s,.!:;-]*|(?:and|so|also|then)[\s,]+(?=(?:which|what|how|any|only|just|do|does|did|is|are|was|were|the ones?)\b))+(?=\S)/i;
/** A closing word that only says how it was asked: "ok which is newest then", "more pls", "summarize the first one in one line". */
export const CLOSER = /(?<=\S)[\s,]+(?:then|pls|plz|please|now|in (?:one|a|two|three|[1-5]) (?:lines?|sentences?|bullets?|words)|briefly|in short|simply|in plain (?:english|words))\s*([?.!]*)\s*$/i;
/** "only the theory ones pls", "just the ones using hierarchical methods": the list, kept to the papers on a topic. */
export const ONLY_LISTED = /^(?:(?:but|and|ok|okay|now)[,\s]+)?(?:(?:only|just)\s+|(?=the\s+ones?\s+(?:about|on|using|that use|with|for)\s))(?:the\s+)?(?:ones?\s+(?:about|on|using|with|for|(?:that|which)\s+(?:(?:are|is)\s+)?(?:(?:about|on|for)\s+|(?!(?:from|in|since|before|after|published)\b)\p{L}+\s+(?=\S))?)\s*(?:(?:an?|the)\s+)?(.+?)|(.+?)\s+(?:ones?|papers?|stuff)|(?!(?:for|in|on|with|from|the|ones?|papers?)\b)((?:[\p{L}-]+\s+){0,2}[\p{L}-]+))(?:\s+(?:pls|please|plz))?\s*[?.!]*$/u;
/** A question that compared papers: what "which …?" then asks of. */
export const COMPARISON = /\b(?:compare|comparing|versus|vs\.?|differ|difference|differences)\b/i;
export const ASKING = /^(?:does|do|did|is|are|was|were|can|could|will|would|has|have|what|how|why|who|when|where|which)\b/;

/** "it", "its", "they", "the authors", "that one", "what's the hypothesis?": a question about a paper already in view ("is that one about speculative decoding?"). */
export const ABOUT_IT = /\b(?:it|its|they|their|them|the authors?|the code|the results?|(?:that|this) (?:one|paper))\b|^(?:is|was|does|did|has)\s+(?:that|this)\s|^(?:what(?:'s|s| is| are| was| were)|and)\s+the\s+(?!(?:newest|latest|oldest|earliest|most|least|best|worst|first|last|difference|differences|library)\b)[\p{L}-]+(?:\s+[\p{L}-]+)?\s*[?.!]*$/u;
/** "is it possible to …", "is it true that …": an "it" that stands for nothing. */
export const EXPLETIVE_IT = /\b(?:is|was|would|could|will) it (?:possible|true|feasible|worth|better(?! than\b)|necessary|common|normal|ok|okay|hard|easy)\b|\bit (?:seems|appears|turns out)\b/;

/** "which is the most theoretical one?", "which one is cheapest in gpu hours": a verdict asked of the list, not a topic to narrow it by. */
export const SUPERLATIVE_ASKED = /^which(?:\s+one|\s+of\s+(?:them|those|these))?\s+(?:is|was|has|needs?|uses?|gets?|runs?)\s+(?:the\s+)?(?:(?:most|least)\s+(?!(?:recent|upvoted|popular|cited|liked)\b)[\p{L}-]+|cheapest|fastest|slowest|smallest|largest|biggest|simplest|strongest|weakest|lightest|quickest|lowest|highest)\b/u;
